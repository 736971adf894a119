import { eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../db/connection.js';
import { recordAuditEvents } from '../db/repositories/audit.js';
import { handoverSecrets, psaConnections } from '../db/schema.js';
import { AppError, messageOf } from '../domain/errors.js';
import type { SecretVault } from './envelope.js';

/**
 * Master-key rotation in the database: every stored secret's data key re-wrapped under the
 * vault's current key, in one transaction, so the database is either wholly under the old key
 * or wholly under the new one. The secrets themselves are not decrypted.
 */

export type RewrapResult = {
  handoverSecrets: number;
  psaConnections: number;
  /** Secrets already under the new key (a rotation that is being finished). */
  unchanged: number;
};

type Counter = { unchanged: number; orgs: Map<string, number> };

function rewrapOne(vault: SecretVault, sealed: string, what: string, counter: Counter): string {
  let rewrapped: string;
  try {
    rewrapped = vault.rewrap(sealed);
  } catch (error) {
    throw new AppError('internal', `${what}: ${messageOf(error)} Nothing was changed.`, {
      cause: error,
    });
  }
  if (rewrapped === sealed) counter.unchanged += 1;
  return rewrapped;
}

type SealedRow = { id: string; orgId: string; sealed: string };

/** Re-wraps the rows' secrets and saves those that moved; returns how many moved. */
async function rewrapRows(
  rows: SealedRow[],
  options: {
    vault: SecretVault;
    counter: Counter;
    what: (id: string) => string;
    save: (id: string, sealed: string) => Promise<unknown>;
  },
): Promise<number> {
  const { vault, counter } = options;
  let count = 0;
  for (const row of rows) {
    const sealed = rewrapOne(vault, row.sealed, options.what(row.id), counter);
    if (sealed === row.sealed) continue;
    await options.save(row.id, sealed);
    counter.orgs.set(row.orgId, (counter.orgs.get(row.orgId) ?? 0) + 1);
    count += 1;
  }
  return count;
}

async function rewrapHandoverSecrets(tx: DbExecutor, vault: SecretVault, counter: Counter) {
  const rows = await tx
    .select({
      id: handoverSecrets.handoverItemId,
      orgId: handoverSecrets.orgId,
      sealed: handoverSecrets.sealed,
    })
    .from(handoverSecrets)
    .for('update');
  return rewrapRows(rows, {
    vault,
    counter,
    what: (id) => `The secret of handover item ${id}`,
    save: (id, sealed) =>
      tx.update(handoverSecrets).set({ sealed }).where(eq(handoverSecrets.handoverItemId, id)),
  });
}

async function rewrapPsaConnections(tx: DbExecutor, vault: SecretVault, counter: Counter) {
  const rows = await tx
    .select({
      id: psaConnections.id,
      orgId: psaConnections.orgId,
      sealed: psaConnections.sealedSecrets,
    })
    .from(psaConnections)
    .for('update');
  return rewrapRows(rows, {
    vault,
    counter,
    what: (id) => `The secrets of PSA connection ${id}`,
    save: (id, sealed) =>
      tx.update(psaConnections).set({ sealedSecrets: sealed }).where(eq(psaConnections.id, id)),
  });
}

/**
 * Re-wraps every stored secret of every organisation under `vault`'s current master key; the
 * vault must hold the keys they are under now as previous keys. Each organisation whose secrets
 * moved gets an audit event naming the new key's fingerprint.
 */
export async function rewrapStoredSecrets(
  db: Database,
  vault: SecretVault,
  actorName: string,
): Promise<RewrapResult> {
  return db.transaction(async (tx) => {
    const counter: Counter = { unchanged: 0, orgs: new Map() };
    const handover = await rewrapHandoverSecrets(tx, vault, counter);
    const psa = await rewrapPsaConnections(tx, vault, counter);
    await recordAuditEvents(
      tx,
      [...counter.orgs].map(([orgId, rewrapped]) => ({
        orgId,
        closeoutId: null,
        entityType: 'organisation',
        entityId: orgId,
        action: 'rotate_master_key',
        actor: { kind: 'system' as const, name: actorName },
        before: null,
        after: { keyId: vault.keyId, rewrappedSecrets: rewrapped },
      })),
    );
    return { handoverSecrets: handover, psaConnections: psa, unchanged: counter.unchanged };
  });
}
