/**
 * The one error type of Closeout. Every refusal carries a code (mapped to an HTTP status in one
 * place, src/server/problem.ts), a message a user can read, and where useful the field at fault
 * or the list of unmet gates.
 */
export const ERROR_CODES = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  gate_unmet: 409,
  illegal_transition: 409,
  /** A link that expired or was revoked. */
  gone: 410,
  too_large: 413,
  unsupported_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  locked: 423,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** A gate that does not hold: what it is, what to do, and exactly what is missing. */
export type UnmetGate = {
  gate: string;
  name: string;
  message: string;
  missing: string[];
  tasks: string[];
};

export type AppErrorOptions = {
  /** The request field at fault, as a dotted path ("meeting.agreement.terminationDate"). */
  field?: string;
  unmetGates?: UnmetGate[];
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly unmetGates: UnmetGate[] | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.unmetGates = options.unmetGates;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export const invalid = (field: string, message: string) =>
  new AppError('validation', message, { field });
export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const illegal = (message: string) => new AppError('illegal_transition', message);
export const forbidden = (message = 'Your roles do not allow this action.') =>
  new AppError('forbidden', message);

/** The message of anything thrown, for a job's last error or a log line. */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
