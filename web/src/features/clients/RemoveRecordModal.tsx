import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ClientRecordKind, useRemoveClientRecord } from '../../api/clients.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';

/** Asks before removing a contact, agreement or managed system: the audit trail keeps it, the client page does not. */
export function RemoveRecordModal({
  clientId,
  kind,
  record,
  title,
  note,
  onClose,
}: {
  clientId: string;
  kind: ClientRecordKind;
  record: { id: string; name: string };
  title: string;
  /** What removing it means, beyond the record disappearing. */
  note?: string;
  onClose: () => void;
}) {
  const remove = useRemoveClientRecord(clientId, kind);
  return (
    <ConfirmModal
      title={title}
      confirmLabel="Remove"
      cancelLabel="Keep it"
      confirming={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(record.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: `${record.name} was removed.` });
            onClose();
          },
        })
      }
      onClose={onClose}
    >
      <Text size="sm">
        Remove <strong>{record.name}</strong> from this client?
      </Text>
      {note !== undefined && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
    </ConfirmModal>
  );
}
