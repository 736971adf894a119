import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '../db/connection.js';
import { jobs } from '../db/schema.js';
import type { JobKind } from './types.js';

export type NewJob = {
  orgId: string;
  kind: JobKind;
  /** What it does, in words: "Sync the tickets of Contoso's closeout (CO-2026-004)". */
  summary?: string;
  payload: Record<string, unknown>;
  /** Not before this moment; now by default. */
  runAt?: Date;
  maxAttempts?: number;
  /** While a job with this key is queued or running, enqueueing another is a no-op. */
  dedupeKey?: string;
};

/**
 * Adds a job to the queue, in the caller's transaction when given one: the job exists if and
 * only if the change that called for it was committed. Returns the job's id (the existing one's
 * when deduplicated).
 */
export async function enqueueJob(db: DbExecutor, job: NewJob): Promise<string> {
  const [inserted] = await db
    .insert(jobs)
    .values({
      orgId: job.orgId,
      kind: job.kind,
      summary: job.summary ?? '',
      payload: job.payload,
      runAt: job.runAt ?? new Date(),
      maxAttempts: job.maxAttempts ?? 6,
      dedupeKey: job.dedupeKey ?? null,
    })
    .onConflictDoNothing({
      target: [jobs.orgId, jobs.dedupeKey],
      where: sql`${jobs.status} in ('queued', 'running')`,
    })
    .returning({ id: jobs.id });
  if (inserted !== undefined) return inserted.id;
  const [existing] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.orgId, job.orgId),
        eq(jobs.dedupeKey, job.dedupeKey ?? ''),
        inArray(jobs.status, ['queued', 'running']),
      ),
    );
  return existing!.id;
}
