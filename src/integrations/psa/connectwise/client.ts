import { z } from 'zod';
import { PsaError } from '../errors.js';
import { type PsaHttpOptions, type PsaRequest, psaRequest } from '../http.js';
import type { ConnectwiseSecrets, ConnectwiseSettings } from './settings.js';

/**
 * Calls ConnectWise PSA's REST API (3.0): signs every request with the API member's keys and the
 * integration's client id, reads every page of a list, and checks each answer against the shape
 * the API documents before anyone reads it.
 */

export const CONNECTWISE_LABEL = 'ConnectWise PSA';

/** ConnectWise refuses larger pages. */
export const MAX_PAGE_SIZE = 1000;

export type ConnectwiseQuery = Record<string, string | undefined>;

export type ConnectwiseClient = {
  get<Schema extends z.ZodType>(
    path: string,
    schema: Schema,
    what: string,
  ): Promise<z.output<Schema>>;
  /** Every record of a list, page after page until ConnectWise says there is no more. */
  list<Schema extends z.ZodType>(
    path: string,
    query: ConnectwiseQuery,
    recordSchema: Schema,
    what: string,
  ): Promise<z.output<Schema>[]>;
  send<Schema extends z.ZodType>(
    method: 'POST' | 'PATCH',
    path: string,
    json: unknown,
    schema: Schema,
    what: string,
  ): Promise<z.output<Schema>>;
};

export type ConnectwiseClientOptions = {
  settings: ConnectwiseSettings;
  secrets: ConnectwiseSecrets;
  pageSize?: number;
};

const http: PsaHttpOptions = {
  vendorLabel: CONNECTWISE_LABEL,
  describeError: describeConnectwiseError,
};

export function createConnectwiseClient(options: ConnectwiseClientOptions): ConnectwiseClient {
  const { settings, secrets } = options;
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  const apiRoot = `${settings.siteUrl.replace(/\/+$/, '')}/${settings.codebase}/apis/3.0/`;
  const credentials = `${settings.companyId}+${secrets.publicKey}:${secrets.privateKey}`;
  const headers = {
    authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`,
    clientId: secrets.clientId,
  };

  const call = async <Schema extends z.ZodType>(
    request: Omit<PsaRequest, 'url' | 'headers'> & { path: string },
    schema: Schema,
    what: string,
  ) => {
    const { path, ...rest } = request;
    const url = new URL(path, apiRoot);
    const response = await psaRequest({ ...rest, url, headers }, http);
    const answered = `${request.method ?? 'GET'} ${url.pathname}`;
    return { headers: response.headers, body: readAnswer(schema, response.body, answered, what) };
  };

  return {
    get: async (path, schema, what) => (await call({ path }, schema, what)).body,

    list: async (path, query, recordSchema, what) => {
      const records: z.output<typeof recordSchema>[] = [];
      let page: number | null = 1;
      while (page !== null) {
        const answer = await call(
          { path, query: { ...query, page, pageSize } },
          z.array(recordSchema),
          what,
        );
        records.push(...answer.body);
        page = nextPage({
          link: answer.headers.get('link'),
          page,
          received: answer.body.length,
          pageSize,
          path,
        });
      }
      return records;
    },

    send: async (method, path, json, schema, what) =>
      (await call({ method, path, json }, schema, what)).body,
  };
}

/**
 * The page after `page`, or null when there is none. ConnectWise names the next page in a
 * `Link` header when it sends one; its URL carries the server's internal host name on some
 * installations, so only the page number is taken from it. Without the header, only a full page
 * can be followed by another.
 */
function nextPage(options: {
  link: string | null;
  page: number;
  received: number;
  pageSize: number;
  path: string;
}): number | null {
  const { link, page, received, pageSize, path } = options;
  if (received === 0) return null;
  if (link === null) return received < pageSize ? null : page + 1;
  const next = linkTarget(link, 'next');
  if (next === null) return null;
  const nextNumber = Number(next.searchParams.get('page'));
  if (!Number.isInteger(nextNumber) || nextNumber <= page) {
    throw new PsaError(
      'unexpected_response',
      `${CONNECTWISE_LABEL} answered GET ${path} page ${page} with a "next" link that does not lead further (${next.search || 'no page number'}).`,
    );
  }
  return nextNumber;
}

/** The target of the `rel` relation in an RFC 8288 `Link` header, e.g. `<…?page=2>; rel="next"`. */
function linkTarget(header: string, relation: string): URL | null {
  for (const [, target, parameters] of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(parameters ?? '')?.[1];
    if (target !== undefined && rel?.toLowerCase().split(/\s+/).includes(relation)) {
      return new URL(target, 'https://connectwise.invalid/');
    }
  }
  return null;
}

function readAnswer<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  answered: string,
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new PsaError(
    'unexpected_response',
    `${CONNECTWISE_LABEL} answered ${answered} with something other than ${what}: ${issue?.message ?? 'unreadable'}${where}.`,
  );
}

/**
 * ConnectWise's error body: `{code, message, errors: [{code, message, resource, field}]}`, where
 * the `errors` say which field was wrong, e.g. "ticket object is invalid: Service Status 17 not
 * found for Service Board 21 (status/id)".
 */
export function describeConnectwiseError(body: unknown): string | null {
  const parsed = connectwiseErrorSchema.safeParse(body);
  if (!parsed.success) return null;
  const { message, errors } = parsed.data;
  const details = (errors ?? []).map((error) =>
    error.field ? `${error.message} (${error.field})` : error.message,
  );
  return details.length === 0 ? message : `${message}: ${details.join('; ')}`;
}

const connectwiseErrorSchema = z.object({
  code: z.string().nullish(),
  message: z.string(),
  errors: z
    .array(
      z.object({
        code: z.string().nullish(),
        message: z.string(),
        resource: z.string().nullish(),
        field: z.string().nullish(),
      }),
    )
    .nullish(),
});
