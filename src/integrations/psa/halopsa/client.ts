import type { z } from 'zod';
import { PsaError } from '../errors.js';
import { type PsaHttpOptions, type PsaRequest, psaRequest } from '../http.js';
import { HaloAccessTokens, withoutTrailingSlash } from './auth.js';
import type { HalopsaSecrets, HalopsaSettings } from './settings.js';
import { describeHaloError } from './vendor-errors.js';

export const HALOPSA_LABEL = 'HaloPSA';

/** Halo's largest page. */
export const HALO_MAX_PAGE_SIZE = 100;

type Query = Record<string, string | number | boolean | undefined>;

/** A page of a Halo list: how many records match in all, and this page's share of them. */
type HaloPage<Key extends string, Item> = { record_count: number } & { [K in Key]: Item[] };

/**
 * Calls Halo's resource server as the API application: signs in, sends the bearer token, signs
 * in again once when Halo no longer accepts it, reads every page of a list, and checks each
 * answer against the shape Halo documents.
 */
export class HaloApi {
  readonly #baseUrl: string;
  readonly #pageSize: number;
  readonly #tokens: HaloAccessTokens;
  readonly #http: PsaHttpOptions = { vendorLabel: HALOPSA_LABEL, describeError: describeHaloError };

  constructor(options: { settings: HalopsaSettings; secrets: HalopsaSecrets; pageSize: number }) {
    this.#baseUrl = withoutTrailingSlash(options.settings.resourceServerUrl);
    this.#pageSize = options.pageSize;
    this.#tokens = new HaloAccessTokens({ ...options, http: this.#http });
  }

  /** `what` names the expected answer in the error when Halo sends something else. */
  async get<Schema extends z.ZodType>(
    path: string,
    options: { query?: Query; schema: Schema; what: string },
  ): Promise<z.output<Schema>> {
    const body = await this.#call({ method: 'GET', url: this.#url(path), query: options.query });
    return readAs(options.schema, body, `GET ${new URL(this.#url(path)).pathname}`, options.what);
  }

  /** Every record of a list, page after page until Halo has sent as many as it counts. */
  async getAll<Key extends string, Item>(
    path: string,
    options: {
      query?: Query;
      schema: z.ZodType<HaloPage<Key, Item>>;
      records: Key;
      what: string;
    },
  ): Promise<Item[]> {
    const records: Item[] = [];
    for (let pageNo = 1; ; pageNo += 1) {
      const page = await this.get(path, {
        query: { ...options.query, pageinate: true, page_size: this.#pageSize, page_no: pageNo },
        schema: options.schema,
        what: options.what,
      });
      const onPage = page[options.records];
      records.push(...onPage);
      if (onPage.length < this.#pageSize || records.length >= page.record_count) return records;
    }
  }

  async post(path: string, json: unknown): Promise<void> {
    await this.#call({ method: 'POST', url: this.#url(path), json });
  }

  async #call(request: PsaRequest): Promise<unknown> {
    const token = await this.#tokens.value();
    try {
      return await this.#send(request, token);
    } catch (error) {
      if (!(error instanceof PsaError) || error.status !== 401) throw error;
      // Halo drops a token before its expiry when the application's secret or permissions change.
      this.#tokens.forget();
      return this.#send(request, await this.#tokens.value());
    }
  }

  async #send(request: PsaRequest, token: string): Promise<unknown> {
    const response = await psaRequest(
      { ...request, headers: { authorization: `Bearer ${token}` } },
      this.#http,
    );
    return response.body;
  }

  #url(path: string): string {
    return `${this.#baseUrl}${path}`;
  }
}

function readAs<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  call: string,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new PsaError(
    'unexpected_response',
    `${HALOPSA_LABEL} answered ${call} with something that is not ${what} (${issue?.message ?? 'unreadable'}${where}).`,
  );
}
