import { illegal, invalid } from '../errors.js';
import type { Attendee, Closeout, IsoDateTime, MeetingAgreement } from '../model.js';
import { type EngineContext, requireOpen, requireStageReached } from './context.js';

/** 11a.02 Service Closeout Meeting. */

const MEETING_STAGE = 'closeout_meeting';

export function scheduleMeeting(
  closeout: Closeout,
  input: { scheduledAt: IsoDateTime; location: string; agenda: string },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, MEETING_STAGE);
  if (closeout.meeting.heldAt !== null)
    throw illegal('The closeout meeting has already been held.');
  return { ...closeout, meeting: { ...closeout.meeting, ...input } };
}

export function recordMeetingHeld(
  closeout: Closeout,
  input: {
    heldAt: IsoDateTime;
    attendees: Attendee[];
    minutes: string;
    agreement: MeetingAgreement;
  },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  requireStageReached(context, closeout, MEETING_STAGE);
  if (input.heldAt > context.now) {
    throw invalid('heldAt', 'A meeting cannot be recorded as held in the future.');
  }
  if (!input.attendees.some((attendee) => attendee.organisation === 'client')) {
    throw invalid('attendees', "List at least one of the client's attendees (the decision maker).");
  }
  if (input.agreement.terminationDate < closeout.noticeReceivedOn) {
    throw invalid(
      'agreement.terminationDate',
      'The termination date cannot be before the notice date.',
    );
  }
  if (input.agreement.deactivationSessionAt.slice(0, 10) > input.agreement.terminationDate) {
    throw invalid(
      'agreement.deactivationSessionAt',
      'The deactivation session must take place on or before the termination date.',
    );
  }
  return {
    ...closeout,
    meeting: {
      ...closeout.meeting,
      scheduledAt: closeout.meeting.scheduledAt ?? input.heldAt,
      heldAt: input.heldAt,
      attendees: input.attendees,
      minutes: input.minutes,
      agreement: input.agreement,
    },
  };
}

export function recordMeetingSummarySent(closeout: Closeout, context: EngineContext): Closeout {
  requireOpen(closeout);
  if (closeout.meeting.heldAt === null) {
    throw illegal('The summary follows the meeting: record the meeting as held first.');
  }
  return { ...closeout, meeting: { ...closeout.meeting, summarySentAt: context.now } };
}
