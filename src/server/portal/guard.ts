import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from '../../domain/errors.js';
import { findPortalSession, PORTAL_SESSION_COOKIE, type PortalAuth } from './auth.js';

/**
 * The portal's own guard. Portal routes are `public: true` to the staff guard and run this one
 * instead: only the portal cookie counts, so a staff session or API token is no portal session,
 * and the staff guard never reads the portal cookie.
 */

const portalAuthByRequest = new WeakMap<FastifyRequest, PortalAuth>();

export const requirePortalSession: onRequestHookHandler = async (request) => {
  const token = request.cookies[PORTAL_SESSION_COOKIE];
  const auth = token ? await findPortalSession({ db: request.server.db, token }) : null;
  if (auth === null) {
    throw new AppError(
      'unauthenticated',
      'Sign in to the client portal with the link we email you, to see this.',
    );
  }
  portalAuthByRequest.set(request, auth);
};

/** The signed-in portal user of a request that passed `requirePortalSession`. */
export function portalAuthOf(request: FastifyRequest): PortalAuth {
  const auth = portalAuthByRequest.get(request);
  if (auth === undefined) {
    throw new Error(`${request.routeOptions.url ?? request.url} does not run the portal guard.`);
  }
  return auth;
}
