import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { type ClientRecordKind, useRemoveClientRecord } from '../../api/clients.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** Asks before removing a contact, agreement or managed system: the audit trail keeps it, the client page does not. */
export function RemoveRecordModal({
  clientId,
  kind,
  record,
  title,
  children,
  onClose,
}: {
  clientId: string;
  kind: ClientRecordKind;
  record: { id: string; name: string };
  title: string;
  /** What removing it means, beyond the record disappearing. */
  children?: ReactNode;
  onClose: () => void;
}) {
  const remove = useRemoveClientRecord(clientId, kind);
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack gap="md">
        <ProblemAlert error={remove.error} />
        <Text size="sm">
          Remove <strong>{record.name}</strong> from this client?
        </Text>
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep it
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(record.id, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: `${record.name} was removed.` });
                  onClose();
                },
              })
            }
          >
            Remove
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
