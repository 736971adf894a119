import { Button, Group } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

/** Saves a settings form or throws its changes away; neither has anything to do before a change. */
export function SaveButtons<TValues>({
  form,
  saving,
  label,
}: {
  form: UseFormReturnType<TValues>;
  saving: boolean;
  label: string;
}) {
  return (
    <Group gap="xs">
      {form.isDirty() && (
        <Button variant="subtle" color="gray" onClick={() => form.reset()}>
          Discard changes
        </Button>
      )}
      <Button type="submit" loading={saving} disabled={!form.isDirty()}>
        {label}
      </Button>
    </Group>
  );
}
