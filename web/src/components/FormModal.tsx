import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert.js';

/** A form in a dialog: its fields, what the API refused that no field explains, and the buttons. */
export function FormModal({
  title,
  submitLabel,
  saving,
  unplaced,
  problemTitle,
  onSubmit,
  onClose,
  size = 'lg',
  children,
}: {
  title: string;
  submitLabel: string;
  saving: boolean;
  /** An API refusal that could not be shown beside a field. */
  unplaced: unknown;
  /** The refusal's heading, when the API's own would not say what failed. */
  problemTitle?: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  size?: 'md' | 'lg';
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ProblemAlert error={unplaced} title={problemTitle} />
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
