import { PsaError } from '../errors.js';
import { type PsaHttpOptions, psaRequest } from '../http.js';
import { haloTokenSchema } from './records.js';
import type { HalopsaSecrets, HalopsaSettings } from './settings.js';

/** Renewing a minute early keeps a token from lapsing between reading it and Halo checking it. */
const RENEW_BEFORE_EXPIRY_MS = 60_000;

type AccessToken = { value: string; renewAt: number };

/**
 * The API application's access token, from Halo's authorisation server by OAuth2 client
 * credentials, kept until shortly before it expires. Calls made together share one sign-in.
 */
export class HaloAccessTokens {
  readonly #settings: HalopsaSettings;
  readonly #secrets: HalopsaSecrets;
  readonly #http: PsaHttpOptions;
  #current: Promise<AccessToken> | null = null;

  constructor(options: {
    settings: HalopsaSettings;
    secrets: HalopsaSecrets;
    http: PsaHttpOptions;
  }) {
    this.#settings = options.settings;
    this.#secrets = options.secrets;
    this.#http = options.http;
  }

  async value(): Promise<string> {
    if (this.#current !== null) {
      const token = await this.#current;
      if (Date.now() < token.renewAt) return token.value;
    }
    const fresh = this.#signIn();
    this.#current = fresh;
    fresh.catch(() => {
      if (this.#current === fresh) this.#current = null;
    });
    return (await fresh).value;
  }

  /** Drops the token Halo no longer accepts, so the next call signs in again. */
  forget(): void {
    this.#current = null;
  }

  async #signIn(): Promise<AccessToken> {
    const url = `${withoutTrailingSlash(this.#settings.authorisationServerUrl)}/token`;
    const requestedAt = Date.now();
    let body: unknown;
    try {
      const response = await psaRequest(
        {
          method: 'POST',
          url,
          query: { tenant: this.#settings.tenant || undefined },
          form: {
            grant_type: 'client_credentials',
            client_id: this.#secrets.clientId,
            client_secret: this.#secrets.clientSecret,
            scope: 'all',
          },
        },
        this.#http,
      );
      body = response.body;
    } catch (error) {
      throw refusedCredentials(error);
    }
    const token = haloTokenSchema.safeParse(body);
    if (!token.success) {
      throw new PsaError(
        'unexpected_response',
        `HaloPSA's authorisation server answered POST ${new URL(url).pathname} without an access token.`,
      );
    }
    return {
      value: token.data.access_token,
      renewAt: requestedAt + token.data.expires_in * 1000 - RENEW_BEFORE_EXPIRY_MS,
    };
  }
}

/**
 * Halo's authorisation server answers a wrong client ID, secret or tenant with OAuth's 400
 * (`invalid_client`, `unauthorized_client`…), not 401: only the user can fix either.
 */
function refusedCredentials(error: unknown): unknown {
  if (!(error instanceof PsaError) || error.status !== 400) return error;
  return new PsaError(
    'unauthorised',
    `${error.message} Check the client ID, client secret and tenant in Settings → Integrations.`,
    { status: error.status, cause: error },
  );
}

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
