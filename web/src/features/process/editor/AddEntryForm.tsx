import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';

/**
 * A one-line form that adds a named part (a task, role, system or document) to the draft; the
 * part is then completed in place like any other.
 */
export function AddEntryForm({
  label,
  placeholder,
  kinds,
  onAdd,
}: {
  /** What is added: "optional task", "system". */
  label: string;
  placeholder: string;
  /** A choice that must be made when adding, e.g. the swim lane of a task. */
  kinds?: { label: string; options: { value: string; label: string }[] };
  onAdd: (name: string, kind: string | null) => void;
}) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>(kinds?.options[0]?.value ?? null);
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Give it a name first.');
      return;
    }
    onAdd(trimmed, kind);
    setName('');
    setError(undefined);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Group align="start" gap="xs" wrap="wrap">
        <TextInput
          aria-label={`Name of the new ${label}`}
          placeholder={placeholder}
          value={name}
          error={error}
          maxLength={120}
          onChange={(event) => setName(event.currentTarget.value)}
          style={{ flex: '1 1 240px' }}
        />
        {kinds !== undefined && (
          <Select
            aria-label={kinds.label}
            data={kinds.options}
            value={kind}
            allowDeselect={false}
            onChange={setKind}
            w={200}
          />
        )}
        <Button type="submit" variant="light" leftSection={<IconPlus size={16} />}>
          Add {label}
        </Button>
      </Group>
    </form>
  );
}
