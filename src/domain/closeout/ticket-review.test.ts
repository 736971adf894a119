import { describe, expect, it } from 'vitest';
import {
  act,
  atDeactivationSession,
  atTicketReview,
  CLIENT_TICKETS,
  engineContext,
  NOW,
  openedCloseout,
  refusal,
  taskByKey,
  ticket,
} from '../../../test/support/closeout-scenarios.js';
import type { Closeout, Ticket } from '../model.js';
import type { EngineContext } from './context.js';
import { advanceStage } from './lifecycle.js';
import {
  type DispositionInput,
  pullTickets,
  recordClientResponse,
  recordTicketOutcome,
  setTicketDispositions,
} from './ticket-review.js';

const pull = (closeout: Closeout, tickets: Ticket[], context: EngineContext) =>
  act(closeout, (c) => pullTickets(c, tickets, context), context);

const dispose = (closeout: Closeout, dispositions: DispositionInput[], context: EngineContext) =>
  act(closeout, (c) => setTicketDispositions(c, dispositions, context), context);

const complete: DispositionInput = {
  ticketId: 'tk-1',
  disposition: 'complete',
  reason: '',
  handoverNote: '',
  clientAgreed: true,
};
const cancel: DispositionInput = {
  ticketId: 'tk-2',
  disposition: 'cancel',
  reason: 'Replaced by the new provider.',
  handoverNote: 'Driver issue.',
  clientAgreed: true,
};

describe('pullTickets', () => {
  it('is refused before the meeting stage', () => {
    const context = engineContext();
    const error = refusal(() =>
      pull(openedCloseout('client_notice', context), CLIENT_TICKETS, context),
    );
    expect(error.code).toBe('illegal_transition');
  });

  it("brings the client's open tickets into the review", () => {
    const context = engineContext();
    const pulled = pull(atTicketReview({ context }), CLIENT_TICKETS, context);
    expect(pulled.ticketsPulledAt).toBe(NOW);
    expect(pulled.ticketReviews).toEqual([
      expect.objectContaining({
        ticketId: 'tk-1',
        ticketNumber: 'T-1001',
        title: 'Migrate mailboxes',
        disposition: null,
        clientAgreed: false,
        outcome: null,
        joinedAt: NOW,
      }),
      expect.objectContaining({ ticketId: 'tk-2', ticketNumber: 'T-1002', joinedAt: NOW }),
    ]);
    expect(taskByKey(pulled, 't17').status).toBe('done');
  });

  it('adds tickets that arrive later, and refuses a pull that finds nothing new', () => {
    const context = engineContext();
    const pulled = pull(atTicketReview({ context }), CLIENT_TICKETS, context);
    const later = { ...context, now: '2025-05-01T08:00:00.000Z' };
    const arrived = ticket({ id: 'tk-3', number: 'T-1003', title: 'VPN down' });
    const repulled = pull(pulled, [...CLIENT_TICKETS, arrived], later);
    expect(repulled.ticketReviews.map((review) => review.ticketId)).toEqual([
      'tk-1',
      'tk-2',
      'tk-3',
    ]);
    expect(repulled.ticketReviews[2]!.joinedAt).toBe('2025-05-01T08:00:00.000Z');
    expect(repulled.ticketsPulledAt).toBe(NOW);

    expect(refusal(() => pull(repulled, [...CLIENT_TICKETS, arrived], later)).code).toBe(
      'conflict',
    );
  });

  it('shows tickets closed in the PSA as completed or cancelled', () => {
    const context = engineContext();
    const pulled = pull(atTicketReview({ context }), CLIENT_TICKETS, context);
    const closedInPsa = [
      { ...CLIENT_TICKETS[0]!, status: 'completed' as const, closedAt: '2025-04-02T10:00:00.000Z' },
      { ...CLIENT_TICKETS[1]!, status: 'cancelled' as const, closedAt: null },
    ];
    const repulled = pull(pulled, closedInPsa, context);
    expect(repulled.ticketReviews[0]).toMatchObject({
      outcome: 'completed',
      outcomeAt: '2025-04-02T10:00:00.000Z',
    });
    expect(repulled.ticketReviews[1]).toMatchObject({ outcome: 'cancelled', outcomeAt: NOW });
  });

  it('does not hold up the review for a ticket closed in the PSA before it got a disposition', () => {
    const context = engineContext();
    let closeout = pull(atTicketReview({ context }), CLIENT_TICKETS, context);
    closeout = pull(
      closeout,
      [CLIENT_TICKETS[0]!, { ...CLIENT_TICKETS[1]!, status: 'completed' as const }],
      context,
    );
    const error = refusal(() => dispose(closeout, [cancel], context));
    expect(error.message).toBe('Ticket T-1002 is already completed; its disposition is final.');

    closeout = dispose(closeout, [complete], context);
    expect(act(closeout, (c) => advanceStage(c, context), context).stage).toBe(
      'deactivation_session',
    );
  });
});

