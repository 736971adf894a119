import { Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../api/closeouts.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { formatMoment } from '../../../../format.js';
import { TICKET_OUTCOME_LABELS } from '../../../../labels.js';
import { GuardedButton } from '../GuardedButton.js';
import type { TTicketReview } from './ticket-query.js';

/** Why an outcome cannot be recorded yet, as the engine would refuse it; null when it can. */
export function outcomeBlockedBy(
  review: TTicketReview,
  outcome: 'completed' | 'cancelled',
): string | null {
  if (outcome === 'completed') {
    return review.disposition === 'complete'
      ? null
      : 'Only a ticket whose disposition is “complete” can be marked completed.';
  }
  if (review.disposition !== 'cancel') {
    return 'Only a ticket whose disposition is “cancel” can be closed as cancelled.';
  }
  return review.clientAgreed
    ? null
    : 'A ticket is cancelled only with the client’s agreement: record that the client agreed first.';
}

/** Whether the ticket was worked to completion or closed as cancelled in the PSA. */
export function TicketOutcomeSection({
  closeout,
  review,
  editable,
}: {
  closeout: TCloseoutDetail;
  review: TTicketReview;
  editable: boolean;
}) {
  const action = useCloseoutAction(closeout);
  if (review.outcome !== null) {
    return (
      <Text size="sm">
        {TICKET_OUTCOME_LABELS[review.outcome]} on {formatMoment(review.outcomeAt)}.
      </Text>
    );
  }
  const record = (outcome: 'completed' | 'cancelled') =>
    action.mutate({
      path: `ticket-reviews/${review.ticketId}/outcome`,
      body: { outcome },
      success: `${review.ticketNumber} is ${TICKET_OUTCOME_LABELS[outcome].toLowerCase()}.`,
    });
  const pending = action.isPending ? action.variables?.body : undefined;
  const isPending = (outcome: 'completed' | 'cancelled') =>
    (pending as { outcome?: string } | undefined)?.outcome === outcome;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Still open in the PSA. Record how it ended once it is done; a ticket closed in the PSA also
        shows here after the next pull.
      </Text>
      {editable && (
        <Group gap="sm">
          <GuardedButton
            permission="closeout.ticket_disposition"
            variant="light"
            color="teal"
            leftSection={<IconCircleCheck size={16} />}
            blockedReason={outcomeBlockedBy(review, 'completed')}
            loading={isPending('completed')}
            onClick={() => record('completed')}
          >
            Mark completed
          </GuardedButton>
          <GuardedButton
            permission="closeout.ticket_disposition"
            variant="light"
            color="gray"
            leftSection={<IconCircleX size={16} />}
            blockedReason={outcomeBlockedBy(review, 'cancelled')}
            loading={isPending('cancelled')}
            onClick={() => record('cancelled')}
          >
            Close as cancelled
          </GuardedButton>
        </Group>
      )}
      <ProblemAlert error={action.error} />
    </Stack>
  );
}
