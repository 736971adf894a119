import { DEFAULT_DEFINITION } from '../blueprint/default-definition.js';
import { personalise, roleName } from '../blueprint/personalise.js';
import type { TPersonalisation } from '../blueprint/schema.js';
import type { MailAttachment, MailKind, mails } from '../db/schema.js';
import type { Closeout, IsoDateTime } from '../domain/model.js';
import {
  closeoutClosedMail,
  type MailBrand,
  meetingInvitationMail,
  portalInvitationMail,
  type RenderedMail,
} from '../integrations/email/templates/index.js';
import { MEETING_MINUTES, meetingCalendar } from '../notifications/meeting-invitation.js';
import { signInUrl } from '../server/portal/auth.js';
import type { DemoClient } from './clients.js';
import { compareText } from './order.js';
import type { DemoPortalUser } from './portal.js';
import type { Random } from './random.js';
import type { DemoAuditEvent } from './simulate.js';
import type { DemoUserRow } from './staff.js';

/**
 * The demo MSP sends no mail: it has no SMTP server, so what Closeout wrote stays in the outbox
 * an administrator reads in Settings. A handful of the latest, written with the real templates:
 * portal invitations, the invitation to the latest meeting with its calendar event, and the
 * notice that the latest closeout ended.
 */

export type MailRow = typeof mails.$inferInsert & { id: string; createdAt: Date };

export type OutboxCloseout = {
  closeout: Closeout;
  client: DemoClient;
  portalUser: DemoPortalUser | null;
  /** The closeout's audit events, in the order they happened. */
  events: readonly DemoAuditEvent[];
};

const PORTAL_INVITATIONS = 3;
const CLOSING_ACTIONS = new Set([
  'close_terminated',
  'withdraw',
  'decide_retention',
  'conclude_sip',
]);

type Recipient = { name: string; email: string };

function mailRow(
  random: Random,
  mail: {
    orgId: string;
    kind: MailKind;
    closeoutId: string;
    to: Recipient;
    rendered: RenderedMail;
    at: IsoDateTime;
    attachments?: MailAttachment[];
  },
): MailRow {
  return {
    id: random.uuid(),
    orgId: mail.orgId,
    kind: mail.kind,
    closeoutId: mail.closeoutId,
    toAddress: mail.to.email,
    toName: mail.to.name,
    ...mail.rendered,
    attachments: mail.attachments ?? [],
    status: 'outbox',
    createdAt: new Date(mail.at),
    sentAt: null,
    messageId: null,
    lastError: null,
  };
}

const distinct = (recipients: Recipient[]): Recipient[] =>
  recipients.filter(
    (recipient, index) =>
      recipients.findIndex(
        (other) => other.email.toLowerCase() === recipient.email.toLowerCase(),
      ) === index,
  );

/**
 * The sign-in link of an invitation sent days ago: its token is long expired (links last a
 * quarter of an hour) and was never stored, so it signs no one in; the contact asks for a new one.
 */
const expiredToken = (random: Random) => Buffer.from(random.hex(64), 'hex').toString('base64url');

function portalInvitations(
  random: Random,
  brand: MailBrand,
  publicUrl: string,
  entries: OutboxCloseout[],
) {
  return entries
    .flatMap((entry) => (entry.portalUser === null ? [] : [{ ...entry, user: entry.portalUser }]))
    .sort((left, right) => right.user.row.invitedAt.getTime() - left.user.row.invitedAt.getTime())
    .slice(0, PORTAL_INVITATIONS)
    .reverse()
    .map(({ closeout, client, user }) =>
      mailRow(random, {
        orgId: closeout.orgId,
        kind: 'portal_invitation',
        closeoutId: closeout.id,
        to: { name: user.row.name, email: user.row.email },
        rendered: portalInvitationMail({
          organisation: brand,
          contact: { name: user.row.name, email: user.row.email },
          clientName: client.row.name,
          closeoutReference: closeout.reference,
          signInUrl: signInUrl(publicUrl, expiredToken(random)),
          invitedBy: user.invitedBy.name,
        }),
        at: user.row.invitedAt.toISOString(),
      }),
    );
}

/** iCalendar's UTC form of a moment: 20250611T093000Z. */
const icsMoment = (moment: IsoDateTime) => `${moment.slice(0, 19).replace(/[-:]/g, '')}Z`;

