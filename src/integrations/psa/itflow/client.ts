import type { z } from 'zod';
import { PsaError } from '../errors.js';
import { type PsaHttpOptions, psaRequest } from '../http.js';
import { envelopeSchema, type ItflowEnvelope } from './records.js';
import type { ItflowSecrets, ItflowSettings } from './settings.js';

/**
 * Calls ITFlow's API v1 (`{baseUrl}/api/v1/{module}/{function}.php`): the API key goes as the
 * `api_key` parameter (in the query of a read, in the JSON body of a write), lists are read
 * `limit`/`offset` page after page, and every answer's `{success, message, data}` envelope is
 * checked before anyone reads it.
 */

export const ITFLOW_LABEL = 'ITFlow';

/**
 * ITFlow reads 50 rows unless told otherwise and sets no ceiling; 100 halves the calls while
 * keeping each answer small for a PHP server.
 */
export const DEFAULT_PAGE_SIZE = 100;

export type ItflowQuery = Record<string, string>;

export type ItflowApi = {
  /** The rows of one read; none when ITFlow finds nothing. */
  read<Schema extends z.ZodType>(
    path: string,
    query: ItflowQuery,
    rowSchema: Schema,
    what: string,
  ): Promise<z.output<Schema>[]>;
  /** Every row of a list, page after page until a page comes back short. */
  readAll<Schema extends z.ZodType>(
    path: string,
    query: ItflowQuery,
    rowSchema: Schema,
    what: string,
  ): Promise<z.output<Schema>[]>;
  /** A create, update or resolve: done when ITFlow answers `success: "True"`. */
  write(path: string, fields: Record<string, string>): Promise<void>;
};

export type ItflowApiOptions = {
  settings: ItflowSettings;
  secrets: ItflowSecrets;
  pageSize?: number;
};

/**
 * What every read answers when it finds no row, whether the filter matched nothing or the page
 * is past the end: `success: "False"` with this message, not an empty list.
 */
const NOTHING_FOUND = /^No resource\b/;
/**
 * ITFlow's wordings for a wrong or expired key, across versions: "API Key authentication
 * failure.", "Authentication failed. API key is invalid or has expired."
 */
const KEY_REFUSED = /authentication fail/i;

const http: PsaHttpOptions = { vendorLabel: ITFLOW_LABEL, describeError: describeItflowError };

export function createItflowApi(options: ItflowApiOptions): ItflowApi {
  const { settings, secrets } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const apiRoot = `${settings.baseUrl.replace(/\/+$/, '')}/api/v1/`;

  const read: ItflowApi['read'] = async (path, query, rowSchema, what) => {
    const url = new URL(path, apiRoot);
    const response = await psaRequest({ url, query: { api_key: secrets.apiKey, ...query } }, http);
    const answered = `GET ${url.pathname}`;
    const envelope = readEnvelope(response.body, answered);
    if (envelope.success === 'False') {
      if (NOTHING_FOUND.test(envelope.message ?? '')) return [];
      throw refusal(envelope, answered);
    }
    if (envelope.data == null) {
      throw new PsaError(
        'unexpected_response',
        `${ITFLOW_LABEL} answered ${answered} with success but without the "data" of ${what}.`,
        { status: response.status },
      );
    }
    return envelope.data.map((row, index) => readRow(rowSchema, row, index, answered, what));
  };

  return {
    read,

    readAll: async (path, query, rowSchema, what) => {
      const rows: z.output<typeof rowSchema>[] = [];
      let page: z.output<typeof rowSchema>[];
      let offset = 0;
      do {
        const paging = { limit: String(pageSize), offset: String(offset) };
        page = await read(path, { ...query, ...paging }, rowSchema, what);
        rows.push(...page);
        offset += pageSize;
      } while (page.length === pageSize);
      return rows;
    },

    write: async (path, fields) => {
      const url = new URL(path, apiRoot);
      const response = await psaRequest(
        { method: 'POST', url, json: { api_key: secrets.apiKey, ...fields } },
        http,
      );
      const answered = `POST ${url.pathname}`;
      const envelope = readEnvelope(response.body, answered);
      if (envelope.success === 'False') throw refusal(envelope, answered);
    },
  };
}

function readEnvelope(body: unknown, answered: string): ItflowEnvelope {
  const result = envelopeSchema.safeParse(body);
  if (result.success) return result.data;
  throw new PsaError(
    'unexpected_response',
    `${ITFLOW_LABEL} answered ${answered} with something other than its API's {success, data} answer: ${describeIssue(result.error)}.`,
    { status: 200 },
  );
}

function readRow<Schema extends z.ZodType>(
  schema: Schema,
  row: unknown,
  index: number,
  answered: string,
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  // Only the field and zod's wording are quoted: a row's values can be a client's secrets.
  throw new PsaError(
    'unexpected_response',
    `${ITFLOW_LABEL} answered ${answered} with a row ${index + 1} that is not ${what}: ${describeIssue(result.error)}.`,
    { status: 200 },
  );
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'unreadable';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** ITFlow answers a refused call with HTTP 200 and `success: "False"`, saying why in `message`. */
function refusal(envelope: ItflowEnvelope, answered: string): PsaError {
  const message = envelope.message?.trim() || null;
  const said = message === null ? '' : ` It said: "${message.slice(0, 300)}"`;
  if (message !== null && KEY_REFUSED.test(message)) {
    return new PsaError(
      'unauthorised',
      `${ITFLOW_LABEL} refused the connection's API key (${answered}).${said} Check it in Settings → Integrations.`,
      { status: 200 },
    );
  }
  return new PsaError('rejected', `${ITFLOW_LABEL} refused ${answered}.${said}`, { status: 200 });
}

/** ITFlow's error bodies are its usual envelope: `{success: "False", message}`. */
export function describeItflowError(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() || null;
  if (typeof body !== 'object' || body === null) return null;
  const { message } = body as { message?: unknown };
  return typeof message === 'string' && message.trim() !== '' ? message.trim() : null;
}
