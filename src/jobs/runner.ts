import { hostname } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { jobs } from '../db/schema.js';
import { messageOf } from '../domain/errors.js';
import { decideRetry } from './retry.js';
import type { ClaimedJob, JobHandler } from './types.js';

type RunnerLog = {
  info(message: string): void;
  error(message: string): void;
};

export type JobRunnerOptions = {
  db: Database;
  handlers: Readonly<Record<string, JobHandler>>;
  /** How often an idle runner looks for due jobs; PGlite has no LISTEN/NOTIFY to wake it. */
  pollIntervalMs?: number;
  log?: RunnerLog;
};

/** A job still "running" this long after it was claimed belonged to a process that died. */
const ABANDONED_AFTER = '30 minutes';

type PeriodicTask = { name: string; intervalMs: number; run: () => Promise<void>; lastRun: number };

/**
 * Runs the queue's jobs one at a time: claims the oldest due job (`FOR UPDATE SKIP LOCKED`, so
 * several server processes on one PostgreSQL share the queue), runs its handler, and records
 * success, a retry at a later time, or the failure with its message. Periodic tasks (scheduling
 * PSA syncs) run from the same loop.
 */
export class JobRunner {
  readonly #db: Database;
  readonly #handlers: Readonly<Record<string, JobHandler>>;
  readonly #pollIntervalMs: number;
  readonly #log: RunnerLog | undefined;
  readonly #workerId = `${hostname()}:${process.pid}`;
  readonly #periodic: PeriodicTask[] = [];
  #timer: NodeJS.Timeout | null = null;
  #tick: Promise<void> | null = null;
  #stopped = true;

  constructor(options: JobRunnerOptions) {
    this.#db = options.db;
    this.#handlers = options.handlers;
    this.#pollIntervalMs = options.pollIntervalMs ?? 2_000;
    this.#log = options.log;
  }

  /** Runs `run` from the loop about every `intervalMs` (first on the first tick). */
  every(name: string, intervalMs: number, run: () => Promise<void>): void {
    this.#periodic.push({ name, intervalMs, run, lastRun: 0 });
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#tick;
  }

  /** Runs every job due now, one after another, and returns how many ran (for tests and the CLI). */
  async drain(): Promise<number> {
    let ran = 0;
    while (await this.runNext()) ran += 1;
    return ran;
  }

  /** Claims and runs one due job; false when none is due. */
  async runNext(): Promise<boolean> {
    const job = await this.#claim();
    if (job === null) return false;
    await this.#run(job);
    return true;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#tick = this.#loop().finally(() => {
        this.#tick = null;
      });
    }, delayMs);
  }

  async #loop(): Promise<void> {
    try {
      await this.#runPeriodic();
      while (!this.#stopped && (await this.runNext())) {
        // Keep going while jobs are due; sleep only when the queue is empty.
      }
    } catch (error) {
      this.#log?.error(`The job runner could not read the queue: ${messageOf(error)}`);
    }
    this.#schedule(this.#pollIntervalMs);
  }

  async #runPeriodic(): Promise<void> {
    const now = Date.now();
    for (const task of this.#periodic) {
      if (now - task.lastRun < task.intervalMs) continue;
      task.lastRun = now;
      try {
        await task.run();
      } catch (error) {
        this.#log?.error(`The periodic task ${task.name} failed: ${messageOf(error)}`);
      }
    }
  }

  async #claim(): Promise<ClaimedJob | null> {
    const { rows } = await this.#db.execute<{
      id: string;
      org_id: string;
      kind: string;
      payload: Record<string, unknown>;
      attempts: number;
      max_attempts: number;
    }>(sql`
      update ${jobs}
      set status = 'running', attempts = attempts + 1, locked_at = now(),
          locked_by = ${this.#workerId}, started_at = coalesce(started_at, now())
      where id = (
        select id from ${jobs}
        where (status = 'queued' and run_at <= now())
           or (status = 'running' and locked_at < now() - interval '${sql.raw(ABANDONED_AFTER)}')
        order by run_at
        limit 1
        for update skip locked
      )
      returning id, org_id, kind, payload, attempts, max_attempts`);
    const row = rows[0];
    if (row === undefined) return null;
    return {
      id: row.id,
      orgId: row.org_id,
      kind: row.kind,
      payload: row.payload,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
    };
  }

  async #run(job: ClaimedJob): Promise<void> {
    const handler = this.#handlers[job.kind];
    try {
      if (handler === undefined) throw new Error(`No handler runs jobs of kind "${job.kind}".`);
      const result = await handler({
        db: this.#db,
        job,
        reportProgress: async (progress) => {
          await this.#db.update(jobs).set({ progress }).where(eq(jobs.id, job.id));
        },
      });
      await this.#db
        .update(jobs)
        .set({
          status: 'succeeded',
          result: result ?? null,
          lastError: null,
          lockedAt: null,
          lockedBy: null,
          finishedAt: new Date(),
        })
        .where(eq(jobs.id, job.id));
    } catch (error) {
      await this.#fail(job, error);
    }
  }

  async #fail(job: ClaimedJob, error: unknown): Promise<void> {
    const decision = decideRetry(error, job.attempts, job.maxAttempts);
    const message = messageOf(error);
    if (decision.retry) {
      this.#log?.info(
        `Job ${job.kind} ${job.id} failed (attempt ${job.attempts} of ${job.maxAttempts}); retrying in ${Math.round(decision.delayMs / 1000)} s: ${message}`,
      );
      await this.#db
        .update(jobs)
        .set({
          status: 'queued',
          runAt: new Date(Date.now() + decision.delayMs),
          lastError: message,
          lockedAt: null,
          lockedBy: null,
        })
        .where(eq(jobs.id, job.id));
      return;
    }
    this.#log?.error(`Job ${job.kind} ${job.id} failed: ${message}`);
    await this.#db
      .update(jobs)
      .set({
        status: 'failed',
        lastError: message,
        lockedAt: null,
        lockedBy: null,
        finishedAt: new Date(),
      })
      .where(eq(jobs.id, job.id));
  }
}
