import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { refusingDuplicates } from '../../db/errors.js';
import { jobs } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import { type TJob, type TJobKind, type TListJobsQuery, ZJobKind } from './schema.js';

/** The background jobs of an organisation, as Settings → Integrations shows them. */

type JobRow = typeof jobs.$inferSelect;

const KIND_SUMMARIES: Record<TJobKind, string> = {
  csv_import: 'CSV import',
  psa_sync: 'Sync tickets with the PSA',
  psa_push_ticket: 'Write a ticket’s outcome back to the PSA',
  psa_import_clients: 'Import clients and agreements from the PSA',
};

export function presentJob(row: JobRow): TJob {
  const kind = row.kind as TJobKind;
  return {
    id: row.id,
    kind,
    summary: row.summary === '' ? KIND_SUMMARIES[kind] : row.summary,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt.toISOString(),
    lastError: row.lastError,
    progress: row.progress ?? null,
    result: row.result ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The jobs imports and PSA connections run; mails have their own list (Settings → Outbox). */
const integrationJob = inArray(jobs.kind, ZJobKind.options);

export async function listJobs(options: { db: Database; orgId: string; query: TListJobsQuery }) {
  const { db, orgId, query } = options;
  const conditions: SQL[] = [eq(jobs.orgId, orgId), integrationJob];
  if (query.status !== undefined) conditions.push(eq(jobs.status, query.status));
  if (query.kind !== undefined) conditions.push(eq(jobs.kind, query.kind));
  const where = and(...conditions);
  const rows = await db
    .select()
    .from(jobs)
    .where(where)
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ total: count() }).from(jobs).where(where);
  return {
    items: rows.map(presentJob),
    total: total?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getJob(db: Database, orgId: string, jobId: string): Promise<TJob> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), eq(jobs.id, jobId), integrationJob));
  if (row === undefined) throw notFound('The job');
  return presentJob(row);
}

/** A failed job gets a fresh set of attempts, now. */
export async function retryJob(options: {
  db: Database;
  orgId: string;
  jobId: string;
}): Promise<TJob> {
  const { db, orgId, jobId } = options;
  const [row] = await refusingDuplicates(
    () =>
      db
        .update(jobs)
        .set({ status: 'queued', attempts: 0, runAt: new Date(), finishedAt: null })
        .where(
          and(eq(jobs.orgId, orgId), eq(jobs.id, jobId), eq(jobs.status, 'failed'), integrationJob),
        )
        .returning(),
    () => new AppError('conflict', 'The same work is queued already; it will run shortly.'),
  );
  if (row !== undefined) return presentJob(row);
  const existing = await getJob(db, orgId, jobId);
  throw new AppError(
    'conflict',
    `Only a failed job can be retried; this one is ${existing.status}.`,
  );
}
