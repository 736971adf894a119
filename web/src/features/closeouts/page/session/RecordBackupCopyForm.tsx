import { Button, Group, NumberInput, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import {
  type TCloseoutDetail,
  ZRecordBackupCopyRequest,
} from '../../../../../../src/server/closeouts/schema.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { BACKUP_MEDIUM_LABELS, options } from '../../../../labels.js';
import { SIZE_UNITS, type SizeUnit, toBytes } from './bytes.js';
import { useCloseoutForm } from './closeout-form.js';

type TMedium = TCloseoutDetail['backupCopies'][number]['medium'];

type CopyValues = {
  description: string;
  systemsCovered: string[];
  size: number | string;
  unit: SizeUnit;
  sha256: string;
  medium: TMedium | '';
};

/** The copy of the client's backup data: what it covers, how big, its checksum and medium. */
export function RecordBackupCopyForm({
  closeout,
  systems,
  onClose,
}: {
  closeout: TCloseoutDetail;
  systems: string[];
  onClose: () => void;
}) {
  const { form, onSubmit, problem, pending } = useCloseoutForm<CopyValues>({
    closeout,
    path: 'backup-copies',
    success: 'Backup copy recorded.',
    initialValues: {
      description: '',
      systemsCovered: [],
      size: '',
      unit: 'GB',
      sha256: '',
      medium: '',
    },
    schema: ZRecordBackupCopyRequest,
    toBody: (values) => ({
      description: values.description.trim(),
      systemsCovered: values.systemsCovered,
      sizeBytes: typeof values.size === 'number' ? toBytes(values.size, values.unit) : Number.NaN,
      sha256: values.sha256.trim(),
      medium: values.medium,
    }),
    fieldName: (field) => (field === 'sizeBytes' ? 'size' : field),
    check: (values) => ({
      ...(values.systemsCovered.length === 0
        ? { systemsCovered: 'Name at least one system the copy covers.' }
        : {}),
      ...(typeof values.size === 'number' ? {} : { size: 'Enter the size of the copy.' }),
      ...(values.medium === '' ? { medium: 'Choose how the copy reaches the client.' } : {}),
    }),
    onDone: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record a backup copy">
      <Stack gap="sm">
        <TextInput
          label="Description"
          placeholder="e.g. Full export of the file server and Microsoft 365 mailboxes"
          withAsterisk
          data-autofocus
          {...form.getInputProps('description')}
        />
        <TagsInput
          label="Systems covered"
          description="Pick the systems being handed over, or type another and press Enter."
          data={systems}
          withAsterisk
          clearable
          {...form.getInputProps('systemsCovered')}
        />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NumberInput
            label="Size"
            min={0}
            decimalScale={2}
            thousandSeparator
            withAsterisk
            w={180}
            {...form.getInputProps('size')}
          />
          <Select
            label="Unit"
            data={SIZE_UNITS.map(({ value, label }) => ({ value, label }))}
            allowDeselect={false}
            w={90}
            {...form.getInputProps('unit')}
          />
          <Select
            label="Medium"
            placeholder="How it reaches the client"
            data={options(BACKUP_MEDIUM_LABELS)}
            withAsterisk
            w={240}
            {...form.getInputProps('medium')}
          />
        </Group>
        <TextInput
          label="SHA-256"
          description="64 hexadecimal characters, as sha256sum or Get-FileHash prints them."
          withAsterisk
          spellCheck={false}
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('sha256')}
        />
        <ProblemAlert error={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Record backup copy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
