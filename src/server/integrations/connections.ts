import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, DbExecutor } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { psaConnections } from '../../db/schema.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import type { PsaConnector, PsaVendor, PsaVendorModule } from '../../integrations/psa/connector.js';
import { PsaError } from '../../integrations/psa/errors.js';
import { PSA_VENDOR_MODULES } from '../../integrations/psa/vendors.js';
import type { SecretVault } from '../../security/envelope.js';
import type {
  TConnectionTest,
  TPsaConnection,
  TUpdatePsaConnectionRequest,
  ZCreatePsaConnectionRequest,
} from './schema.js';

/**
 * PSA connections: the vendor's settings checked against its own schema, its secrets sealed in
 * the vault and never returned, and the connector built from both when a job needs it.
 */

export type ConnectionRow = typeof psaConnections.$inferSelect;

type Secrets = Record<string, unknown>;

function parseVendorPart(
  module: PsaVendorModule,
  part: 'settings' | 'secrets',
  value: unknown,
): Record<string, unknown> {
  const schema: z.ZodObject = part === 'settings' ? module.settingsSchema : module.secretsSchema;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = [part, ...issue.path.map(String)].join('.');
  throw invalid(field, `${module.label}: ${issue.message}`);
}

/** Secrets left empty in a form mean "keep the stored one". */
function givenSecrets(secrets: Record<string, string> | undefined): Secrets {
  return Object.fromEntries(
    Object.entries(secrets ?? {}).filter(([, value]) => value.trim() !== ''),
  );
}

function present(row: ConnectionRow, vault: SecretVault): TPsaConnection {
  const secrets = vault.open(row.sealedSecrets) as Secrets;
  return {
    id: row.id,
    vendor: row.vendor,
    vendorLabel: PSA_VENDOR_MODULES[row.vendor].label,
    name: row.name,
    settings: row.settings,
    storedSecrets: Object.keys(secrets).sort(),
    enabled: row.enabled,
    syncIntervalMinutes: row.syncIntervalMinutes,
    pushBack: row.pushBack,
    lastTest:
      row.lastTestedAt === null
        ? null
        : {
            at: row.lastTestedAt.toISOString(),
            ok: row.lastTestOk === true,
            message: row.lastTestMessage ?? '',
          },
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a connection: never a secret, only which ones are stored. */
function auditView(connection: TPsaConnection) {
  const { createdAt: _created, updatedAt: _updated, lastTest: _test, ...kept } = connection;
  return kept;
}

export async function findConnection(
  db: DbExecutor,
  orgId: string,
  connectionId: string,
): Promise<ConnectionRow> {
  const [row] = await db
    .select()
    .from(psaConnections)
    .where(and(eq(psaConnections.orgId, orgId), eq(psaConnections.id, connectionId)));
  if (row === undefined) throw notFound('The PSA connection');
  return row;
}

export async function findConnectionForVendor(
  db: DbExecutor,
  orgId: string,
  vendor: string,
): Promise<ConnectionRow | null> {
  if (!Object.hasOwn(PSA_VENDOR_MODULES, vendor)) return null;
  const [row] = await db
    .select()
    .from(psaConnections)
    .where(and(eq(psaConnections.orgId, orgId), eq(psaConnections.vendor, vendor as PsaVendor)));
  return row ?? null;
}

/** The connector of a stored connection, with its secrets opened for this use only. */
export function connectorOf(row: ConnectionRow, vault: SecretVault): PsaConnector {
  const module = PSA_VENDOR_MODULES[row.vendor];
  return module.create({
    settings: parseVendorPart(module, 'settings', row.settings),
    secrets: parseVendorPart(module, 'secrets', vault.open(row.sealedSecrets)),
  });
}

export async function listConnections(options: {
  db: Database;
  vault: SecretVault;
  orgId: string;
}): Promise<TPsaConnection[]> {
  const rows = await options.db
    .select()
    .from(psaConnections)
    .where(eq(psaConnections.orgId, options.orgId))
    .orderBy(psaConnections.name);
  return rows.map((row) => present(row, options.vault));
}

export async function createConnection(options: {
  db: Database;
  vault: SecretVault;
  orgId: string;
  request: z.output<typeof ZCreatePsaConnectionRequest>;
  actor: Actor;
}): Promise<TPsaConnection> {
  const { db, vault, orgId, request, actor } = options;
  const module = PSA_VENDOR_MODULES[request.vendor];
  const settings = parseVendorPart(module, 'settings', request.settings);
  const secrets = parseVendorPart(module, 'secrets', givenSecrets(request.secrets));
  return db.transaction(async (tx) => {
    if ((await findConnectionForVendor(tx, orgId, request.vendor)) !== null) {
      throw new AppError(
        'conflict',
        `There is a ${module.label} connection already; change that one instead.`,
        { field: 'vendor' },
      );
    }
    const [row] = await tx
      .insert(psaConnections)
      .values({
        orgId,
        vendor: request.vendor,
        name: request.name,
        settings,
        sealedSecrets: vault.seal(secrets),
        enabled: request.enabled,
        syncIntervalMinutes: request.syncIntervalMinutes,
        pushBack: request.pushBack,
      })
      .returning();
    const connection = present(row!, vault);
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'psa_connection',
        entityId: connection.id,
        action: 'create_psa_connection',
        actor,
        before: null,
        after: auditView(connection),
      },
    ]);
    return connection;
  });
}

