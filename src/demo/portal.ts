import { DEFAULT_DEFINITION } from '../blueprint/default-definition.js';
import type { portalUsers } from '../db/schema.js';
import type { Actor, Closeout, IsoDateTime } from '../domain/model.js';
import { presentPortalUser } from '../server/portal/present.js';
import type { DemoClient } from './clients.js';
import { compareText } from './order.js';
import type { Random } from './random.js';
import type { DemoAuditEvent } from './simulate.js';
import type { DemoStaff } from './staff.js';
import { minutesAfter } from './time.js';

/**
 * The client portal in the demo: once a closeout has reached its meeting, the account manager
 * invites the client's primary contact (its decision maker, whom the meeting invitation also
 * goes to). The contact has signed in when the closeout shows the client at work.
 */

export type PortalUserRow = typeof portalUsers.$inferInsert & {
  id: string;
  invitedAt: Date;
  lastSignInAt: Date | null;
};

export type DemoPortalUser = {
  row: PortalUserRow;
  actor: Extract<Actor, { kind: 'client_contact' }>;
  invitedBy: DemoStaff['accountManager'];
};

const MEETING_STAGE = 'closeout_meeting';

/** Where a stage comes in the demo's process, from 0. */
export const stageIndex = (key: string): number =>
  DEFAULT_DEFINITION.stages.findIndex((stage) => stage.key === key);

export const reachedMeeting = (closeout: Closeout): boolean =>
  stageIndex(closeout.stage) >= stageIndex(MEETING_STAGE);

/** The moments the client acted in the closeout, as far as the closeout records them. */
function clientActivity(closeout: Closeout, revealedAt: readonly IsoDateTime[]): IsoDateTime[] {
  return [
    ...closeout.ticketReviews.flatMap((review) =>
      review.clientAgreedAt === null ? [] : [review.clientAgreedAt],
    ),
    ...revealedAt,
    ...closeout.backupCopies.flatMap((copy) => (copy.receivedAt === null ? [] : [copy.receivedAt])),
    ...(closeout.responsibilityAcceptance === null
      ? []
      : [closeout.responsibilityAcceptance.acceptedAt]),
  ];
}

/**
 * Invites the client's primary contact a quarter of an hour after the meeting was scheduled, or
 * nobody when the closeout never got that far.
 */
export function invitePrimaryContact(options: {
  random: Random;
  closeout: Closeout;
  client: DemoClient;
  staff: DemoStaff;
  meetingScheduledAt: IsoDateTime | null;
}): { user: DemoPortalUser; event: DemoAuditEvent } | null {
  const { random, closeout, client, staff, meetingScheduledAt } = options;
  if (!reachedMeeting(closeout) || meetingScheduledAt === null) return null;
  const contact = client.decisionMaker;
  const invitedAt = minutesAfter(meetingScheduledAt, 15);
  const row: PortalUserRow = {
    id: random.uuid(),
    orgId: closeout.orgId,
    clientId: client.row.id,
    contactId: contact.id,
    email: contact.email!,
    name: contact.name,
    invitedAt: new Date(invitedAt),
    invitedBy: staff.accountManager.name,
    revokedAt: null,
    lastSignInAt: null,
  };
  return {
    user: {
      row,
      actor: { kind: 'client_contact', contactId: contact.id, name: contact.name },
      invitedBy: staff.accountManager,
    },
    event: {
      orgId: closeout.orgId,
      closeoutId: closeout.id,
      entityType: 'portal_user',
      entityId: row.id,
      action: 'invite_portal_user',
      actor: staff.accountManager,
      before: null,
      after: presentPortalUser({ ...row, contactId: contact.id, revokedAt: null }),
      at: invitedAt,
    },
  };
}

/**
 * The contact's last sign-in: shortly before the last thing the client did, once invited; none
 * when the closeout shows no client activity since the invitation.
 */
export function recordLastSignIn(options: {
  random: Random;
  user: DemoPortalUser;
  closeout: Closeout;
  revealedAt: readonly IsoDateTime[];
}): void {
  const { random, user, closeout } = options;
  const invitedAt = user.row.invitedAt.toISOString();
  const latest = clientActivity(closeout, options.revealedAt)
    .filter((moment) => moment > invitedAt)
    .sort(compareText)
    .at(-1);
  if (latest === undefined) return;
  const signedIn = Date.parse(minutesAfter(latest, -random.int(3, 25)));
  user.row.lastSignInAt = new Date(Math.max(signedIn, user.row.invitedAt.getTime()));
}
