import { Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { GuardedButton } from './GuardedButton.js';
import { NoteActionModal } from './NoteActionModal.js';

/** Why the closeout cannot close as terminated yet; null once it can. */
export function closeBlockedReason(
  closeout: TCloseoutDetail,
  definition: TProcessDefinition,
): string | null {
  const last = definition.stages.at(-1);
  if (last !== undefined && closeout.stage.key !== last.key) {
    return `A closeout closes from its last stage, ${last.code} ${last.name}; this one is in ${closeout.stage.code} ${closeout.stage.name}.`;
  }
  if (closeout.unmetClosingGates.length > 0) {
    return 'Closing becomes possible once nothing listed above blocks it.';
  }
  return null;
}

/** The two ways an open closeout ends from here: closed as terminated, or withdrawn. */
export function EndCloseoutActions({
  closeout,
  definition,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
}) {
  const [closing, closeDialog] = useDisclosure(false);
  const [withdrawing, withdrawDialog] = useDisclosure(false);
  const closeBlocked = closeBlockedReason(closeout, definition);
  const withdrawBlocked =
    closeout.responsibilityAcceptance === null
      ? null
      : 'The client has already taken over system administration, so the notice can no longer be withdrawn.';

  return (
    <Stack gap="xs">
      <GuardedButton
        permission="closeout.close"
        blockedReason={closeBlocked}
        color="red"
        leftSection={<IconCircleCheck size={16} />}
        fullWidth
        onClick={closeDialog.open}
      >
        Close as terminated
      </GuardedButton>
      {closeBlocked !== null && (
        <Text size="xs" c="dimmed">
          {closeBlocked}
        </Text>
      )}
      <GuardedButton
        permission="closeout.withdraw"
        blockedReason={withdrawBlocked}
        variant="default"
        leftSection={<IconArrowBackUp size={16} />}
        fullWidth
        onClick={withdrawDialog.open}
      >
        Withdraw…
      </GuardedButton>

      <NoteActionModal
        closeout={closeout}
        opened={closing}
        onClose={closeDialog.close}
        title={`Close ${closeout.reference} as terminated`}
        path="close"
        success={`${closeout.reference} is closed as terminated.`}
        noteLabel="Closing note"
        notePlaceholder="Anything worth keeping with the record, e.g. how the hand-over went"
        confirmLabel="Close as terminated"
        confirmColor="red"
      >
        {closeout.client.name} no longer receives the service. The 11b deactivation tasks and
        deactivation issues can still be worked after closing, and the win-back check-ins are
        scheduled.
      </NoteActionModal>
      <NoteActionModal
        closeout={closeout}
        opened={withdrawing}
        onClose={withdrawDialog.close}
        title={`Withdraw ${closeout.reference}`}
        path="withdraw"
        success={`${closeout.reference} is withdrawn: ${closeout.client.name} stays a client.`}
        noteLabel="What happened"
        notePlaceholder="e.g. The client withdrew its notice by email on 14 November"
        confirmLabel="Withdraw the closeout"
      >
        Use this when the notice, or our termination, was withdrawn: the closeout ends as withdrawn,
        its open tasks are waived and {closeout.client.name} stays a client.
      </NoteActionModal>
    </Stack>
  );
}