export async function updateConnection(options: {
  db: Database;
  vault: SecretVault;
  orgId: string;
  connectionId: string;
  changes: TUpdatePsaConnectionRequest;
  actor: Actor;
}): Promise<TPsaConnection> {
  const { db, vault, orgId, connectionId, changes, actor } = options;
  return db.transaction(async (tx) => {
    const before = await findConnection(tx, orgId, connectionId);
    const module = PSA_VENDOR_MODULES[before.vendor];
    const settings =
      changes.settings === undefined
        ? before.settings
        : parseVendorPart(module, 'settings', changes.settings);
    const secrets = parseVendorPart(module, 'secrets', {
      ...(vault.open(before.sealedSecrets) as Secrets),
      ...givenSecrets(changes.secrets),
    });
    const credentialsChanged =
      changes.settings !== undefined || Object.keys(givenSecrets(changes.secrets)).length > 0;
    const [after] = await tx
      .update(psaConnections)
      .set({
        name: changes.name ?? before.name,
        settings,
        sealedSecrets: vault.seal(secrets),
        enabled: changes.enabled ?? before.enabled,
        syncIntervalMinutes: changes.syncIntervalMinutes ?? before.syncIntervalMinutes,
        pushBack: changes.pushBack ?? before.pushBack,
        // A test of other credentials says nothing about these.
        ...(credentialsChanged
          ? { lastTestedAt: null, lastTestOk: null, lastTestMessage: null }
          : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(psaConnections.orgId, orgId), eq(psaConnections.id, connectionId)))
      .returning();
    const connection = present(after!, vault);
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'psa_connection',
        entityId: connectionId,
        action: 'update_psa_connection',
        actor,
        before: auditView(present(before, vault)),
        after: auditView(connection),
      },
    ]);
    return connection;
  });
}

export async function deleteConnection(options: {
  db: Database;
  vault: SecretVault;
  orgId: string;
  connectionId: string;
  actor: Actor;
}): Promise<void> {
  const { db, vault, orgId, connectionId, actor } = options;
  await db.transaction(async (tx) => {
    const before = await findConnection(tx, orgId, connectionId);
    await tx
      .delete(psaConnections)
      .where(and(eq(psaConnections.orgId, orgId), eq(psaConnections.id, connectionId)));
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'psa_connection',
        entityId: connectionId,
        action: 'delete_psa_connection',
        actor,
        before: auditView(present(before, vault)),
        after: null,
      },
    ]);
  });
}

/** Signs in to the PSA now and keeps the answer, good or bad, on the connection. */
export async function testConnection(options: {
  db: Database;
  vault: SecretVault;
  orgId: string;
  connectionId: string;
}): Promise<TConnectionTest> {
  const { db, vault, orgId, connectionId } = options;
  const row = await findConnection(db, orgId, connectionId);
  let result: { ok: boolean; message: string };
  try {
    result = { ok: true, message: (await connectorOf(row, vault).testConnection()).message };
  } catch (error) {
    if (!(error instanceof PsaError) && !(error instanceof AppError)) throw error;
    result = { ok: false, message: error.message };
  }
  const at = new Date();
  await db
    .update(psaConnections)
    .set({ lastTestedAt: at, lastTestOk: result.ok, lastTestMessage: result.message })
    .where(and(eq(psaConnections.orgId, orgId), eq(psaConnections.id, connectionId)));
  return { at: at.toISOString(), ...result };
}
