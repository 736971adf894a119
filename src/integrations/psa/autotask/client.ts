import type { z } from 'zod';
import { PsaError } from '../errors.js';
import { type PsaRequest, psaRequest } from '../http.js';
import {
  entityFieldsSchema,
  errorBodySchema,
  itemIdSchema,
  queryPageSchema,
  zoneInformationSchema,
} from './records.js';
import type { AutotaskSecrets, AutotaskSettings } from './settings.js';

/**
 * Autotask's REST API v1.0 as Closeout uses it: find the API user's zone once, then query
 * entities page by page and write tickets and notes there, signing every call with the API
 * user's three headers.
 */

export const AUTOTASK_LABEL = 'Autotask PSA';

/** The most records Autotask returns in one page, and the most values one `in` filter takes. */
export const MAX_RECORDS = 500;

export type AutotaskFilter = { op: string; field: string; value: unknown };

export type AutotaskZone = { name: string; apiUrl: URL };

/** Picklist labels by field name, then by the value's id. */
export type AutotaskPicklists = Map<string, Map<number, string>>;

export type AutotaskClient = {
  zone(): Promise<AutotaskZone>;
  /** One page of a query: for reading a handful of records. */
  queryPage<T>(options: QueryOptions<T> & { maxRecords: number }): Promise<T[]>;
  /** Every record the query matches, following `nextPageUrl` until Autotask says there is no more. */
  queryAll<T>(options: QueryOptions<T>): Promise<T[]>;
  picklists(entity: string): Promise<AutotaskPicklists>;
  /** PATCH: changes only the fields given, on the record with `id`. */
  update(entity: string, fields: { id: number } & Record<string, unknown>): Promise<void>;
  /** POST to an entity or a parent's child collection, e.g. `Tickets/42/Notes`. */
  create(path: string, fields: Record<string, unknown>): Promise<void>;
};

type QueryOptions<T> = {
  entity: string;
  filter: AutotaskFilter[];
  /** What one record must look like; called e.g. "ticket" in messages. */
  record: { schema: z.ZodType<T>; name: string };
};

