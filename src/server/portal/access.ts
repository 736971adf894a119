import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { clients, closeouts, contacts, portalUsers } from '../../db/schema.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { queueMail } from '../../integrations/email/queue.js';
import { portalInvitationMail } from '../../integrations/email/templates/portal-invitation.js';
import { signInLinkMail } from '../../integrations/email/templates/sign-in-link.js';
import type { RequestAuth } from '../auth/caller.js';
import { activePortalUsersByEmail, endPortalSessions, issueSignInLink, signInUrl } from './auth.js';
import { brandOf, organisationOf } from './organisation.js';
import { presentPortalUser } from './present.js';
import {
  PORTAL_SIGN_IN_LINK_MINUTES,
  type TInvitePortalUserRequest,
  type TPortalUser,
} from './schema.js';

/**
 * Who of a client may use the portal: the MSP invites, re-sends and revokes; a contact asks for
 * sign-in links. Every link goes out by mail, queued in the transaction that issued it.
 */

// ---- staff: the client's contacts in the portal ------------------------------------------------

/** The closeout's client, for the staff endpoints under /closeouts/{id}/portal-users. */
async function closeoutClient(db: DbExecutor, orgId: string, closeoutId: string) {
  const [row] = await db
    .select({
      closeoutId: closeouts.id,
      reference: closeouts.reference,
      clientId: clients.id,
      clientName: clients.name,
    })
    .from(closeouts)
    .innerJoin(clients, and(eq(clients.orgId, closeouts.orgId), eq(clients.id, closeouts.clientId)))
    .where(and(eq(closeouts.orgId, orgId), eq(closeouts.id, closeoutId)));
  if (row === undefined) throw notFound('The closeout');
  return row;
}

export async function listPortalUsers(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
}): Promise<TPortalUser[]> {
  const { db, orgId, closeoutId } = options;
  const { clientId } = await closeoutClient(db, orgId, closeoutId);
  const rows = await db
    .select()
    .from(portalUsers)
    .where(and(eq(portalUsers.orgId, orgId), eq(portalUsers.clientId, clientId)))
    .orderBy(asc(portalUsers.invitedAt), asc(portalUsers.name));
  return rows.map(presentPortalUser);
}

/** A portal user of the closeout's client, locked for a change, with the closeout. */
async function requirePortalUser(
  tx: DbExecutor,
  scope: { orgId: string; closeoutId: string; portalUserId: string },
) {
  const closeout = await closeoutClient(tx, scope.orgId, scope.closeoutId);
  const [user] = await tx
    .select()
    .from(portalUsers)
    .where(
      and(
        eq(portalUsers.orgId, scope.orgId),
        eq(portalUsers.clientId, closeout.clientId),
        eq(portalUsers.id, scope.portalUserId),
      ),
    )
    .for('update');
  if (user === undefined) throw notFound('The portal user');
  return { closeout, user };
}

/** Who is invited: a contact of the closeout's client (by id) or a name and address. */
async function invitee(
  tx: DbExecutor,
  orgId: string,
  clientId: string,
  request: TInvitePortalUserRequest,
): Promise<{ contactId: string | null; name: string; email: string }> {
  if (!('contactId' in request)) return { contactId: null, ...request };
  const [contact] = await tx
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.clientId, clientId),
        eq(contacts.id, request.contactId),
      ),
    );
  if (contact === undefined) throw invalid('contactId', 'No contact of this client has this id.');
  const email = contact.email?.trim().toLowerCase() ?? '';
  if (email === '') {
    throw invalid(
      'contactId',
      `${contact.name} has no email address: add one to the contact, or invite by name and email.`,
    );
  }
  return { contactId: contact.id, name: contact.name, email };
}

/** Mails the contact a sign-in link inside an invitation from the signed-in staff member. */
async function queueInvitation(
  tx: DbExecutor,
  options: {
    auth: RequestAuth;
    closeout: { closeoutId: string; reference: string; clientName: string };
    user: { id: string; name: string; email: string };
    publicUrl: string;
    ip: string;
  },
): Promise<void> {
  const { auth, closeout, user, publicUrl, ip } = options;
  const link = await issueSignInLink(tx, { orgId: auth.orgId, portalUserId: user.id, ip });
  const mail = portalInvitationMail({
    organisation: brandOf(await organisationOf(tx, auth.orgId)),
    contact: { name: user.name, email: user.email },
    clientName: closeout.clientName,
    closeoutReference: closeout.reference,
    signInUrl: signInUrl(publicUrl, link.token),
    invitedBy: auth.actor.name,
  });
  await queueMail(tx, {
    orgId: auth.orgId,
    kind: 'portal_invitation',
    closeoutId: closeout.closeoutId,
    to: { address: user.email, name: user.name },
    ...mail,
  });
}

