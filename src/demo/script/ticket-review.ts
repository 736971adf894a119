import {
  type DispositionInput,
  recordClientResponse,
  recordTicketOutcome,
  setTicketDispositions,
} from '../../domain/closeout/index.js';
import type { Closeout, TicketOutcome } from '../../domain/model.js';
import type { Step } from '../simulate.js';
import { at, businessDays, dayOf } from '../time.js';
import { questionAt } from '../timeline.js';
import { action, type ScriptContext, step } from './context.js';

/**
 * 11a.03 Open Ticket Review, from the tickets the pull brought in: dispositions agreed in a
 * session with the client (one questioned at first, then completed at its request), cancelled
 * tickets closed soon after, the rest worked until the days before the deactivation session.
 */

const CANCEL_NOTES = [
  'Half the users are done; the rest are listed in the ticket.',
  "The supplier's quote is attached to the ticket.",
  'Waiting on the client to choose a date; nothing changed yet.',
  'Diagnosis so far is in the ticket notes; no changes were made.',
];

const QUESTION =
  'We would rather you finished this one before you go — can it be completed instead?';

function outcomeStep(
  script: ScriptContext,
  moment: string,
  ticketId: string,
  outcome: TicketOutcome,
): Step {
  return {
    at: moment,
    actions: (closeout) => {
      const review = closeout.ticketReviews.find((candidate) => candidate.ticketId === ticketId);
      if (review === undefined || review.outcome !== null) return [];
      return [
        action('record_ticket_outcome', script.staff.technician, (current, context) =>
          recordTicketOutcome(current, { ticketId, outcome }, context),
        ),
      ];
    },
  };
}

export function ticketReviewSteps(script: ScriptContext, pulled: Closeout): Step[] {
  const { story, timeline, staff, random } = script;
  const reviews = pulled.ticketReviews.filter((review) => review.outcome === null);
  if (reviews.length === 0) return [];
  const stillReviewing = story.point === 'reviewing_tickets';
  // While the review is still going on, the last ticket has not been discussed yet.
  const discussed = stillReviewing && reviews.length > 1 ? reviews.slice(0, -1) : reviews;
  // At least one ticket is to be cancelled: the one the client questions.
  const cancelling = random.int(0, discussed.length - 1);
  const dispositions: DispositionInput[] = discussed.map((review, index) => {
    const complete = index !== cancelling && random.chance(0.6);
    return {
      ticketId: review.ticketId,
      disposition: complete ? 'complete' : 'cancel',
      reason: complete
        ? 'Nearly done; finished before the termination date.'
        : 'The team taking over picks this up.',
      handoverNote: complete ? '' : random.pick(CANCEL_NOTES),
      clientAgreed: true,
    };
  });
  const questioned = dispositions.find((input) => input.disposition === 'cancel');
  if (questioned !== undefined) questioned.clientAgreed = false;

  const reviewDay = dayOf(timeline.dispositionsAt);
  const steps: Step[] = [
    step(
      timeline.dispositionsAt,
      action('set_ticket_dispositions', staff.serviceManager, (closeout, context) =>
        setTicketDispositions(closeout, dispositions, context),
      ),
    ),
  ];
  if (questioned !== undefined) {
    steps.push(
      step(
        questionAt(timeline),
        action('record_client_response', staff.serviceManager, (closeout, context) =>
          recordClientResponse(
            closeout,
            { ticketId: questioned.ticketId, agreed: false, question: QUESTION },
            context,
          ),
        ),
      ),
    );
  }
  if (stillReviewing) return steps;

  if (questioned !== undefined) {
    steps.push(
      step(
        at(businessDays(reviewDay, 2), 10),
        action('set_ticket_dispositions', staff.serviceManager, (closeout, context) =>
          setTicketDispositions(
            closeout,
            [
              {
                ticketId: questioned.ticketId,
                disposition: 'complete',
                reason: "Completed at the client's request.",
                handoverNote: '',
                clientAgreed: true,
              },
            ],
            context,
          ),
        ),
      ),
    );
  }
  const sessionDay = dayOf(timeline.sessionAt);
  for (const input of dispositions) {
    const cancelled = input.disposition === 'cancel' && input !== questioned;
    const day = cancelled
      ? businessDays(reviewDay, random.int(1, 3))
      : businessDays(reviewDay, random.int(3, 8));
    const workedOn = day < sessionDay ? day : businessDays(sessionDay, -1);
    steps.push(
      outcomeStep(
        script,
        at(workedOn, random.int(9, 16), random.int(0, 59)),
        input.ticketId,
        cancelled ? 'cancelled' : 'completed',
      ),
    );
  }
  return steps;
}
