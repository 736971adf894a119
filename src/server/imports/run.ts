import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { closeouts, importRowErrors, imports } from '../../db/schema.js';
import type { Actor } from '../../domain/model.js';
import { ImportFileError } from '../../integrations/csv/errors.js';
import type { ColumnMapping, ImportEntity, ImportFormat } from '../../integrations/csv/formats.js';
import { type ImportProgress, runImport } from '../../integrations/csv/run.js';
import { syncClientTicketReview } from '../closeouts/service.js';
import { checkFormat, formatOf, type ImportRow, present, requireImport } from './present.js';
import type { TImportSummary } from './schema.js';

/**
 * Running an import, from the job or the command line: the records, then the outcome (status,
 * totals, message) and one audit event. Tickets of a client whose open closeout pulled its
 * tickets join its review inside the batch that brought them.
 */

/**
 * An import of a file on this machine, for the command line: recorded like an upload (so its
 * refused rows and audit event are kept the same way) but never copied or deleted.
 */
export async function registerLocalImport(options: {
  db: Database;
  orgId: string;
  entity: ImportEntity;
  format: ImportFormat;
  fileName: string;
  fileBytes: number;
  mapping: ColumnMapping;
  actor: Actor;
}): Promise<string> {
  const { db, orgId, actor, ...values } = options;
  checkFormat(values.entity, values.format);
  const [row] = await db
    .insert(imports)
    .values({ orgId, ...values, filePath: null, status: 'queued', createdBy: actor.name })
    .returning({ id: imports.id });
  return row!.id;
}

/** After each batch of tickets: those of a client whose open closeout pulled its tickets join the review. */
const joinTicketReviews =
  (orgId: string, actor: Actor) =>
  async (tx: DbExecutor, written: { clientIds: string[] }): Promise<void> => {
    const reviewing = await tx
      .select({ clientId: closeouts.clientId })
      .from(closeouts)
      .where(
        and(
          eq(closeouts.orgId, orgId),
          eq(closeouts.status, 'open'),
          isNotNull(closeouts.ticketsPulledAt),
          sql`${closeouts.clientId} = any(${sql.param(written.clientIds)}::uuid[])`,
        ),
      );
    for (const { clientId } of reviewing) {
      await syncClientTicketReview({ tx, orgId, clientId, actor });
    }
  };

const formatNumber = (value: number) => value.toLocaleString('en-US');

const outcomeMessage = (totals: ImportProgress) =>
  `Read ${formatNumber(totals.rowsRead)} rows: ${formatNumber(totals.created)} created, ${formatNumber(totals.updated)} updated, ${formatNumber(totals.unchanged)} unchanged, ${formatNumber(totals.failed)} refused.`;

async function recordOutcome(
  db: Database,
  row: ImportRow,
  actor: Actor,
  outcome: { status: 'succeeded' | 'failed'; message: string },
): Promise<ImportRow> {
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(imports)
      .set({ ...outcome, filePath: null, finishedAt: new Date() })
      .where(and(eq(imports.orgId, row.orgId), eq(imports.id, row.id)))
      .returning();
    await recordAuditEvents(tx, [
      {
        orgId: row.orgId,
        closeoutId: null,
        entityType: 'import',
        entityId: row.id,
        action: 'run_import',
        actor,
        before: null,
        after: {
          entity: after!.entity,
          format: after!.format,
          fileName: after!.fileName,
          status: after!.status,
          rowsRead: after!.rowsRead,
          created: after!.created,
          updated: after!.updated,
          unchanged: after!.unchanged,
          failed: after!.failed,
        },
      },
    ]);
    return after!;
  });
}

/**
 * Runs an import from `path` and records its outcome: its totals and message, and one audit
 * event. A file that cannot be imported (ImportFileError) fails the import; any other error is
 * thrown as it is, for the caller to retry or to fail the import with `failImport`.
 */
export async function executeImport(options: {
  db: Database;
  orgId: string;
  importId: string;
  path: string;
  actor: Actor;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}): Promise<TImportSummary> {
  const { db, orgId, importId, path, actor } = options;
  const row = await requireImport(db, orgId, importId);
  // A retried run starts over: its records are upserted again, so nothing is imported twice.
  await db.transaction(async (tx) => {
    await tx
      .delete(importRowErrors)
      .where(and(eq(importRowErrors.orgId, orgId), eq(importRowErrors.importId, importId)));
    await tx
      .update(imports)
      .set({
        status: 'running',
        startedAt: new Date(),
        bytesRead: 0,
        rowsRead: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        failed: 0,
        message: null,
      })
      .where(and(eq(imports.orgId, orgId), eq(imports.id, importId)));
  });
  try {
    const totals = await runImport({
      db,
      orgId,
      importId,
      path,
      entity: row.entity,
      format: formatOf(row.format),
      mapping: row.mapping,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      ...(row.entity === 'tickets' ? { afterBatch: joinTicketReviews(orgId, actor) } : {}),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    const after = await recordOutcome(db, row, actor, {
      status: 'succeeded',
      message: outcomeMessage(totals),
    });
    return present(after);
  } catch (error) {
    if (error instanceof ImportFileError) {
      await recordOutcome(db, row, actor, { status: 'failed', message: error.message });
    }
    throw error;
  }
}

/** Marks an import failed after an error it cannot recover from. */
export async function failImport(options: {
  db: Database;
  orgId: string;
  importId: string;
  actor: Actor;
  message: string;
}): Promise<void> {
  const row = await requireImport(options.db, options.orgId, options.importId);
  await recordOutcome(options.db, row, options.actor, {
    status: 'failed',
    message: options.message,
  });
}

/** Puts an import back in the queue after an attempt failed, saying so. */
export async function requeueImport(options: {
  db: Database;
  orgId: string;
  importId: string;
  message: string;
}): Promise<void> {
  await options.db
    .update(imports)
    .set({ status: 'queued', message: options.message })
    .where(and(eq(imports.orgId, options.orgId), eq(imports.id, options.importId)));
}

/** The id of an import and where its upload is, for the job that runs it. */
export async function importFileOf(
  db: Database,
  orgId: string,
  importId: string,
): Promise<{ status: ImportRow['status']; filePath: string | null } | null> {
  const [row] = await db
    .select({ status: imports.status, filePath: imports.filePath })
    .from(imports)
    .where(and(eq(imports.orgId, orgId), eq(imports.id, importId)));
  return row ?? null;
}
