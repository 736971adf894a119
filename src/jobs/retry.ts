import { AppError } from '../domain/errors.js';

/** How long to wait before another attempt: 30 s, 1 min, 2 min, … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Whether a failed attempt is tried again, and when. An error may say so itself (`retryable`,
 * `retryAfterMs`, as PsaError does: a 429's `Retry-After` is honoured); a refusal of Closeout's
 * own (AppError) never heals by waiting; anything else (a network error, a crash) is retried
 * with exponential backoff until the attempts run out.
 */
export function decideRetry(error: unknown, attempts: number, maxAttempts: number): RetryDecision {
  if (attempts >= maxAttempts) return { retry: false };
  if (error instanceof AppError) return { retry: false };
  const hint = error as { retryable?: unknown; retryAfterMs?: unknown } | null;
  if (hint !== null && typeof hint === 'object' && hint.retryable === false)
    return { retry: false };
  if (hint !== null && typeof hint === 'object' && typeof hint.retryAfterMs === 'number') {
    return { retry: true, delayMs: hint.retryAfterMs };
  }
  return { retry: true, delayMs: backoffMs(attempts) };
}
