/**
 * How a PSA call failed, typed so the job runner knows what to do (retry later, retry with
 * backoff, or stop and tell the user) and each carries a message the user can act on.
 */

export type PsaFailureKind =
  /** The PSA refused the credentials (401/403): retrying cannot help. */
  | 'unauthorised'
  /** Too many requests (429): retry after `retryAfterMs`. */
  | 'rate_limited'
  /** The PSA could not be reached, timed out or answered 5xx: retry with backoff. */
  | 'unavailable'
  /** The PSA refused the request itself (4xx other than 401/403/429): retrying cannot help. */
  | 'rejected'
  /** The PSA answered something that is not what its API documents. */
  | 'unexpected_response';

export class PsaError extends Error {
  readonly kind: PsaFailureKind;
  /** The HTTP status, when there was an answer. */
  readonly status: number | null;
  /** For `rate_limited`: how long the PSA asked us to wait, from `Retry-After`. */
  readonly retryAfterMs: number | null;

  constructor(
    kind: PsaFailureKind,
    message: string,
    options: { status?: number | null; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PsaError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  /** Whether the same call may succeed later. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable';
  }
}
