import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connection.js';
import { refusingDuplicates } from '../../db/errors.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { users } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Actor, StaffRole } from '../../domain/model.js';
import { staffRolesOf } from '../auth/caller.js';
import { forgetCallers } from '../auth/caller-cache.js';
import { hashPassword, verifyPassword } from '../auth/secrets.js';
import { endSessionsOfUser } from '../auth/service.js';
import type { TStaffMember, TUpdateUserRequest, TUser } from './schema.js';

/** Staff users of one organisation. Email addresses are unique across the installation. */

type UserRow = typeof users.$inferSelect;

const SETUP_ACTOR: Actor = { kind: 'system', name: 'Closeout set-up' };

export const presentUser = (row: UserRow): TUser => ({
  id: row.id,
  name: row.name,
  email: row.email,
  roles: staffRolesOf(row.roles),
  active: row.active,
  createdAt: row.createdAt.toISOString(),
  lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
});

/** What the audit trail keeps of a user: never the password hash. */
const auditView = (row: UserRow) => ({
  name: row.name,
  email: row.email,
  roles: row.roles,
  active: row.active,
});

const emailTaken = () =>
  new AppError('conflict', 'A user with this email address already exists.', { field: 'email' });

const findUserRow = async (
  db: DbExecutor,
  orgId: string,
  userId: string,
): Promise<UserRow | undefined> => {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .limit(1);
  return row;
};

export const listUsers = async (options: { db: Database; orgId: string }): Promise<TUser[]> => {
  const rows = await options.db
    .select()
    .from(users)
    .where(eq(users.orgId, options.orgId))
    .orderBy(asc(users.name), asc(users.email));
  return rows.map(presentUser);
};

export const listStaffDirectory = async (options: {
  db: Database;
  orgId: string;
}): Promise<TStaffMember[]> => {
  const rows = await options.db
    .select({ id: users.id, name: users.name, roles: users.roles })
    .from(users)
    .where(and(eq(users.orgId, options.orgId), eq(users.active, true)))
    .orderBy(asc(users.name));
  return rows.map((row) => ({ ...row, roles: staffRolesOf(row.roles) }));
};

export const getUser = async (options: {
  db: Database;
  orgId: string;
  userId: string;
}): Promise<TUser> => {
  const row = await findUserRow(options.db, options.orgId, options.userId);
  if (row === undefined) throw notFound('The user');
  return presentUser(row);
};

export const createUser = async (options: {
  db: Database;
  orgId: string;
  name: string;
  email: string;
  password: string;
  roles: StaffRole[];
  /** Who adds the user; the set-up and the CLI act as the system. */
  actor?: Actor;
}): Promise<TUser> => {
  const { db, orgId, name, password, roles, actor = SETUP_ACTOR } = options;
  const email = options.email.trim().toLowerCase();
  const passwordHash = await hashPassword(password);
  // Two administrators adding the same address at once: the unique index decides.
  return refusingDuplicates(
    () =>
      db.transaction(async (tx) => {
        const [taken] = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(sql`lower(${users.email})`, email))
          .limit(1);
        if (taken !== undefined) throw emailTaken();
        const [row] = await tx
          .insert(users)
          .values({ orgId, name: name.trim(), email, passwordHash, roles })
          .returning();
        await recordAuditEvents(tx, [
          {
            orgId,
            closeoutId: null,
            entityType: 'user',
            entityId: row!.id,
            action: 'create_user',
            actor,
            before: null,
            after: auditView(row!),
          },
        ]);
        return presentUser(row!);
      }),
    emailTaken,
  );
};

/**
 * Administrators keep the installation manageable: they cannot take their own Administrator role
 * away or deactivate themselves. Deactivating a user signs them out everywhere.
 */
export const updateUser = async (options: {
  db: Database;
  orgId: string;
  userId: string;
  changes: TUpdateUserRequest;
  actor: Extract<Actor, { kind: 'user' }>;
}): Promise<TUser> => {
  const { db, orgId, userId, changes, actor } = options;
  const isSelf = actor.userId === userId;
  if (isSelf && changes.active === false) {
    throw new AppError('conflict', 'You cannot deactivate yourself; ask another administrator.', {
      field: 'active',
    });
  }
  if (isSelf && changes.roles !== undefined && !changes.roles.includes('admin')) {
    throw new AppError(
      'conflict',
      'You cannot remove your own Administrator role; ask another administrator.',
      { field: 'roles' },
    );
  }
  const updated = await db.transaction(async (tx) => {
    const before = await findUserRow(tx, orgId, userId);
    if (before === undefined) throw notFound('The user');
    const [after] = await tx
      .update(users)
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.roles === undefined ? {} : { roles: changes.roles }),
        ...(changes.active === undefined ? {} : { active: changes.active }),
      })
      .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
      .returning();
    if (before.active && !after!.active) await endSessionsOfUser({ db: tx, orgId, userId });
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'user',
        entityId: userId,
        action: 'update_user',
        actor,
        before: auditView(before),
        after: auditView(after!),
      },
    ]);
    return presentUser(after!);
  });
  // Roles and deactivation take effect on the very next request.
  forgetCallers();
  return updated;
};

/**
 * Sets a new password and signs the user out of their other sessions; `keepSessionHash` spares
 * the session making the change when users reset their own password.
 */
export const resetPassword = async (options: {
  db: Database;
  orgId: string;
  userId: string;
  password: string;
  actor: Actor;
  keepSessionHash?: string;
}): Promise<void> => {
  const { db, orgId, userId, password, actor, keepSessionHash } = options;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
      .returning({ id: users.id });
    if (row === undefined) throw notFound('The user');
    await endSessionsOfUser({
      db: tx,
      orgId,
      userId,
      ...(keepSessionHash === undefined ? {} : { keepTokenHash: keepSessionHash }),
    });
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'user',
        entityId: userId,
        action: 'reset_password',
        actor,
        before: null,
        after: null,
      },
    ]);
  });
  forgetCallers();
};

/**
 * Users change their own password by proving they know the current one; their other sessions
 * end. Returns false, changing nothing, when the current password is wrong.
 */
export const changeOwnPassword = async (options: {
  db: Database;
  orgId: string;
  actor: Extract<Actor, { kind: 'user' }>;
  currentPassword: string;
  newPassword: string;
  keepSessionHash?: string;
}): Promise<boolean> => {
  const { db, orgId, actor, currentPassword, newPassword, keepSessionHash } = options;
  const row = await findUserRow(db, orgId, actor.userId);
  if (row === undefined) throw notFound('The user');
  if (!(await verifyPassword(row.passwordHash, currentPassword))) return false;
  await resetPassword({
    db,
    orgId,
    userId: actor.userId,
    password: newPassword,
    actor,
    ...(keepSessionHash === undefined ? {} : { keepSessionHash }),
  });
  return true;
};
