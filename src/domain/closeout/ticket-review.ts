import { illegal, invalid } from '../errors.js';
import type { Closeout, Ticket, TicketDisposition, TicketOutcome, TicketReview } from '../model.js';
import {
  type EngineContext,
  findPart,
  replacePart,
  requireOpen,
  requireStageReached,
} from './context.js';

/** 11a.03 Open Ticket Review. */

const REVIEW_FROM_STAGE = 'closeout_meeting';

/**
 * Brings the client's tickets into the review: every ticket open now that is not in it yet
 * joins (tickets that arrive during the closeout join too), and a reviewed ticket closed in the
 * PSA meanwhile shows as completed or cancelled.
 */
export function pullTickets(
  closeout: Closeout,
  clientTickets: Ticket[],
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, REVIEW_FROM_STAGE);
  const reviewed = new Map(closeout.ticketReviews.map((review) => [review.ticketId, review]));
  const joining: TicketReview[] = clientTickets
    .filter((ticket) => ticket.status === 'open' && !reviewed.has(ticket.id))
    .map((ticket) => ({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      title: ticket.title,
      disposition: null,
      reason: '',
      handoverNote: '',
      clientAgreed: false,
      clientAgreedAt: null,
      clientQuestion: null,
      outcome: null,
      outcomeAt: null,
      joinedAt: context.now,
    }));
  const closedElsewhere = new Map(
    clientTickets
      .filter((ticket) => ticket.status !== 'open')
      .map((ticket) => [ticket.id, ticket] as const),
  );
  const ticketReviews = closeout.ticketReviews.map((review) => {
    const ticket = closedElsewhere.get(review.ticketId);
    if (ticket === undefined || review.outcome !== null) return review;
    return {
      ...review,
      outcome: ticket.status as TicketOutcome,
      outcomeAt: ticket.closedAt ?? context.now,
    };
  });
  return {
    ...closeout,
    ticketsPulledAt: closeout.ticketsPulledAt ?? context.now,
    ticketReviews: [...ticketReviews, ...joining],
  };
}

export type DispositionInput = {
  ticketId: string;
  disposition: TicketDisposition;
  reason: string;
  handoverNote: string;
  clientAgreed: boolean;
};

/** Sets the disposition of one or more tickets; the whole batch applies or none of it. */
export function setTicketDispositions(
  closeout: Closeout,
  dispositions: DispositionInput[],
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, REVIEW_FROM_STAGE);
  let ticketReviews = closeout.ticketReviews;
  dispositions.forEach((input, index) => {
    const matches = (review: TicketReview) => review.ticketId === input.ticketId;
    const review = findPart(
      ticketReviews,
      matches,
      'This ticket',
      `dispositions.${index}.ticketId`,
    );
    if (review.outcome !== null) {
      throw illegal(
        `Ticket ${review.ticketNumber} is already ${review.outcome}; its disposition is final.`,
      );
    }
    if (input.disposition === 'cancel' && input.reason.trim() === '') {
      throw invalid(`dispositions.${index}.reason`, 'Say why the ticket is cancelled.');
    }
    ticketReviews = replacePart(ticketReviews, matches, (current) => ({
      ...current,
      disposition: input.disposition,
      reason: input.reason,
      handoverNote: input.handoverNote,
      clientAgreed: input.clientAgreed,
      clientAgreedAt: input.clientAgreed ? (current.clientAgreedAt ?? context.now) : null,
      clientQuestion: input.clientAgreed ? null : current.clientQuestion,
    }));
  });
  return { ...closeout, ticketReviews };
}

/** The client agrees a disposition, or questions it (which withdraws its agreement). */
export function recordClientResponse(
  closeout: Closeout,
  input: { ticketId: string; agreed: boolean; question: string | null },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  const matches = (review: TicketReview) => review.ticketId === input.ticketId;
  const review = findPart(closeout.ticketReviews, matches, 'This ticket', 'ticketId');
  if (review.disposition === null) {
    throw illegal(`Ticket ${review.ticketNumber} has no disposition to agree yet.`);
  }
  if (!input.agreed && (input.question ?? '').trim() === '') {
    throw invalid('question', 'Say what the client questions about the disposition.');
  }
  return {
    ...closeout,
    ticketReviews: replacePart(closeout.ticketReviews, matches, (current) => ({
      ...current,
      clientAgreed: input.agreed,
      clientAgreedAt: input.agreed ? context.now : null,
      clientQuestion: input.agreed ? null : input.question,
    })),
  };
}

/** A ticket was worked to completion, or closed as cancelled with the client's agreement. */
export function recordTicketOutcome(
  closeout: Closeout,
  input: { ticketId: string; outcome: TicketOutcome },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  const matches = (review: TicketReview) => review.ticketId === input.ticketId;
  const review = findPart(closeout.ticketReviews, matches, 'This ticket', 'ticketId');
  if (review.outcome !== null)
    throw illegal(`Ticket ${review.ticketNumber} is already ${review.outcome}.`);
  const expected = input.outcome === 'completed' ? 'complete' : 'cancel';
  if (review.disposition !== expected) {
    throw illegal(
      `Ticket ${review.ticketNumber} can be ${input.outcome} only when its disposition is "${expected}".`,
    );
  }
  if (input.outcome === 'cancelled' && !review.clientAgreed) {
    throw illegal(
      `Ticket ${review.ticketNumber} can be cancelled only with the client's agreement.`,
    );
  }
  return {
    ...closeout,
    ticketReviews: replacePart(closeout.ticketReviews, matches, (current) => ({
      ...current,
      outcome: input.outcome,
      outcomeAt: context.now,
    })),
  };
}