/** The invitations to the most recently scheduled meeting: its owner and the client's contact. */
function meetingInvitations(
  random: Random,
  brand: MailBrand,
  users: readonly DemoUserRow[],
  entries: OutboxCloseout[],
): MailRow[] {
  const latest = entries
    .flatMap((entry) => {
      const scheduled = entry.events.findIndex((event) => event.action === 'schedule_meeting');
      return scheduled === -1 ? [] : [{ ...entry, scheduled }];
    })
    .sort((left, right) =>
      compareText(left.events[left.scheduled]!.at, right.events[right.scheduled]!.at),
    )
    .at(-1);
  if (latest === undefined) return [];
  const { closeout, client, events, scheduled } = latest;
  const at = events[scheduled]!.at;
  const owner = users.find((user) => user.id === closeout.ownerUserId);
  const scheduledAt = closeout.meeting.scheduledAt;
  if (owner === undefined || scheduledAt === null) return [];
  const organizer = { name: owner.name, email: owner.email };
  const contact = client.decisionMaker;
  const attendees = distinct([organizer, { name: contact.name, email: contact.email! }]);
  const startsAt = new Date(scheduledAt);
  const endsAt = new Date(startsAt.getTime() + MEETING_MINUTES * 60_000);
  const ics = meetingCalendar({
    closeoutId: closeout.id,
    // The closeout's version after scheduling: one per action, counting the opening.
    sequence: scheduled + 1,
    summary: `Closeout meeting: ${client.row.name} (${closeout.reference})`,
    description: closeout.meeting.agenda,
    location: closeout.meeting.location,
    startsAt,
    endsAt,
    organizer,
    attendees,
  }).replace(/^DTSTAMP:.*$/m, `DTSTAMP:${icsMoment(at)}`);
  return attendees.map((attendee) =>
    mailRow(random, {
      orgId: closeout.orgId,
      kind: 'meeting_invitation',
      closeoutId: closeout.id,
      to: attendee,
      rendered: meetingInvitationMail({
        organisation: brand,
        recipient: attendee,
        clientName: client.row.name,
        closeoutReference: closeout.reference,
        startsAt,
        endsAt,
        location: closeout.meeting.location,
        agenda: closeout.meeting.agenda,
        organizer: organizer.name,
        rescheduled: false,
      }),
      at,
      attachments: [
        {
          filename: 'closeout-meeting.ics',
          contentType: 'text/calendar; charset=utf-8; method=REQUEST',
          content: ics,
        },
      ],
    }),
  );
}

/** The notice that the most recently ended closeout ended: to its owner and the service managers. */
function closedNotices(
  random: Random,
  personalisation: TPersonalisation,
  users: readonly DemoUserRow[],
  entries: OutboxCloseout[],
): MailRow[] {
  const latest = entries
    .filter((entry) => entry.closeout.endedAt !== null)
    .sort((left, right) => compareText(left.closeout.endedAt!, right.closeout.endedAt!))
    .at(-1);
  if (latest === undefined) return [];
  const { closeout, client, events } = latest;
  const endedAt = closeout.endedAt!;
  const ending = events.findLast(
    (event) => CLOSING_ACTIONS.has(event.action) && event.at <= endedAt,
  );
  const definition = personalise(DEFAULT_DEFINITION, personalisation);
  const openTasks = closeout.tasks
    .filter(
      (task) => task.status === 'open' || (task.completedAt !== null && task.completedAt > endedAt),
    )
    .map((task) => ({
      name: task.name,
      roleNames: task.roles.map((role) => roleName(definition, role)),
      dueOn: task.dueOn,
    }));
  const recipients = distinct(
    users
      .filter((user) => user.id === closeout.ownerUserId || user.roles.includes('service_manager'))
      .map((user) => ({ name: user.name, email: user.email })),
  );
  return recipients.map((recipient) =>
    mailRow(random, {
      orgId: closeout.orgId,
      kind: 'closeout_closed',
      closeoutId: closeout.id,
      to: recipient,
      rendered: closeoutClosedMail({
        organisation: personalisation,
        recipient,
        clientName: client.row.name,
        closeoutReference: closeout.reference,
        outcome: closeout.status as Exclude<Closeout['status'], 'open'>,
        endedAt,
        endedBy: ending?.actor.name ?? 'Closeout',
        endNote: closeout.endNote,
        openTasks,
      }),
      at: ending?.at ?? endedAt,
    }),
  );
}

export function outboxMails(options: {
  random: Random;
  personalisation: TPersonalisation;
  users: readonly DemoUserRow[];
  publicUrl: string;
  closeouts: OutboxCloseout[];
}): MailRow[] {
  const { random, personalisation, users, publicUrl, closeouts } = options;
  const brand: MailBrand = {
    organisationName: personalisation.organisationName,
    logo: personalisation.logo,
    primaryColor: personalisation.primaryColor,
  };
  return [
    ...portalInvitations(random.fork('invitations'), brand, publicUrl, closeouts),
    ...meetingInvitations(random.fork('meeting'), brand, users, closeouts),
    ...closedNotices(random.fork('closed'), personalisation, users, closeouts),
  ].sort((left, right) => left.createdAt.getTime() - right.createdAt.getTime());
}
