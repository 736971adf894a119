import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import { AppError, forbidden } from '../../domain/errors.js';
import { findApiTokenCaller } from './api-tokens/service.js';
import type { RequestAuth } from './caller.js';
import { cachedCaller } from './caller-cache.js';
import { can, describeNeededRoles, isPermission, type Permission } from './permissions.js';
import { sha256 } from './secrets.js';
import { findRoleNames, findSessionCaller } from './service.js';

/**
 * Every route under /api/v1 says who may call it: `config: { permission }` or
 * `config: { public: true }`. A route that says neither stops the server at start-up, so an
 * endpoint can never be left open by forgetting; the check itself runs before body parsing and
 * before the handler.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
    public?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in caller; reading it on a public route is a programming error. */
    readonly auth: RequestAuth;
  }
}

export const API_PREFIX = '/api/v1';
export const SESSION_COOKIE = 'closeout_session';

const authByRequest = new WeakMap<FastifyRequest, RequestAuth>();

type RouteAccess = { public: true } | { permission: Permission };

const routeAccess = (route: RouteOptions): RouteAccess => {
  const { permission, public: isPublic } = route.config ?? {};
  const where = `${String(route.method)} ${route.url}`;
  if (isPublic === true && permission !== undefined) {
    throw new Error(`${where} declares both a permission and public: true; choose one.`);
  }
  if (isPublic === true) return { public: true };
  if (permission === undefined) {
    throw new Error(
      `${where} must declare config.permission (one of src/server/auth/permissions.ts) or config.public: true.`,
    );
  }
  if (!isPermission(permission)) throw new Error(`${where} names an unknown permission.`);
  return { permission };
};

const bearerToken = (header: string | undefined): string | undefined => {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
};

/** A bearer token wins over a cookie; a bad token never falls back to the cookie. */
const identifyCaller = async (request: FastifyRequest): Promise<RequestAuth | null> => {
  const { db } = request.server;
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const token = bearerToken(authorization);
    return token === undefined
      ? null
      : cachedCaller(`token:${sha256(token)}`, () => findApiTokenCaller({ db, token }));
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  return sessionToken
    ? cachedCaller(`session:${sha256(sessionToken)}`, () =>
        findSessionCaller({ db, token: sessionToken }),
      )
    : null;
};

const guardFor =
  (permission: Permission): onRequestHookHandler =>
  async (request) => {
    const auth = await identifyCaller(request);
    if (auth === null) {
      throw new AppError('unauthenticated', 'Sign in, or send a valid API token, to do this.');
    }
    authByRequest.set(request, auth);
    if (!can(auth.roles, permission)) {
      const roleNames = await findRoleNames({ db: request.server.db, orgId: auth.orgId });
      throw forbidden(describeNeededRoles(permission, roleNames));
    }
  };

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const isApiRoute = (url: string): boolean => url === API_PREFIX || url.startsWith(`${API_PREFIX}/`);

/** Installs `request.auth` and the per-route guard; call before any route is registered. */
export const registerGuard = (app: FastifyInstance): void => {
  app.decorateRequest('auth', {
    getter(this: FastifyRequest) {
      const auth = authByRequest.get(this);
      if (auth === undefined) {
        throw new Error(
          `request.auth read on ${this.routeOptions.url ?? this.url}, a public route.`,
        );
      }
      return auth;
    },
  });
  app.addHook('onRoute', (route) => {
    if (!isApiRoute(route.url)) return;
    const access = routeAccess(route);
    if ('public' in access) return;
    route.onRequest = [guardFor(access.permission), ...asArray(route.onRequest)];
  });
};
