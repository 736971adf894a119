import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { closeouts, handoverItems, handoverSecrets, portalUsers } from '../../db/schema.js';
import { AppError, illegal, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import type { SecretVault } from '../../security/envelope.js';
import {
  type THandoverSecret,
  type THandoverSecretStatus,
  type TRevealedHandoverSecret,
  ZHandoverSecret,
} from './schema.js';

/**
 * The credential vault: the secret of each handover item, sealed with envelope encryption
 * (src/security/envelope.ts) and kept out of the closeout aggregate, so no read, cache, list or
 * audit diff of a closeout can ever carry it. Only the two reveals open it; the audit trail
 * records that a secret changed or was revealed, by whom, never its value.
 */

const ENTITY_TYPE = 'handover_item';

type SecretRow = typeof handoverSecrets.$inferSelect;

type ItemInCloseout = {
  closeoutId: string;
  reference: string;
  status: 'open' | 'retained' | 'withdrawn' | 'terminated';
  clientId: string;
  itemId: string;
  systemName: string;
  credentialLabel: string;
};

type Scope = { orgId: string; closeoutId: string; itemId: string };

/**
 * The handover item with its closeout, share-locked so the closeout cannot end while a secret
 * changes (a closing transaction waits for this one, and this one sees it closed).
 */
async function requireItem(tx: DbExecutor, scope: Scope): Promise<ItemInCloseout> {
  const [row] = await tx
    .select({
      closeoutId: closeouts.id,
      reference: closeouts.reference,
      status: closeouts.status,
      clientId: closeouts.clientId,
      itemId: handoverItems.id,
      systemName: handoverItems.systemName,
      credentialLabel: handoverItems.credentialLabel,
    })
    .from(handoverItems)
    .innerJoin(
      closeouts,
      and(eq(closeouts.id, handoverItems.closeoutId), eq(closeouts.orgId, handoverItems.orgId)),
    )
    .where(
      and(
        eq(handoverItems.orgId, scope.orgId),
        eq(handoverItems.closeoutId, scope.closeoutId),
        eq(handoverItems.id, scope.itemId),
      ),
    )
    .for('share');
  if (row !== undefined) return row;
  await requireCloseoutExists(tx, scope.orgId, scope.closeoutId);
  throw new AppError('not_found', 'This handover item is not part of this closeout.', {
    field: 'itemId',
  });
}

async function requireCloseoutExists(tx: DbExecutor, orgId: string, closeoutId: string) {
  const [closeout] = await tx
    .select({ id: closeouts.id })
    .from(closeouts)
    .where(and(eq(closeouts.orgId, orgId), eq(closeouts.id, closeoutId)));
  if (closeout === undefined) throw notFound('The closeout');
}

function requireOpenCloseout(item: ItemInCloseout, doing: string): void {
  if (item.status !== 'open') {
    throw illegal(
      `Closeout ${item.reference} has ended (${item.status}): ${doing} is no longer possible.`,
    );
  }
}

/** The secret of the handover item in scope, within its closeout and organisation. */
const secretInScope = (scope: Scope) =>
  and(
    eq(handoverSecrets.orgId, scope.orgId),
    eq(handoverSecrets.closeoutId, scope.closeoutId),
    eq(handoverSecrets.handoverItemId, scope.itemId),
  );

async function findSecret(tx: DbExecutor, scope: Scope, lock: boolean): Promise<SecretRow | null> {
  const query = tx.select().from(handoverSecrets).where(secretInScope(scope));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

function requireSecret(row: SecretRow | null, item: ItemInCloseout): SecretRow {
  if (row === null) {
    throw new AppError(
      'not_found',
      `No secret is stored for ${item.systemName}: ${item.credentialLabel} yet.`,
      { field: 'itemId' },
    );
  }
  return row;
}

const iso = (moment: Date | null): string | null => moment?.toISOString() ?? null;

const NOT_STORED = {
  stored: false,
  updatedAt: null,
  updatedBy: null,
  issuedAt: null,
  issueCount: 0,
  clientRevealedAt: null,
  clientRevealedBy: null,
} as const;

function statusOf(
  itemId: string,
  row: SecretRow | null,
  revealedByName: string | null,
): THandoverSecretStatus {
  if (row === null) return { itemId, ...NOT_STORED };
  return {
    itemId,
    stored: true,
    updatedAt: iso(row.updatedAt),
    updatedBy: row.updatedBy,
    issuedAt: iso(row.issuedAt),
    issueCount: row.issueCount,
    clientRevealedAt: iso(row.clientRevealedAt),
    clientRevealedBy: row.clientRevealedAt === null ? null : revealedByName,
  };
}

/** What the audit trail keeps: the facts of the secret, never a part of it. */
function auditView(item: ItemInCloseout, row: SecretRow | null) {
  return {
    systemName: item.systemName,
    credentialLabel: item.credentialLabel,
    secretStored: row !== null,
    issueCount: row?.issueCount ?? 0,
    clientRevealedAt: iso(row?.clientRevealedAt ?? null),
  };
}

function audit(
  tx: DbExecutor,
  scope: Scope,
  event: {
    action: string;
    actor: Actor;
    item: ItemInCloseout;
    before: SecretRow | null;
    after: SecretRow | null;
  },
) {
  return recordAuditEvents(tx, [
    {
      orgId: scope.orgId,
      closeoutId: scope.closeoutId,
      entityType: ENTITY_TYPE,
      entityId: scope.itemId,
      action: event.action,
      actor: event.actor,
      before: event.before === null ? null : auditView(event.item, event.before),
      after: auditView(event.item, event.after),
    },
  ]);
}

/** A stored secret that no longer parses is treated like one that was altered. */
function openSecret(vault: SecretVault, row: SecretRow): THandoverSecret {
  const parsed = ZHandoverSecret.safeParse(vault.open(row.sealed));
  if (!parsed.success) {
    throw new AppError('internal', 'A stored secret is not a handover secret.');
  }
  return parsed.data;
}

// ---- reading ---------------------------------------------------------------------------------

/**
 * Every handover item of a closeout with what may be said about its secret, in the items'
 * order. For list views and the client portal: it never opens a secret.
 */
export async function secretStatusesOf(options: {
  db: DbExecutor;
  orgId: string;
  closeoutId: string;
}): Promise<THandoverSecretStatus[]> {
  const { db, orgId, closeoutId } = options;
  await requireCloseoutExists(db, orgId, closeoutId);
  const rows = await db
    .select({ itemId: handoverItems.id, secret: handoverSecrets, revealedBy: portalUsers.name })
    .from(handoverItems)
    .leftJoin(
      handoverSecrets,
      and(
        eq(handoverSecrets.handoverItemId, handoverItems.id),
        eq(handoverSecrets.orgId, handoverItems.orgId),
      ),
    )
    .leftJoin(
      portalUsers,
      and(
        eq(portalUsers.id, handoverSecrets.clientRevealedBy),
        eq(portalUsers.orgId, handoverSecrets.orgId),
      ),
    )
    .where(and(eq(handoverItems.orgId, orgId), eq(handoverItems.closeoutId, closeoutId)))
    .orderBy(asc(handoverItems.position));
  return rows.map((row) => statusOf(row.itemId, row.secret, row.revealedBy));
}

export async function secretStatus(options: {
  db: DbExecutor;
  orgId: string;
  closeoutId: string;
  itemId: string;
}): Promise<THandoverSecretStatus> {
  const { db, ...scope } = options;
  const item = await requireItem(db, scope);
  const row = await findSecret(db, scope, false);
  return statusOf(item.itemId, row, await revealedByName(db, scope.orgId, row));
}

async function revealedByName(
  db: DbExecutor,
  orgId: string,
  row: SecretRow | null,
): Promise<string | null> {
  if (row?.clientRevealedBy == null) return null;
  const [user] = await db
    .select({ name: portalUsers.name })
    .from(portalUsers)
    .where(and(eq(portalUsers.orgId, orgId), eq(portalUsers.id, row.clientRevealedBy)));
  return user?.name ?? null;
}

// ---- changing --------------------------------------------------------------------------------

/**
 * Stores or replaces the secret of a handover item, sealed under a fresh data key. A replaced
 * secret is a new issue: the client may reveal it once more.
 */
export async function storeHandoverSecret(options: {
  db: Database;
  vault: SecretVault;
  orgId: string;
  closeoutId: string;
  itemId: string;
  secret: THandoverSecret;
  actor: Actor;
}): Promise<THandoverSecretStatus> {
  const { db, vault, secret, actor, ...scope } = options;
  return db.transaction(async (tx) => {
    const item = await requireItem(tx, scope);
    requireOpenCloseout(item, 'changing its credentials');
    const before = await findSecret(tx, scope, true);
    const now = new Date();
    const sealed = vault.seal(secret);
    const [after] = await tx
      .insert(handoverSecrets)
      .values({
        handoverItemId: scope.itemId,
        orgId: scope.orgId,
        closeoutId: scope.closeoutId,
        sealed,
        updatedAt: now,
        updatedBy: actor.name,
        issuedAt: now,
        issueCount: 1,
      })
      .onConflictDoUpdate({
        target: handoverSecrets.handoverItemId,
        set: {
          sealed,
          updatedAt: now,
          updatedBy: actor.name,
          issuedAt: now,
          issueCount: sql`${handoverSecrets.issueCount} + 1`,
          clientRevealedAt: null,
          clientRevealedBy: null,
        },
        setWhere: eq(handoverSecrets.orgId, scope.orgId),
      })
      .returning();
    if (after === undefined) throw notFound('The handover item');
    await audit(tx, scope, {
      action: before === null ? 'store_handover_secret' : 'replace_handover_secret',
      actor,
      item,
      before,
      after,
    });
    return statusOf(item.itemId, after, null);
  });
}

/** Lets the client reveal the stored secret once more, e.g. after losing it. */
export async function reissueHandoverSecret(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
  itemId: string;
  actor: Actor;
}): Promise<THandoverSecretStatus> {
  const { db, actor, ...scope } = options;
  return db.transaction(async (tx) => {
    const item = await requireItem(tx, scope);
    requireOpenCloseout(item, 're-issuing its credentials');
    const before = requireSecret(await findSecret(tx, scope, true), item);
    if (before.clientRevealedAt === null) {
      throw illegal(
        `The client has not revealed ${item.systemName}: ${item.credentialLabel} since it was last issued; it can still reveal it once.`,
      );
    }
    const [after] = await tx
      .update(handoverSecrets)
      .set({
        issuedAt: new Date(),
        issueCount: before.issueCount + 1,
        clientRevealedAt: null,
        clientRevealedBy: null,
      })
      .where(secretInScope(scope))
      .returning();
    await audit(tx, scope, {
      action: 'reissue_handover_secret',
      actor,
      item,
      before,
      after: after!,
    });
    return statusOf(item.itemId, after!, null);
  });
}

// ---- revealing -------------------------------------------------------------------------------

/** Opens the secret for a member of staff; every reveal is recorded with who asked. */
export async function revealSecretToStaff(options: {
  db: Database;
  vault: SecretVault;
  orgId: string;
  closeoutId: string;
  itemId: string;
  actor: Actor;
}): Promise<TRevealedHandoverSecret> {
  const { db, vault, actor, ...scope } = options;
  return db.transaction(async (tx) => {
    const item = await requireItem(tx, scope);
    const row = requireSecret(await findSecret(tx, scope, false), item);
    const secret = openSecret(vault, row);
    await audit(tx, scope, {
      action: 'reveal_handover_secret',
      actor,
      item,
      before: null,
      after: row,
    });
    return {
      itemId: item.itemId,
      systemName: item.systemName,
      credentialLabel: item.credentialLabel,
      secret,
      revealedAt: new Date().toISOString(),
    };
  });
}

/**
 * Opens the secret for the client's portal user: once per issue. The reveal is recorded on the
 * secret (who, when) and in the audit trail as the client's act; a second reveal of the same
 * issue is refused until the provider re-issues it.
 */
export async function revealSecretToClient(options: {
  db: Database;
  vault: SecretVault;
  orgId: string;
  closeoutId: string;
  itemId: string;
  portalUser: { id: string; name: string };
}): Promise<TRevealedHandoverSecret> {
  const { db, vault, portalUser, ...scope } = options;
  return db.transaction(async (tx) => {
    const item = await requireItem(tx, scope);
    const [user] = await tx
      .select({ id: portalUsers.id })
      .from(portalUsers)
      .where(
        and(
          eq(portalUsers.orgId, scope.orgId),
          eq(portalUsers.id, portalUser.id),
          eq(portalUsers.clientId, item.clientId),
          isNull(portalUsers.revokedAt),
        ),
      );
    if (user === undefined) throw notFound('This handover item');
    const before = requireSecret(await findSecret(tx, scope, true), item);
    if (before.clientRevealedAt !== null) {
      throw new AppError(
        'conflict',
        `${item.systemName}: ${item.credentialLabel} was already revealed on ${before.clientRevealedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. If you need it again, ask your provider to re-issue it.`,
      );
    }
    const secret = openSecret(vault, before);
    const revealedAt = new Date();
    const [after] = await tx
      .update(handoverSecrets)
      .set({ clientRevealedAt: revealedAt, clientRevealedBy: portalUser.id })
      .where(secretInScope(scope))
      .returning();
    await audit(tx, scope, {
      action: 'client_reveal_handover_secret',
      actor: { kind: 'client_contact', contactId: portalUser.id, name: portalUser.name },
      item,
      before,
      after: after!,
    });
    return {
      itemId: item.itemId,
      systemName: item.systemName,
      credentialLabel: item.credentialLabel,
      secret,
      revealedAt: revealedAt.toISOString(),
    };
  });
}
