import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { portalSessions, portalSignInLinks, portalUsers } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import { newSessionToken, sha256 } from '../auth/secrets.js';
import { PORTAL_SIGN_IN_LINK_MINUTES } from './schema.js';

/**
 * Signing a client's contact in: a one-time link (15 minutes, single use) mailed to its address,
 * exchanged for a portal session held in a cookie of its own. Only hashes of the link and
 * session tokens are stored, so a leaked table signs no one in.
 */

export const PORTAL_SESSION_COOKIE = 'closeout_portal_session';
export const PORTAL_SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const LINK_LIFETIME_MS = PORTAL_SIGN_IN_LINK_MINUTES * 60 * 1000;

/** Who is calling the portal API: one contact of one client of one organisation. */
export type PortalAuth = {
  orgId: string;
  clientId: string;
  portalUserId: string;
  contactId: string | null;
  name: string;
  email: string;
  tokenHash: string;
};

export type ClientContactActor = Extract<Actor, { kind: 'client_contact' }>;

/**
 * The audit trail's actor for a portal user: its client contact when it was invited as one,
 * else the portal user itself (invited by name and address).
 */
export const portalActor = (auth: Pick<PortalAuth, 'contactId' | 'portalUserId' | 'name'>) =>
  ({
    kind: 'client_contact',
    contactId: auth.contactId ?? auth.portalUserId,
    name: auth.name,
  }) satisfies ClientContactActor;

