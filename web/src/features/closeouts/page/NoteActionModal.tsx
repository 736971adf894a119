import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { type TCloseoutDetail, ZNoteRequest } from '../../../../../src/server/closeouts/schema.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { zodValidate } from '../../../forms/zod-form.js';
import { useActionForm } from './use-action-form.js';

/**
 * Confirms an action that ends or moves a closeout, with an optional note for the audit trail.
 * A refusal stays in the dialog with the API's explanation (for a gate, what is missing).
 */
export function NoteActionModal({
  closeout,
  opened,
  onClose,
  onDone,
  title,
  children,
  path,
  success,
  noteLabel,
  notePlaceholder,
  confirmLabel,
  confirmColor,
}: {
  closeout: TCloseoutDetail;
  opened: boolean;
  onClose: () => void;
  onDone?: () => void;
  title: string;
  children: ReactNode;
  /** The action under `/closeouts/{id}/`. */
  path: string;
  success: string;
  noteLabel: string;
  notePlaceholder?: string;
  confirmLabel: string;
  confirmColor?: string;
}) {
  const form = useForm({ initialValues: { note: '' }, validate: zodValidate(ZNoteRequest) });
  const action = useActionForm(closeout, form);

  const close = () => {
    action.clearProblem();
    form.reset();
    onClose();
  };

  const submit = form.onSubmit(({ note }) =>
    action.send({ path, body: { note }, success }, () => {
      form.reset();
      onClose();
      onDone?.();
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" component="div">
            {children}
          </Text>
          <Textarea
            label={noteLabel}
            placeholder={notePlaceholder}
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <ProblemAlert error={action.problem} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={confirmColor} loading={action.pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
