import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { changeOwnPassword } from '../users/service.js';
import { SESSION_COOKIE } from './guard.js';
import { ZChangePasswordRequest, ZSignedInUser, ZSignInRequest } from './schema.js';
import { checkPassword, endSession, findSignedInUser, startSession } from './service.js';
import { createSignInLimiter, signInLimiterKey } from './sign-in-limiter.js';

const WRONG_CREDENTIALS = 'The email or password is not right.';

const tags = ['Authentication'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const limiter = createSignInLimiter();

  const refuseWhileLimited = (reply: FastifyReply, key: string) => {
    const retryAfter = limiter.retryAfterSeconds(key);
    if (retryAfter === 0) return;
    reply.header('Retry-After', String(retryAfter));
    const minutes = Math.ceil(retryAfter / 60);
    throw new AppError(
      'rate_limited',
      `Too many failed attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    );
  };

  const setSessionCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: app.config.secureCookies,
      expires,
    });

  app.post(
    '/sign-in',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        description:
          'Sets the `closeout_session` cookie (HttpOnly, SameSite=Lax) for 14 days. After 10 failed attempts for one email from one address within 15 minutes, answers 429 with Retry-After.',
        body: ZSignInRequest,
        response: { 200: ZSignedInUser },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const key = signInLimiterKey(email, request.ip);
      refuseWhileLimited(reply, key);
      const check = await checkPassword({ db: app.db, email, password });
      if (check.outcome === 'wrong') {
        limiter.recordFailure(key);
        throw new AppError('unauthenticated', WRONG_CREDENTIALS);
      }
      if (check.outcome === 'deactivated') {
        throw new AppError(
          'unauthenticated',
          'This account is deactivated. Ask an administrator to reactivate it.',
        );
      }
      limiter.reset(key);
      const session = await startSession({
        db: app.db,
        orgId: check.orgId,
        userId: check.userId,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      setSessionCookie(reply, session.token, session.expiresAt);
      return findSignedInUser({ db: app.db, orgId: check.orgId, userId: check.userId });
    },
  );

  app.post(
    '/sign-out',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign out',
        description: 'Ends the session of the cookie sent, if any, and clears the cookie.',
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession({ db: app.db, token });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The signed-in user and their organisation',
        response: { 200: ZSignedInUser },
      },
    },
    (request) => {
      const { orgId, userId, roles } = request.auth;
      return findSignedInUser({ db: app.db, orgId, userId, roles });
    },
  );

  app.put(
    '/password',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Change your own password',
        description:
          'Needs the current password. Ends your other sessions; this one stays signed in.',
        body: ZChangePasswordRequest,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const { auth } = request;
      const key = `password-change|${auth.userId}|${request.ip}`;
      refuseWhileLimited(reply, key);
      const changed = await changeOwnPassword({
        db: app.db,
        orgId: auth.orgId,
        actor: auth.actor,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        ...(auth.via.kind === 'session' ? { keepSessionHash: auth.via.tokenHash } : {}),
      });
      if (!changed) {
        limiter.recordFailure(key);
        throw new AppError('validation', 'The current password is not right.', {
          field: 'currentPassword',
        });
      }
      limiter.reset(key);
      return reply.status(204).send();
    },
  );
};
