import { and, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { TPersonalisation } from '../../blueprint/schema.js';
import type { Database, DbExecutor } from '../../db/connection.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import { organisations, sessions, users } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import type { StaffRole } from '../../domain/model.js';
import { callerFrom, type RequestAuth, staffRolesOf } from './caller.js';
import { forgetCallers } from './caller-cache.js';
import type { TSignedInUser } from './schema.js';
import { newSessionToken, sha256, verifyDecoyPassword, verifyPassword } from './secrets.js';

/** Sessions of staff users signed in with a password; the browser holds the token in a cookie. */

export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export type PasswordCheck =
  | { outcome: 'accepted'; userId: string; orgId: string }
  | { outcome: 'wrong' }
  | { outcome: 'deactivated' };

/** Unknown email and wrong password look the same to the caller, in answer and in time. */
export const checkPassword = async (options: {
  db: Database;
  email: string;
  password: string;
}): Promise<PasswordCheck> => {
  const { db, email, password } = options;
  const [user] = await db
    .select({
      id: users.id,
      orgId: users.orgId,
      passwordHash: users.passwordHash,
      active: users.active,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  if (user === undefined) {
    await verifyDecoyPassword(password);
    return { outcome: 'wrong' };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { outcome: 'wrong' };
  if (!user.active) return { outcome: 'deactivated' };
  return { outcome: 'accepted', userId: user.id, orgId: user.orgId };
};

export const startSession = async (options: {
  db: Database;
  orgId: string;
  userId: string;
  ip: string;
  userAgent: string;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date }> => {
  const { db, orgId, userId, ip, userAgent, now = new Date() } = options;
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.transaction(async (tx) => {
    await tx
      .delete(sessions)
      .where(
        and(eq(sessions.orgId, orgId), eq(sessions.userId, userId), lte(sessions.expiresAt, now)),
      );
    await tx.insert(sessions).values({
      tokenHash: sha256(token),
      orgId,
      userId,
      expiresAt,
      ip,
      userAgent: userAgent.slice(0, 500),
    });
    await tx
      .update(users)
      .set({ lastSignInAt: now })
      .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  });
  return { token, expiresAt };
};

/** The caller behind a session cookie; a session of a deactivated user no longer counts. */
const sessionCallerStatement = preparedPerDatabase((db) =>
  db
    .select({ orgId: users.orgId, userId: users.id, name: users.name, roles: users.roles })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.active, true),
      ),
    )
    .limit(1)
    .prepare('session_caller'),
);

export const findSessionCaller = async (options: {
  db: Database;
  token: string;
}): Promise<RequestAuth | null> => {
  const { db, token } = options;
  const tokenHash = sha256(token);
  const [row] = await sessionCallerStatement(db).execute({ tokenHash, now: new Date() });
  if (row === undefined) return null;
  return callerFrom({
    ...row,
    roles: staffRolesOf(row.roles),
    via: { kind: 'session', tokenHash },
  });
};

export const endSession = async (options: { db: Database; token: string }): Promise<void> => {
  await options.db.delete(sessions).where(eq(sessions.tokenHash, sha256(options.token)));
  forgetCallers();
};

/**
 * Signs a user out everywhere, except (when given) the session making the request. It runs in
 * the caller's transaction: the caller forgets cached callers once that has committed.
 */
export const endSessionsOfUser = async (options: {
  db: DbExecutor;
  orgId: string;
  userId: string;
  keepTokenHash?: string;
}): Promise<void> => {
  const { db, orgId, userId, keepTokenHash } = options;
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.orgId, orgId),
        eq(sessions.userId, userId),
        keepTokenHash === undefined ? undefined : ne(sessions.tokenHash, keepTokenHash),
      ),
    );
};

/** `roles` narrows the user's roles to what the caller carries (an API token's roles). */
export const findSignedInUser = async (options: {
  db: Database;
  orgId: string;
  userId: string;
  roles?: StaffRole[];
}): Promise<TSignedInUser> => {
  const { db, orgId, userId } = options;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      roles: users.roles,
      organisation: {
        id: organisations.id,
        name: organisations.name,
        personalisation: organisations.personalisation,
        setupCompletedAt: organisations.setupCompletedAt,
      },
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .limit(1);
  if (row === undefined) throw notFound('The signed-in user');
  const { setupCompletedAt, ...organisation } = row.organisation;
  return {
    ...row,
    roles: options.roles ?? staffRolesOf(row.roles),
    organisation: { ...organisation, setupCompleted: setupCompletedAt !== null },
  };
};

/** The organisation's own names for the roles, for messages that name them. */
export const findRoleNames = async (options: {
  db: Database;
  orgId: string;
}): Promise<TPersonalisation['roleNames']> => {
  const [row] = await options.db
    .select({ personalisation: organisations.personalisation })
    .from(organisations)
    .where(eq(organisations.id, options.orgId))
    .limit(1);
  return row?.personalisation.roleNames ?? {};
};