describe('setTicketDispositions', () => {
  it('sets each disposition with the client agreement', () => {
    const context = engineContext();
    const closeout = dispose(
      pull(atTicketReview({ context }), CLIENT_TICKETS, context),
      [complete, cancel],
      context,
    );
    expect(closeout.ticketReviews[0]).toMatchObject({
      disposition: 'complete',
      clientAgreed: true,
      clientAgreedAt: NOW,
    });
    expect(closeout.ticketReviews[1]).toMatchObject({
      disposition: 'cancel',
      reason: 'Replaced by the new provider.',
      handoverNote: 'Driver issue.',
    });
    expect(taskByKey(closeout, 't18').status).toBe('done');
    expect(taskByKey(closeout, 't19').status).toBe('done');
  });

  it('refuses a cancellation without a reason', () => {
    const context = engineContext();
    const pulled = pull(atTicketReview({ context }), CLIENT_TICKETS, context);
    const error = refusal(() => dispose(pulled, [{ ...cancel, reason: '   ' }], context));
    expect(error.code).toBe('validation');
    expect(error.field).toBe('dispositions.0.reason');
  });

  it('applies the whole batch or none of it', () => {
    const context = engineContext();
    const pulled = pull(atTicketReview({ context }), CLIENT_TICKETS, context);
    const error = refusal(() => dispose(pulled, [complete, { ...cancel, reason: '' }], context));
    expect(error.field).toBe('dispositions.1.reason');
    const unknown = refusal(() =>
      dispose(pulled, [complete, { ...cancel, ticketId: 'tk-9' }], context),
    );
    expect(unknown.code).toBe('not_found');
    expect(unknown.field).toBe('dispositions.1.ticketId');
    expect(pulled.ticketReviews.map((review) => review.disposition)).toEqual([null, null]);
  });
});

describe('recordTicketOutcome', () => {
  const outcome = (
    closeout: Closeout,
    ticketId: string,
    result: 'completed' | 'cancelled',
    context: EngineContext,
  ) =>
    act(closeout, (c) => recordTicketOutcome(c, { ticketId, outcome: result }, context), context);

  it('completes only a ticket to complete, and cancels only a ticket to cancel', () => {
    const context = engineContext();
    const closeout = atDeactivationSession({ context });
    const wrongComplete = refusal(() => outcome(closeout, 'tk-2', 'completed', context));
    expect(wrongComplete.code).toBe('illegal_transition');
    expect(wrongComplete.message).toBe(
      'Ticket T-1002 can be completed only when its disposition is "complete".',
    );
    const wrongCancel = refusal(() => outcome(closeout, 'tk-1', 'cancelled', context));
    expect(wrongCancel.message).toBe(
      'Ticket T-1001 can be cancelled only when its disposition is "cancel".',
    );

    const done = outcome(
      outcome(closeout, 'tk-1', 'completed', context),
      'tk-2',
      'cancelled',
      context,
    );
    expect(done.ticketReviews.map((review) => [review.outcome, review.outcomeAt])).toEqual([
      ['completed', NOW],
      ['cancelled', NOW],
    ]);
    expect(taskByKey(done, 't20').status).toBe('done');
    expect(taskByKey(done, 't21').status).toBe('done');
    expect(taskByKey(done, 't22').status).toBe('done');
    expect(refusal(() => outcome(done, 'tk-1', 'completed', context)).message).toBe(
      'Ticket T-1001 is already completed.',
    );
  });

  it("cancels only with the client's agreement", () => {
    const context = engineContext();
    let closeout = pull(atTicketReview({ context }), CLIENT_TICKETS, context);
    closeout = dispose(closeout, [{ ...cancel, clientAgreed: false }], context);
    const error = refusal(() => outcome(closeout, 'tk-2', 'cancelled', context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe("Ticket T-1002 can be cancelled only with the client's agreement.");

    closeout = act(
      closeout,
      (c) => recordClientResponse(c, { ticketId: 'tk-2', agreed: true, question: null }, context),
      context,
    );
    expect(outcome(closeout, 'tk-2', 'cancelled', context).ticketReviews[1]!.outcome).toBe(
      'cancelled',
    );
  });
});

describe('recordClientResponse', () => {
  it('withdraws the agreement when the client questions a disposition', () => {
    const context = engineContext();
    const agreed = dispose(
      pull(atTicketReview({ context }), CLIENT_TICKETS, context),
      [complete, cancel],
      context,
    );
    const questioned = act(
      agreed,
      (c) =>
        recordClientResponse(
          c,
          { ticketId: 'tk-2', agreed: false, question: 'Why not fix it?' },
          context,
        ),
      context,
    );
    expect(questioned.ticketReviews[1]).toMatchObject({
      clientAgreed: false,
      clientAgreedAt: null,
      clientQuestion: 'Why not fix it?',
    });
    expect(taskByKey(questioned, 't19').status).toBe('open');

    const reagreed = act(
      questioned,
      (c) => recordClientResponse(c, { ticketId: 'tk-2', agreed: true, question: null }, context),
      context,
    );
    expect(reagreed.ticketReviews[1]).toMatchObject({ clientAgreed: true, clientQuestion: null });
    expect(taskByKey(reagreed, 't19').status).toBe('done');
  });

  it('needs a question to disagree, and a disposition to respond to', () => {
    const context = engineContext();
    const pulled = pull(atTicketReview({ context }), CLIENT_TICKETS, context);
    const noDisposition = refusal(() =>
      act(
        pulled,
        (c) => recordClientResponse(c, { ticketId: 'tk-1', agreed: true, question: null }, context),
        context,
      ),
    );
    expect(noDisposition.code).toBe('illegal_transition');

    const disposed = dispose(pulled, [complete], context);
    const noQuestion = refusal(() =>
      act(
        disposed,
        (c) => recordClientResponse(c, { ticketId: 'tk-1', agreed: false, question: ' ' }, context),
        context,
      ),
    );
    expect(noQuestion.code).toBe('validation');
    expect(noQuestion.field).toBe('question');
  });
});