export const signInUrl = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/portal/sign-in?token=${encodeURIComponent(token)}`;

/** Creates a sign-in link for a portal user in the caller's transaction; returns its token. */
export async function issueSignInLink(
  tx: DbExecutor,
  options: { orgId: string; portalUserId: string; ip: string; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const { orgId, portalUserId, ip, now = new Date() } = options;
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS);
  // Old links of this user are of no use once expired; keep the table small.
  await tx
    .delete(portalSignInLinks)
    .where(
      and(
        eq(portalSignInLinks.orgId, orgId),
        eq(portalSignInLinks.portalUserId, portalUserId),
        lte(portalSignInLinks.expiresAt, now),
      ),
    );
  await tx.insert(portalSignInLinks).values({
    orgId,
    portalUserId,
    tokenHash: sha256(token),
    createdAt: now,
    expiresAt,
    requestedIp: ip.slice(0, 100),
  });
  return { token, expiresAt };
}

/** Portal users admitted under an address, in every organisation and client that invited it. */
export async function activePortalUsersByEmail(db: DbExecutor, email: string) {
  return db
    .select({
      id: portalUsers.id,
      orgId: portalUsers.orgId,
      clientId: portalUsers.clientId,
      name: portalUsers.name,
      email: portalUsers.email,
    })
    .from(portalUsers)
    .where(
      and(
        eq(sql`lower(${portalUsers.email})`, email.trim().toLowerCase()),
        isNull(portalUsers.revokedAt),
      ),
    );
}

const linkProblem = {
  unknown: 'This sign-in link is not valid. Request a new one with your email address.',
  used: 'This sign-in link was already used. Each link works once: request a new one.',
  expired: `This sign-in link has expired (links work for ${PORTAL_SIGN_IN_LINK_MINUTES} minutes). Request a new one.`,
  revoked: 'Your access to the client portal has been withdrawn. Contact your IT provider.',
};

/**
 * Exchanges a link's token for a session. The link is marked used by one conditional UPDATE, so
 * two requests with the same link cannot both succeed; a refusal says why the link failed.
 */
export async function consumeSignInLink(options: {
  db: Database;
  token: string;
  ip: string;
  userAgent: string;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date; auth: PortalAuth }> {
  const { db, ip, userAgent, now = new Date() } = options;
  const tokenHash = sha256(options.token);
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(portalSignInLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(portalSignInLinks.tokenHash, tokenHash),
          isNull(portalSignInLinks.usedAt),
          gt(portalSignInLinks.expiresAt, now),
          sql`exists (select 1 from ${portalUsers} where ${portalUsers.id} = ${portalSignInLinks.portalUserId} and ${portalUsers.revokedAt} is null)`,
        ),
      )
      .returning({ orgId: portalSignInLinks.orgId, portalUserId: portalSignInLinks.portalUserId });
    if (used === undefined) throw await whyLinkFailed(tx, tokenHash, now);
    const session = newSessionToken();
    const expiresAt = new Date(now.getTime() + PORTAL_SESSION_LIFETIME_MS);
    await tx
      .delete(portalSessions)
      .where(
        and(
          eq(portalSessions.orgId, used.orgId),
          eq(portalSessions.portalUserId, used.portalUserId),
          lte(portalSessions.expiresAt, now),
        ),
      );
    await tx.insert(portalSessions).values({
      tokenHash: sha256(session),
      orgId: used.orgId,
      portalUserId: used.portalUserId,
      createdAt: now,
      expiresAt,
      ip: ip.slice(0, 100),
      userAgent: userAgent.slice(0, 500),
    });
    const [user] = await tx
      .update(portalUsers)
      .set({ lastSignInAt: now })
      .where(and(eq(portalUsers.orgId, used.orgId), eq(portalUsers.id, used.portalUserId)))
      .returning();
    if (user === undefined) throw new AppError('unauthenticated', linkProblem.unknown);
    const auth: PortalAuth = {
      orgId: user.orgId,
      clientId: user.clientId,
      portalUserId: user.id,
      contactId: user.contactId,
      name: user.name,
      email: user.email,
      tokenHash: sha256(session),
    };
    await recordAuditEvents(tx, [
      {
        orgId: auth.orgId,
        closeoutId: null,
        entityType: 'portal_user',
        entityId: auth.portalUserId,
        action: 'portal_sign_in',
        actor: portalActor(auth),
        before: null,
        after: { email: auth.email, ip },
      },
    ]);
    return { token: session, expiresAt, auth };
  });
}

async function whyLinkFailed(tx: DbExecutor, tokenHash: string, now: Date): Promise<AppError> {
  const [link] = await tx
    .select({
      usedAt: portalSignInLinks.usedAt,
      expiresAt: portalSignInLinks.expiresAt,
      revokedAt: portalUsers.revokedAt,
    })
    .from(portalSignInLinks)
    .innerJoin(portalUsers, eq(portalUsers.id, portalSignInLinks.portalUserId))
    .where(eq(portalSignInLinks.tokenHash, tokenHash));
  if (link === undefined) return new AppError('unauthenticated', linkProblem.unknown);
  if (link.revokedAt !== null) return new AppError('forbidden', linkProblem.revoked);
  if (link.usedAt !== null) return new AppError('gone', linkProblem.used);
  if (link.expiresAt <= now) return new AppError('gone', linkProblem.expired);
  return new AppError('unauthenticated', linkProblem.unknown);
}

/** The portal user behind a session cookie; a revoked user's sessions no longer count. */
export async function findPortalSession(options: {
  db: Database;
  token: string;
  now?: Date;
}): Promise<PortalAuth | null> {
  const { db, now = new Date() } = options;
  const tokenHash = sha256(options.token);
  const [row] = await db
    .select({
      orgId: portalUsers.orgId,
      clientId: portalUsers.clientId,
      portalUserId: portalUsers.id,
      contactId: portalUsers.contactId,
      name: portalUsers.name,
      email: portalUsers.email,
    })
    .from(portalSessions)
    .innerJoin(
      portalUsers,
      and(
        eq(portalUsers.id, portalSessions.portalUserId),
        eq(portalUsers.orgId, portalSessions.orgId),
      ),
    )
    .where(
      and(
        eq(portalSessions.tokenHash, tokenHash),
        gt(portalSessions.expiresAt, now),
        isNull(portalUsers.revokedAt),
      ),
    )
    .limit(1);
  return row === undefined ? null : { ...row, tokenHash };
}

export async function endPortalSession(options: { db: Database; token: string }): Promise<void> {
  await options.db
    .delete(portalSessions)
    .where(eq(portalSessions.tokenHash, sha256(options.token)));
}

/**
 * Signs a portal user out everywhere (revocation). Its unused links stay, refused as withdrawn
 * access, so the contact reads why rather than "not valid".
 */
export async function endPortalSessions(
  tx: DbExecutor,
  options: { orgId: string; portalUserId: string },
): Promise<void> {
  const { orgId, portalUserId } = options;
  await tx
    .delete(portalSessions)
    .where(and(eq(portalSessions.orgId, orgId), eq(portalSessions.portalUserId, portalUserId)));
}
