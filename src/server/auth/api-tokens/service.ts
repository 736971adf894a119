import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/connection.js';
import { preparedPerDatabase } from '../../../db/prepared.js';
import { recordAuditEvents } from '../../../db/repositories/audit.js';
import { apiTokens, users } from '../../../db/schema.js';
import { AppError, notFound } from '../../../domain/errors.js';
import type { Actor, StaffRole } from '../../../domain/model.js';
import { callerFrom, type RequestAuth, staffRolesOf } from '../caller.js';
import { forgetCallers } from '../caller-cache.js';
import { roleLabel } from '../permissions.js';
import { API_TOKEN_PREFIX, apiTokenDisplayPrefix, newApiToken, sha256 } from '../secrets.js';
import type { TApiToken, TCreatedApiToken } from './schema.js';

/** Recording every use would write on every request; once a minute is enough to show activity. */
const LAST_USED_RESOLUTION_MS = 60_000;

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  roles: apiTokens.roles,
  userId: apiTokens.userId,
  userName: users.name,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  roles: string[];
  userId: string;
  userName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

const presentToken = (row: TokenRow): TApiToken => ({
  ...row,
  roles: staffRolesOf(row.roles),
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

/**
 * A token acts for the user who made it and can never carry more: `holderRoles` are the roles
 * of the caller creating it.
 */
export const createApiToken = async (options: {
  db: Database;
  orgId: string;
  userId: string;
  name: string;
  roles?: StaffRole[];
  holderRoles: StaffRole[];
  actor: Actor;
}): Promise<TCreatedApiToken> => {
  const { db, orgId, userId, name, holderRoles, actor } = options;
  const roles = options.roles ?? holderRoles;
  const foreign = roles.filter((role) => !holderRoles.includes(role));
  if (foreign.length > 0) {
    throw new AppError(
      'forbidden',
      `A token can only carry roles you hold yourself; you do not hold ${foreign.map((role) => roleLabel(role)).join(', ')}.`,
      { field: 'roles' },
    );
  }
  const token = newApiToken();
  const created = await db.transaction(async (tx) => {
    const [holder] = await tx
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
      .limit(1);
    if (holder === undefined) throw notFound('The user');
    const [row] = await tx
      .insert(apiTokens)
      .values({
        orgId,
        userId,
        name,
        tokenHash: sha256(token),
        prefix: apiTokenDisplayPrefix(token),
        roles,
      })
      .returning();
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'api_token',
        entityId: row!.id,
        action: 'create_api_token',
        actor,
        before: null,
        after: { name, userId, roles, prefix: row!.prefix },
      },
    ]);
    return { ...row!, userName: holder.name };
  });
  return { ...presentToken(created), token };
};

/** Active tokens of the organisation, or only of one user when `userId` is given. */
export const listApiTokens = async (options: {
  db: Database;
  orgId: string;
  userId?: string;
}): Promise<TApiToken[]> => {
  const { db, orgId, userId } = options;
  const rows = await db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.orgId, orgId),
        isNull(apiTokens.revokedAt),
        userId === undefined ? undefined : eq(apiTokens.userId, userId),
      ),
    )
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(presentToken);
};

/** Revokes a token of the organisation (of one user when `userId` is given); kept for history. */
export const revokeApiToken = async (options: {
  db: Database;
  orgId: string;
  tokenId: string;
  userId?: string;
  actor: Actor;
}): Promise<void> => {
  const { db, orgId, tokenId, userId, actor } = options;
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiTokens.orgId, orgId),
          eq(apiTokens.id, tokenId),
          isNull(apiTokens.revokedAt),
          userId === undefined ? undefined : eq(apiTokens.userId, userId),
        ),
      )
      .returning({ name: apiTokens.name, userId: apiTokens.userId });
    if (revoked === undefined) throw notFound('The API token');
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'api_token',
        entityId: tokenId,
        action: 'revoke_api_token',
        actor,
        before: revoked,
        after: null,
      },
    ]);
  });
  forgetCallers();
};

const tokenCallerStatement = preparedPerDatabase((db) =>
  db
    .select({
      tokenId: apiTokens.id,
      tokenRoles: apiTokens.roles,
      lastUsedAt: apiTokens.lastUsedAt,
      orgId: users.orgId,
      userId: users.id,
      name: users.name,
      userRoles: users.roles,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
        isNull(apiTokens.revokedAt),
        eq(users.active, true),
      ),
    )
    .limit(1)
    .prepare('api_token_caller'),
);

/**
 * The caller behind a bearer token. The token's roles are cut down to what its user holds now,
 * so taking a role from a user takes it from their tokens too.
 */
export const findApiTokenCaller = async (options: {
  db: Database;
  token: string;
}): Promise<RequestAuth | null> => {
  const { db, token } = options;
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await tokenCallerStatement(db).execute({ tokenHash: sha256(token) });
  if (row === undefined) return null;
  const now = new Date();
  if (
    row.lastUsedAt === null ||
    now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS
  ) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  const userRoles = staffRolesOf(row.userRoles);
  return callerFrom({
    orgId: row.orgId,
    userId: row.userId,
    name: row.name,
    roles: staffRolesOf(row.tokenRoles).filter((role) => userRoles.includes(role)),
    via: { kind: 'api_token', tokenId: row.tokenId },
  });
};
