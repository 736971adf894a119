import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { DbExecutor } from '../db/connection.js';
import type { Actor, Closeout } from '../domain/model.js';
import { queueMail } from '../integrations/email/queue.js';
import {
  meetingCancellationMail,
  meetingInvitationMail,
  type RenderedMail,
} from '../integrations/email/templates/index.js';
import {
  activeStaff,
  clientPrimaryContacts,
  distinctRecipients,
  organisationBrand,
  type Recipient,
} from './recipients.js';

/**
 * 11a.02: the closeout meeting's invitation, with a calendar event (`.ics`, METHOD:REQUEST), to
 * the closeout's owner, the client's primary contacts and anyone already listed as attending.
 * Its UID is the closeout's, so a rescheduled meeting updates the event in everyone's calendar
 * and a closeout that ends before its meeting cancels it (METHOD:CANCEL); SEQUENCE is the
 * closeout's version, which rises with every change.
 */

/** The model keeps when a meeting starts, not how long it lasts. */
export const MEETING_MINUTES = 60;

export const meetingUid = (closeoutId: string): string => `closeout-meeting-${closeoutId}@closeout`;

export type MeetingEvent = {
  closeoutId: string;
  sequence: number;
  summary: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  organizer: Recipient;
  attendees: Recipient[];
};

export function meetingCalendar(
  event: MeetingEvent,
  method: ICalCalendarMethod.REQUEST | ICalCalendarMethod.CANCEL = ICalCalendarMethod.REQUEST,
): string {
  const calendar = ical({
    prodId: { company: 'Closeout', product: 'Closeout', language: 'EN' },
    method,
  });
  calendar.createEvent({
    id: meetingUid(event.closeoutId),
    sequence: event.sequence,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.summary,
    description: event.description,
    location: event.location === '' ? null : event.location,
    organizer: event.organizer,
    status:
      method === ICalCalendarMethod.CANCEL ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    attendees: event.attendees.map((attendee) => ({
      name: attendee.name,
      email: attendee.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === ICalCalendarMethod.REQUEST,
    })),
  });
  return calendar.toString();
}

async function organizerOf(tx: DbExecutor, closeout: Closeout, actor: Actor) {
  const candidates = [closeout.ownerUserId, actor.kind === 'user' ? actor.userId : null];
  for (const userId of candidates) {
    if (userId === null) continue;
    const [user] = await activeStaff(tx, closeout.orgId, [userId]);
    if (user !== undefined) return user;
  }
  return null;
}

type MeetingNotice = {
  tx: DbExecutor;
  closeout: Closeout;
  actor: Actor;
  clientName: string;
  method: ICalCalendarMethod.REQUEST | ICalCalendarMethod.CANCEL;
  mailFor: (attendee: Recipient, event: MeetingEvent) => RenderedMail;
};

/** One mail per attendee, each with the same calendar event. Returns how many were queued. */
async function queueMeetingNotice(notice: MeetingNotice): Promise<number> {
  const { tx, closeout, clientName } = notice;
  const organizer = await organizerOf(tx, closeout, notice.actor);
  if (organizer === null || closeout.meeting.scheduledAt === null) return 0;
  const attendees = distinctRecipients([
    organizer,
    ...(await clientPrimaryContacts(tx, closeout.orgId, closeout.clientId)),
    ...closeout.meeting.attendees.flatMap((attendee) =>
      attendee.email === null ? [] : [{ name: attendee.name, email: attendee.email }],
    ),
  ]);
  const startsAt = new Date(closeout.meeting.scheduledAt);
  const event: MeetingEvent = {
    closeoutId: closeout.id,
    sequence: closeout.version,
    summary: `Closeout meeting: ${clientName} (${closeout.reference})`,
    description: closeout.meeting.agenda,
    location: closeout.meeting.location,
    startsAt,
    endsAt: new Date(startsAt.getTime() + MEETING_MINUTES * 60_000),
    organizer,
    attendees,
  };
  const ics = meetingCalendar(event, notice.method);
  for (const attendee of attendees) {
    await queueMail(tx, {
      orgId: closeout.orgId,
      kind: 'meeting_invitation',
      closeoutId: closeout.id,
      to: { address: attendee.email, name: attendee.name },
      ...notice.mailFor(attendee, event),
      attachments: [
        {
          filename: 'closeout-meeting.ics',
          contentType: `text/calendar; charset=utf-8; method=${notice.method}`,
          content: ics,
        },
      ],
    });
  }
  return attendees.length;
}

/** A change to a closeout, as the closeout's change notifications see it. */
type MeetingChange = {
  tx: DbExecutor;
  before: Closeout;
  after: Closeout;
  actor: Actor;
  clientName: string;
  now: Date;
};

/** The meeting was scheduled, moved in time or to another place. */
export const meetingMoved = (before: Closeout, after: Closeout): boolean =>
  before.meeting.scheduledAt !== after.meeting.scheduledAt ||
  before.meeting.location !== after.meeting.location;

const isAhead = (closeout: Closeout, now: Date): boolean =>
  closeout.meeting.scheduledAt !== null &&
  closeout.meeting.heldAt === null &&
  new Date(closeout.meeting.scheduledAt) > now;

/**
 * Queues the invitations when a meeting still ahead is scheduled or moves; a meeting recorded
 * after the fact (its time already past) invites nobody.
 */
export async function queueMeetingInvitations(options: MeetingChange): Promise<number> {
  const { tx, before, after, actor, clientName } = options;
  if (after.status !== 'open' || !meetingMoved(before, after) || !isAhead(after, options.now)) {
    return 0;
  }
  const organisation = await organisationBrand(tx, after.orgId);
  return queueMeetingNotice({
    tx,
    closeout: after,
    actor,
    clientName,
    method: ICalCalendarMethod.REQUEST,
    mailFor: (attendee, event) =>
      meetingInvitationMail({
        organisation,
        recipient: attendee,
        clientName,
        closeoutReference: after.reference,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        location: event.location,
        agenda: event.description,
        organizer: event.organizer.name,
        rescheduled: before.meeting.scheduledAt !== null,
      }),
  });
}

/** A closeout that ends before its meeting takes the meeting out of everyone's calendar. */
export async function queueMeetingCancellations(options: MeetingChange): Promise<number> {
  const { tx, before, after, actor, clientName } = options;
  if (before.status !== 'open' || after.status === 'open' || !isAhead(after, options.now)) {
    return 0;
  }
  const organisation = await organisationBrand(tx, after.orgId);
  return queueMeetingNotice({
    tx,
    closeout: after,
    actor,
    clientName,
    method: ICalCalendarMethod.CANCEL,
    mailFor: (attendee, event) =>
      meetingCancellationMail({
        organisation,
        recipient: attendee,
        clientName,
        closeoutReference: after.reference,
        startsAt: event.startsAt,
      }),
  });
}