export function createAutotaskClient(options: {
  settings: AutotaskSettings;
  secrets: AutotaskSecrets;
}): AutotaskClient {
  const { settings, secrets } = options;
  const headers = {
    ApiIntegrationCode: secrets.integrationCode,
    UserName: secrets.username,
    Secret: secrets.secret,
  };
  let zoneLookup: Promise<AutotaskZone> | undefined;
  const picklistsByEntity = new Map<string, Promise<AutotaskPicklists>>();

  async function call<S extends z.ZodType>(request: PsaRequest, schema: S): Promise<z.infer<S>> {
    const { body } = await psaRequest(
      { ...request, headers },
      { vendorLabel: AUTOTASK_LABEL, describeError, isRefusal: answersValidationAs500 },
    );
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw unexpected(request, parsed.error);
    }
    return parsed.data;
  }

  async function lookUpZone(): Promise<AutotaskZone> {
    const zone = await call(
      {
        url: new URL('v1.0/zoneInformation', withTrailingSlash(settings.zoneLookupUrl)),
        query: { user: secrets.username },
      },
      zoneInformationSchema,
    );
    return { name: zone.zoneName, apiUrl: new URL(withTrailingSlash(zone.url)) };
  }

  function zone(): Promise<AutotaskZone> {
    // Every call of this connector goes to the zone found first; a failed lookup is tried again.
    zoneLookup ??= lookUpZone().catch((error: unknown) => {
      zoneLookup = undefined;
      throw error;
    });
    return zoneLookup;
  }

  async function entityUrl(path: string): Promise<URL> {
    return new URL(`v1.0/${path}`, (await zone()).apiUrl);
  }

  function parseRecords<T>(
    items: unknown[],
    request: PsaRequest,
    record: QueryOptions<T>['record'],
  ): T[] {
    return items.map((item, index) => {
      const parsed = record.schema.safeParse(item);
      if (!parsed.success) {
        throw unexpected(request, parsed.error, `${record.name} ${index + 1} of the page`);
      }
      return parsed.data;
    });
  }

  async function queryPage<T>(query: QueryOptions<T> & { maxRecords: number }): Promise<T[]> {
    const request: PsaRequest = {
      method: 'POST',
      url: await entityUrl(`${query.entity}/query`),
      json: { filter: query.filter, MaxRecords: query.maxRecords },
    };
    const page = await call(request, queryPageSchema);
    return parseRecords(page.items, request, query.record);
  }

  async function queryAll<T>(query: QueryOptions<T>): Promise<T[]> {
    const { apiUrl } = await zone();
    // Autotask's next page is a POST of the same query to `nextPageUrl`; a GET there is a 405.
    const json = { filter: query.filter, MaxRecords: MAX_RECORDS };
    const records: T[] = [];
    const visited = new Set<string>();
    let url = await entityUrl(`${query.entity}/query`);
    for (;;) {
      visited.add(url.href);
      const request: PsaRequest = { method: 'POST', url, json };
      const page = await call(request, queryPageSchema);
      records.push(...parseRecords(page.items, request, query.record));
      const next = page.pageDetails.nextPageUrl;
      if (next === null || next === undefined || next === '') return records;
      url = nextPageUrl(next, apiUrl, request);
      if (visited.has(url.href)) {
        throw new PsaError(
          'unexpected_response',
          `${AUTOTASK_LABEL} sent the same next page of ${query.entity} twice, so its paging would never end.`,
        );
      }
    }
  }

  async function readPicklists(entity: string): Promise<AutotaskPicklists> {
    const { fields } = await call(
      { url: await entityUrl(`${entity}/entityInformation/fields`) },
      entityFieldsSchema,
    );
    const picklists: AutotaskPicklists = new Map();
    for (const field of fields) {
      if (!field.isPickList) continue;
      const labels = new Map<number, string>();
      for (const value of field.picklistValues ?? []) labels.set(Number(value.value), value.label);
      picklists.set(field.name.toLowerCase(), labels);
    }
    return picklists;
  }

  function picklists(entity: string): Promise<AutotaskPicklists> {
    let known = picklistsByEntity.get(entity);
    if (known === undefined) {
      known = readPicklists(entity).catch((error: unknown) => {
        picklistsByEntity.delete(entity);
        throw error;
      });
      picklistsByEntity.set(entity, known);
    }
    return known;
  }

  async function update(entity: string, fields: { id: number } & Record<string, unknown>) {
    await call({ method: 'PATCH', url: await entityUrl(entity), json: fields }, itemIdSchema);
  }

  async function create(path: string, fields: Record<string, unknown>) {
    await call({ method: 'POST', url: await entityUrl(path), json: fields }, itemIdSchema);
  }

  return { zone, queryPage, queryAll, picklists, update, create };
}

/** Labels of a picklist field, looked up the way Autotask matches field names: in any case. */
export function picklistOf(picklists: AutotaskPicklists, field: string): Map<number, string> {
  return picklists.get(field.toLowerCase()) ?? new Map();
}

/**
 * Autotask answers a request it refuses (a field it will not accept, a status it will not set)
 * with HTTP 500 and its `errors` list; retrying that cannot help.
 */
function answersValidationAs500(status: number, body: unknown): boolean {
  return status === 500 && describeError(body) !== null;
}

function describeError(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  return 'errors' in parsed.data ? parsed.data.errors.join(' ') : parsed.data.Message;
}

/**
 * `nextPageUrl` is a full URL. Closeout follows it only within the zone it signed in to: the
 * request carries the API user's secret.
 */
function nextPageUrl(next: string, apiUrl: URL, request: PsaRequest): URL {
  let url: URL;
  try {
    url = new URL(next, apiUrl);
  } catch {
    throw unexpectedText(request, 'a next page address that is not a URL');
  }
  if (url.origin !== apiUrl.origin) {
    throw unexpectedText(
      request,
      `a next page on another server (${url.host}), where Closeout does not send the API user's credentials`,
    );
  }
  return url;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function unexpected(request: PsaRequest, error: z.ZodError, where?: string): PsaError {
  const issue = error.issues[0];
  const path = issue === undefined ? '' : issue.path.join('.');
  const detail =
    issue === undefined ? 'an unreadable body' : `${path || 'the body'}: ${issue.message}`;
  return unexpectedText(request, where === undefined ? detail : `${where}, ${detail}`);
}

function unexpectedText(request: PsaRequest, what: string): PsaError {
  const { pathname } = new URL(request.url);
  return new PsaError(
    'unexpected_response',
    `${AUTOTASK_LABEL} answered ${request.method ?? 'GET'} ${pathname} with something its API does not document (${what}).`,
  );
}
