import type { Database } from '../db/connection.js';

/** What a job is: its kind names the handler that runs it. */
export type JobKind =
  | 'csv_import'
  | 'psa_sync'
  | 'psa_push_ticket'
  | 'psa_import_clients'
  | 'send_mail';

export type JobProgress = { done: number; total: number | null; unit: string };

export type ClaimedJob = {
  id: string;
  orgId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Including this one. */
  attempts: number;
  maxAttempts: number;
};

export type JobContext = {
  db: Database;
  job: ClaimedJob;
  /** Shown in Settings → Integrations while the job runs. */
  reportProgress(progress: JobProgress): Promise<void>;
};

/** Runs one job; what it returns is kept as the job's result. Throw to fail or retry. */
export type JobHandler = (context: JobContext) => Promise<Record<string, unknown> | undefined>;

/**
 * An error that tells the runner when to try again, e.g. a PSA's 429 with `Retry-After`
 * (PsaError has the same two properties).
 */
export type RetryHint = { retryable: boolean; retryAfterMs: number | null };
