import { Autocomplete, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import {
  type TCloseoutDetail,
  ZConfirmBackupReceiptRequest,
} from '../../../../../../src/server/closeouts/schema.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { clientPeople } from './client-people.js';
import { useCloseoutForm } from './closeout-form.js';

type TBackupCopy = TCloseoutDetail['backupCopies'][number];

const SHA256 = /^[0-9a-fA-F]{64}$/;
const MISMATCH = 'Does not match the checksum of the copy we made: do not confirm receipt.';

/**
 * The client's receipt of a backup copy, recorded on its behalf. With the checksum the client
 * computed, the receipt also verifies the copy arrived intact; a mismatch is refused.
 */
export function ConfirmReceiptForm({
  closeout,
  copy,
  onClose,
}: {
  closeout: TCloseoutDetail;
  copy: TBackupCopy;
  onClose: () => void;
}) {
  const people = clientPeople(closeout);
  const { form, onSubmit, problem, pending } = useCloseoutForm<{
    receivedBy: string;
    sha256: string;
  }>({
    closeout,
    path: `backup-copies/${copy.id}/confirm-receipt`,
    success: `Receipt of “${copy.description}” recorded.`,
    initialValues: { receivedBy: people[0] ?? '', sha256: '' },
    schema: ZConfirmBackupReceiptRequest,
    toBody: ({ receivedBy, sha256 }) => ({
      receivedBy: receivedBy.trim(),
      sha256: sha256.trim() === '' ? null : sha256.trim().toLowerCase(),
    }),
    check: ({ sha256 }) =>
      SHA256.test(sha256.trim()) && sha256.trim().toLowerCase() !== copy.sha256
        ? { sha256: MISMATCH }
        : {},
    onDone: onClose,
  });
  const entered = form.values.sha256.trim();
  const matches = SHA256.test(entered) && entered.toLowerCase() === copy.sha256;
  const mismatch = SHA256.test(entered) && !matches;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Receipt of ${copy.description}`}>
      <Stack gap="xs">
        <Autocomplete
          label="Received by"
          description="The client's person who received the copy."
          data={people}
          withAsterisk
          data-autofocus
          {...form.getInputProps('receivedBy')}
        />
        <TextInput
          label="SHA-256 the client computed"
          description="Leave empty to record receipt without checking the checksum."
          spellCheck={false}
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('sha256')}
          error={form.errors.sha256 ?? (mismatch ? MISMATCH : undefined)}
        />
        {matches && (
          <Group gap={4} c="teal">
            <IconCircleCheck size={16} aria-hidden />
            <Text size="sm" c="teal" fw={500}>
              Matches the checksum we recorded
            </Text>
          </Group>
        )}
        <ProblemAlert error={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="xs" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" size="xs" color="teal" loading={pending} disabled={mismatch}>
            Confirm receipt
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
