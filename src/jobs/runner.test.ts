import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/database.js';
import { insertOrganisation } from '../../test/support/factories.js';
import type { Database, OpenDatabase } from '../db/connection.js';
import { jobs } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import { PsaError } from '../integrations/psa/errors.js';
import { enqueueJob } from './queue.js';
import { JobRunner } from './runner.js';
import type { JobHandler } from './types.js';

let database: OpenDatabase;
let db: Database;
let orgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  orgId = (await insertOrganisation(db)).id;
});

afterAll(async () => {
  await database.close();
});

const jobRow = async (id: string) => {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row!;
};

/** A runner whose `psa_sync` handler is the test's. */
const runnerWith = (handler: JobHandler) => new JobRunner({ db, handlers: { psa_sync: handler } });

describe('the job queue', () => {
  it('runs a job, keeping its result and its progress', async () => {
    const id = await enqueueJob(db, { orgId, kind: 'psa_sync', payload: { n: 2 } });
    const ran = await runnerWith(async ({ job, reportProgress }) => {
      await reportProgress({ done: 1, total: 2, unit: 'closeouts' });
      return { doubled: Number(job.payload.n) * 2 };
    }).drain();
    expect(ran).toBe(1);
    const row = await jobRow(id);
    expect(row).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      result: { doubled: 4 },
      progress: { done: 1, total: 2, unit: 'closeouts' },
      lastError: null,
    });
    expect(row.finishedAt).not.toBeNull();
  });

  it('retries a failure later with backoff, and does not run it before then', async () => {
    const id = await enqueueJob(db, { orgId, kind: 'psa_sync', payload: {} });
    const before = Date.now();
    const runner = runnerWith(async () => {
      throw new PsaError('unavailable', 'ConnectWise PSA failed to answer (HTTP 503).');
    });
    expect(await runner.drain()).toBe(1);
    const row = await jobRow(id);
    expect(row).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'ConnectWise PSA failed to answer (HTTP 503).',
    });
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(before + 30_000);
    expect(await runner.drain()).toBe(0);
  });

  it('waits as long as a 429’s Retry-After asks', async () => {
    const id = await enqueueJob(db, { orgId, kind: 'psa_sync', payload: {} });
    const before = Date.now();
    await runnerWith(async () => {
      throw new PsaError('rate_limited', 'HaloPSA asked us to slow down.', {
        status: 429,
        retryAfterMs: 120_000,
      });
    }).drain();
    const row = await jobRow(id);
    expect(row.status).toBe('queued');
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(row.runAt.getTime()).toBeLessThan(before + 130_000);
  });

  it('fails at once when retrying cannot help, and after the last attempt', async () => {
    const refused = await enqueueJob(db, { orgId, kind: 'psa_sync', payload: {} });
    await runnerWith(async () => {
      throw new AppError('validation', 'The file has no header row.');
    }).drain();
    expect(await jobRow(refused)).toMatchObject({
      status: 'failed',
      lastError: 'The file has no header row.',
    });

    const lastTry = await enqueueJob(db, { orgId, kind: 'psa_sync', payload: {}, maxAttempts: 1 });
    await runnerWith(async () => {
      throw new Error('socket hang up');
    }).drain();
    expect(await jobRow(lastTry)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('keeps one queued job per dedupe key', async () => {
    const first = await enqueueJob(db, {
      orgId,
      kind: 'psa_sync',
      payload: {},
      dedupeKey: 'psa_sync:one',
    });
    const second = await enqueueJob(db, {
      orgId,
      kind: 'psa_sync',
      payload: {},
      dedupeKey: 'psa_sync:one',
    });
    expect(second).toBe(first);
    await runnerWith(async () => undefined).drain();
    const third = await enqueueJob(db, {
      orgId,
      kind: 'psa_sync',
      payload: {},
      dedupeKey: 'psa_sync:one',
    });
    expect(third).not.toBe(first);
    await runnerWith(async () => undefined).drain();
  });

  it('takes over a job whose process died while running it', async () => {
    const id = await enqueueJob(db, { orgId, kind: 'psa_sync', payload: {} });
    await db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedAt: sql`now() - interval '2 hours'` })
      .where(eq(jobs.id, id));
    expect(await runnerWith(async () => ({ resumed: true })).drain()).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('fails a job of a kind nobody handles, saying so', async () => {
    const id = await enqueueJob(db, { orgId, kind: 'csv_import', payload: {}, maxAttempts: 1 });
    await runnerWith(async () => undefined).drain();
    expect((await jobRow(id)).lastError).toBe('No handler runs jobs of kind "csv_import".');
  });

  it('runs due jobs by itself once started, and stops cleanly', async () => {
    const runner = new JobRunner({
      db,
      pollIntervalMs: 10,
      handlers: { psa_sync: async () => ({ ok: true }) },
    });
    runner.start();
    const id = await enqueueJob(db, { orgId, kind: 'psa_sync', payload: {} });
    await expect.poll(async () => (await jobRow(id)).status).toBe('succeeded');
    await runner.stop();
  });
});
