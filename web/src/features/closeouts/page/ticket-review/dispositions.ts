import type { TTicketReview } from './ticket-query.js';

/**
 * One item of a `ticket-dispositions` request. The engine replaces the client's agreement with
 * what is sent, so an agreement is kept only while the disposition it agreed stays the same.
 */
export function dispositionItem<TDisposition extends string>(
  review: TTicketReview,
  change: { disposition: TDisposition; reason: string; handoverNote: string },
) {
  return {
    ticketId: review.ticketId,
    disposition: change.disposition,
    reason: change.reason.trim(),
    handoverNote: change.handoverNote.trim(),
    clientAgreed: review.clientAgreed && review.disposition === change.disposition,
  };
}