/** The audit event of a change to a portal user, by the signed-in staff member. */
async function recordPortalUserEvent(
  tx: DbExecutor,
  auth: RequestAuth,
  event: {
    closeoutId: string;
    portalUserId: string;
    action: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await recordAuditEvents(tx, [
    {
      orgId: auth.orgId,
      closeoutId: event.closeoutId,
      entityType: 'portal_user',
      entityId: event.portalUserId,
      action: event.action,
      actor: auth.actor,
      before: event.before,
      after: event.after,
    },
  ]);
}

/**
 * Invites a contact of the closeout's client, mailing a sign-in link. Inviting an address that
 * was revoked admits it again; one already admitted is a conflict (re-send instead).
 */
export async function invitePortalUser(options: {
  db: Database;
  auth: RequestAuth;
  closeoutId: string;
  request: TInvitePortalUserRequest;
  publicUrl: string;
  ip: string;
}): Promise<TPortalUser> {
  const { db, auth, closeoutId, request } = options;
  return db.transaction(async (tx) => {
    const closeout = await closeoutClient(tx, auth.orgId, closeoutId);
    const person = await invitee(tx, auth.orgId, closeout.clientId, request);
    const field = 'contactId' in request ? 'contactId' : 'email';
    const [existing] = await tx
      .select()
      .from(portalUsers)
      .where(
        and(
          eq(portalUsers.orgId, auth.orgId),
          eq(portalUsers.clientId, closeout.clientId),
          eq(sql`lower(${portalUsers.email})`, person.email),
        ),
      )
      .for('update');
    if (existing !== undefined && existing.revokedAt === null) {
      throw new AppError(
        'conflict',
        `${existing.name} (${existing.email}) is already invited to the portal; re-send the invitation instead.`,
        { field },
      );
    }
    const now = new Date();
    const values = {
      contactId: person.contactId,
      name: person.name,
      email: person.email,
      invitedAt: now,
      invitedBy: auth.actor.name,
      revokedAt: null,
    };
    const [user] =
      existing === undefined
        ? await tx
            .insert(portalUsers)
            .values({ orgId: auth.orgId, clientId: closeout.clientId, ...values })
            .returning()
        : await tx
            .update(portalUsers)
            .set(values)
            .where(and(eq(portalUsers.orgId, auth.orgId), eq(portalUsers.id, existing.id)))
            .returning();
    if (user === undefined) throw new Error('The portal user was not saved.');
    await queueInvitation(tx, {
      auth,
      closeout,
      user,
      publicUrl: options.publicUrl,
      ip: options.ip,
    });
    const presented = presentPortalUser(user);
    await recordPortalUserEvent(tx, auth, {
      closeoutId,
      portalUserId: user.id,
      action: existing === undefined ? 'invite_portal_user' : 'reinvite_portal_user',
      before: existing === undefined ? null : presentPortalUser(existing),
      after: presented,
    });
    return presented;
  });
}

export async function resendPortalInvitation(options: {
  db: Database;
  auth: RequestAuth;
  closeoutId: string;
  portalUserId: string;
  publicUrl: string;
  ip: string;
}): Promise<TPortalUser> {
  const { db, auth, closeoutId, portalUserId } = options;
  return db.transaction(async (tx) => {
    const { closeout, user } = await requirePortalUser(tx, {
      orgId: auth.orgId,
      closeoutId,
      portalUserId,
    });
    if (user.revokedAt !== null) {
      throw new AppError(
        'illegal_transition',
        `${user.name}'s access was revoked; invite them again to admit them.`,
      );
    }
    await queueInvitation(tx, {
      auth,
      closeout,
      user,
      publicUrl: options.publicUrl,
      ip: options.ip,
    });
    await recordPortalUserEvent(tx, auth, {
      closeoutId,
      portalUserId: user.id,
      action: 'resend_portal_invitation',
      before: null,
      after: { email: user.email },
    });
    return presentPortalUser(user);
  });
}

/** Withdraws a contact's access: its sessions end and its links stop working at once. */
export async function revokePortalUser(options: {
  db: Database;
  auth: RequestAuth;
  closeoutId: string;
  portalUserId: string;
}): Promise<TPortalUser> {
  const { db, auth, closeoutId, portalUserId } = options;
  return db.transaction(async (tx) => {
    const { user: before } = await requirePortalUser(tx, {
      orgId: auth.orgId,
      closeoutId,
      portalUserId,
    });
    if (before.revokedAt !== null) {
      throw new AppError('illegal_transition', `${before.name}'s access is already revoked.`);
    }
    const [after] = await tx
      .update(portalUsers)
      .set({ revokedAt: new Date() })
      .where(and(eq(portalUsers.orgId, auth.orgId), eq(portalUsers.id, portalUserId)))
      .returning();
    await endPortalSessions(tx, { orgId: auth.orgId, portalUserId });
    const presented = presentPortalUser(after!);
    await recordPortalUserEvent(tx, auth, {
      closeoutId,
      portalUserId,
      action: 'revoke_portal_user',
      before: presentPortalUser(before),
      after: presented,
    });
    return presented;
  });
}

// ---- portal: signing in ------------------------------------------------------------------------

/**
 * Mails a sign-in link to every portal user admitted under the address (one per client that
 * invited it). An unknown address does nothing, and the caller answers the same either way.
 */
export async function requestSignInLinks(options: {
  db: Database;
  email: string;
  publicUrl: string;
  ip: string;
}): Promise<void> {
  const { db, email, publicUrl, ip } = options;
  await db.transaction(async (tx) => {
    for (const user of await activePortalUsersByEmail(tx, email)) {
      const link = await issueSignInLink(tx, { orgId: user.orgId, portalUserId: user.id, ip });
      const mail = signInLinkMail({
        organisation: brandOf(await organisationOf(tx, user.orgId)),
        contact: { name: user.name, email: user.email },
        signInUrl: signInUrl(publicUrl, link.token),
        expiresInMinutes: PORTAL_SIGN_IN_LINK_MINUTES,
      });
      await queueMail(tx, {
        orgId: user.orgId,
        kind: 'sign_in_link',
        to: { address: user.email, name: user.name },
        ...mail,
      });
    }
  });
}
