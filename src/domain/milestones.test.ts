import { describe, expect, it } from 'vitest';
import {
  act,
  atTicketReview,
  CLIENT_TICKETS,
  engineContext,
  taskByKey,
  ticket,
} from '../../test/support/closeout-scenarios.js';
import { pullTickets, setTicketDispositions } from './closeout/index.js';
import { missingFor } from './milestones.js';

/** Tickets the PSA closes on its own must never leave the review stuck. */
describe('ticket milestones when the PSA closes tickets', () => {
  const context = engineContext();
  const reviewed = () => {
    const pulled = act(
      atTicketReview({ context }),
      (c) => pullTickets(c, CLIENT_TICKETS, context),
      context,
    );
    return act(
      pulled,
      (c) =>
        setTicketDispositions(
          c,
          [
            {
              ticketId: 'tk-1',
              disposition: 'complete',
              reason: '',
              handoverNote: '',
              clientAgreed: true,
            },
            {
              ticketId: 'tk-2',
              disposition: 'cancel',
              reason: 'Out of scope',
              handoverNote: '',
              clientAgreed: true,
            },
          ],
          context,
        ),
      context,
    );
  };

  it('settles a ticket closed the other way round from its disposition', () => {
    const closedOpposite = CLIENT_TICKETS.map((candidate) =>
      candidate.id === 'tk-1'
        ? { ...candidate, status: 'cancelled' as const, closedAt: '2025-04-01T09:00:00.000Z' }
        : candidate.id === 'tk-2'
          ? { ...candidate, status: 'completed' as const, closedAt: '2025-04-01T09:00:00.000Z' }
          : candidate,
    );
    const synced = act(reviewed(), (c) => pullTickets(c, closedOpposite, context), context);
    expect(missingFor('tickets_completed', synced)).toEqual([]);
    expect(missingFor('cancelled_tickets_closed', synced)).toEqual([]);
    expect(missingFor('tickets_resolved', synced)).toEqual([]);
    expect(taskByKey(synced, 't20').status).toBe('done');
    expect(taskByKey(synced, 't21').status).toBe('done');
  });

  it('needs no agreement for a ticket closed before it got a disposition', () => {
    const pulled = act(
      atTicketReview({ context }),
      (c) => pullTickets(c, CLIENT_TICKETS, context),
      context,
    );
    const closedUnreviewed = [
      ...CLIENT_TICKETS.filter((candidate) => candidate.id !== 'tk-2'),
      ticket({
        id: 'tk-2',
        number: 'T-1002',
        status: 'completed',
        closedAt: '2025-04-02T09:00:00.000Z',
      }),
    ];
    const synced = act(pulled, (c) => pullTickets(c, closedUnreviewed, context), context);
    expect(missingFor('dispositions_agreed', synced)).toEqual([
      'The client has not agreed the disposition of Ticket T-1001 "Migrate mailboxes".',
    ]);
  });
});
