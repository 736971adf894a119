import { PsaError } from './errors.js';

/**
 * The one way a connector calls its PSA: JSON in and out over `fetch`, with a timeout, and every
 * failure turned into a PsaError that names the vendor and quotes the vendor's own message.
 */

export type PsaRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string | URL;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded` (OAuth2 token requests). */
  form?: Record<string, string>;
};

export type PsaHttpOptions = {
  /** The product's name in messages, e.g. "ConnectWise PSA". */
  vendorLabel: string;
  /** Reads the vendor's error message out of an error body, when it has one. */
  describeError?: (body: unknown) => string | null;
  /**
   * Whether a 5xx answer is really a refusal of the request (some PSAs answer a validation
   * error with 500): a refusal is not retried.
   */
  isRefusal?: (status: number, body: unknown) => boolean;
  timeoutMs?: number;
};

export type PsaResponse<Body> = { status: number; headers: Headers; body: Body };

const DEFAULT_TIMEOUT_MS = 30_000;

export async function psaRequest<Body = unknown>(
  request: PsaRequest,
  options: PsaHttpOptions,
): Promise<PsaResponse<Body>> {
  const url = new URL(request.url);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form).toString();
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw new PsaError(
      'unavailable',
      `${options.vendorLabel} could not be reached at ${url.origin}: ${reasonOf(error)}.`,
      { cause: error },
    );
  }

  const text = await response.text();
  const parsed = parseJson(text);
  if (response.ok) {
    if (text !== '' && parsed === undefined) {
      throw new PsaError(
        'unexpected_response',
        `${options.vendorLabel} answered ${request.method ?? 'GET'} ${url.pathname} with something that is not JSON.`,
        { status: response.status },
      );
    }
    return { status: response.status, headers: response.headers, body: parsed as Body };
  }
  throw failure(response, parsed ?? text, url, options);
}

function failure(response: Response, body: unknown, url: URL, options: PsaHttpOptions): PsaError {
  const { status } = response;
  const vendorMessage =
    (options.describeError?.(body) ?? (typeof body === 'string' ? body.trim() : '')) || null;
  const said = vendorMessage === null ? '' : ` It said: "${vendorMessage.slice(0, 300)}"`;
  const where = `${url.pathname}`;
  if (status === 401 || status === 403) {
    return new PsaError(
      'unauthorised',
      `${options.vendorLabel} refused the connection's credentials (HTTP ${status} on ${where}).${said} Check them in Settings → Integrations.`,
      { status },
    );
  }
  if (status === 429) {
    return new PsaError(
      'rate_limited',
      `${options.vendorLabel} asked us to slow down (HTTP 429 on ${where}).${said}`,
      { status, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) },
    );
  }
  if ((status >= 500 || status === 408) && options.isRefusal?.(status, body) !== true) {
    return new PsaError(
      'unavailable',
      `${options.vendorLabel} failed to answer (HTTP ${status} on ${where}).${said}`,
      { status },
    );
  }
  return new PsaError(
    'rejected',
    `${options.vendorLabel} refused the request (HTTP ${status} on ${where}).${said}`,
    { status },
  );
}

/** `Retry-After` is either a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'no answer in time';
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ?? error.message;
  }
  return String(error);
}
