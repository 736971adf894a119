import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../api/closeouts.js';
import { GuardedButton } from '../GuardedButton.js';
import { notifyRefusal } from '../session/notify-refusal.js';

const tickets = (count: number) => `${count} ${count === 1 ? 'ticket' : 'tickets'}`;

/** What a pull changed: tickets that joined, and reviewed tickets closed in the PSA meanwhile. */
function pullSummary(before: TCloseoutDetail, after: TCloseoutDetail): string {
  const joined = after.ticketReviews.length - before.ticketReviews.length;
  const settledBefore = before.ticketReviews.filter((review) => review.outcome !== null).length;
  const settledAfter = after.ticketReviews
    .slice(0, before.ticketReviews.length)
    .filter((review) => review.outcome !== null).length;
  const closed = settledAfter - settledBefore;
  const parts = [
    joined > 0 ? `${tickets(joined)} joined the review` : 'No new open tickets',
    ...(closed > 0 ? [`${tickets(closed)} closed in the PSA meanwhile`] : []),
  ];
  return `${parts.join('; ')}.`;
}

/** Brings every open ticket of the client into the review; safe to repeat at any time. */
export function PullTicketsButton({ closeout }: { closeout: TCloseoutDetail }) {
  const action = useCloseoutAction(closeout);
  const first = closeout.ticketsPulledAt === null;
  return (
    <GuardedButton
      permission="closeout.ticket_disposition"
      variant={first ? 'filled' : 'default'}
      leftSection={<IconDownload size={16} />}
      loading={action.isPending}
      onClick={() =>
        action.mutate(
          { path: 'pull-tickets' },
          {
            onSuccess: (updated) =>
              notifications.show({ color: 'teal', message: pullSummary(closeout, updated) }),
            onError: (error) => notifyRefusal('Tickets not pulled', error),
          },
        )
      }
    >
      {first ? "Pull the client's open tickets" : 'Pull again'}
    </GuardedButton>
  );
}
