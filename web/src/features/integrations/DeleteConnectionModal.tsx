import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TPsaConnection } from '../../../../src/server/integrations/schema.js';
import { useDeletePsaConnection } from '../../api/integrations.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';

export function DeleteConnectionModal({
  connection,
  onClose,
}: {
  connection: TPsaConnection;
  onClose: () => void;
}) {
  const remove = useDeletePsaConnection();
  return (
    <ConfirmModal
      title={`Delete ${connection.name}?`}
      confirmLabel="Delete connection"
      confirming={remove.isPending}
      error={remove.error}
      problemTitle="Not deleted"
      onConfirm={() =>
        remove.mutate(connection.id, {
          onSuccess: () => {
            notifications.show({ message: `${connection.name} was deleted.` });
            onClose();
          },
        })
      }
      onClose={onClose}
    >
      <Text size="sm">
        Closeout stops syncing tickets from this PSA and writing outcomes back to it, and forgets
        its stored credentials. The clients and tickets already brought in stay as they are.
      </Text>
    </ConfirmModal>
  );
}
