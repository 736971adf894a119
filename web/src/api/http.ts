import type { TProblem } from '../../../src/server/problem-schema.js';

/**
 * The one way the web app talks to the API: JSON in, JSON out, and every refusal a typed
 * `ApiProblem` carrying the server's problem document, so forms can put its message beside the
 * field it names and the closeout page can list the unmet gates.
 */

export const API_BASE = '/api/v1';

export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: TProblem;

  constructor(problem: TProblem) {
    super(problem.detail);
    this.name = 'ApiProblem';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The message for one field, as the API named it (`email`, `attendees.0.name`). */
  messageFor(field: string): string | undefined {
    return (
      this.problem.errors?.find((error) => error.field === field)?.message ??
      (this.problem.field === field ? this.problem.detail : undefined)
    );
  }
}

/** Called when the API says the session is gone, so the app can return to the sign-in page. */
let onSignedOut: (() => void) | undefined;
export const whenSignedOut = (callback: () => void) => {
  onSignedOut = callback;
};

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a file), with its content type, instead of JSON. */
  rawBody?: { content: Blob; contentType: string };
  /** The closeout's version, sent as If-Match so a stale change is refused, not applied. */
  ifMatch?: number;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
};

const queryString = (query: RequestOptions['query']): string => {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

const networkProblem = (detail: string, status = 0): TProblem => ({
  type: 'about:blank',
  title: 'The server could not be reached',
  status,
  detail,
  code: 'internal',
});

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.rawBody !== undefined) headers['content-type'] = options.rawBody.contentType;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${queryString(options.query)}`, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.rawBody === undefined ? {} : { body: options.rawBody.content }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(networkProblem('Check your connection and try again.'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const payload: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const problem = isProblem(payload)
      ? payload
      : networkProblem(`The server answered ${response.status}.`, response.status);
    if (response.status === 401 && !path.startsWith('/auth/sign-in')) onSignedOut?.();
    throw new ApiProblem(problem);
  }
  return payload as T;
}

const isProblem = (payload: unknown): payload is TProblem =>
  typeof payload === 'object' &&
  payload !== null &&
  'status' in payload &&
  'detail' in payload &&
  'code' in payload;

export const problemOf = (error: unknown): TProblem | null =>
  error instanceof ApiProblem ? error.problem : null;

/** A sentence for any error: the API's own detail when it sent one. */
export const errorMessage = (error: unknown): string =>
  error instanceof ApiProblem
    ? error.problem.detail
    : error instanceof Error
      ? error.message
      : 'Something went wrong.';
