import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert.js';

/**
 * Asks before something that cannot simply be undone (removing, deactivating). Keeping things
 * as they are has the focus, so a stray Enter changes nothing.
 */
export function ConfirmModal({
  title,
  confirmLabel,
  cancelLabel = 'Cancel',
  confirming,
  error,
  problemTitle,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirmLabel: string;
  cancelLabel?: string;
  confirming: boolean;
  /** Why the last attempt was refused. */
  error: unknown;
  problemTitle?: string;
  onConfirm: () => void;
  onClose: () => void;
  /** What it means. */
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack gap="md">
        <ProblemAlert error={error} title={problemTitle} />
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {cancelLabel}
          </Button>
          <Button color="red" loading={confirming} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
