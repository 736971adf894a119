import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZSignedInUser } from '../auth/schema.js';
import { findSignedInUser } from '../auth/service.js';
import { ZSetupRequest } from './schema.js';
import { completeSetup } from './service.js';

const tags = ['Setup'];

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Complete the first-run setup',
        description:
          'Names the organisation, sets its colour, and gives the administrator calling it their own name, email and password, in one change. Their other sessions end. Only once: afterwards 409.',
        body: ZSetupRequest,
        response: { 200: ZSignedInUser },
      },
    },
    async (request) => {
      const { auth } = request;
      await completeSetup({
        db: app.db,
        orgId: auth.orgId,
        actor: auth.actor,
        request: request.body,
        ...(auth.via.kind === 'session' ? { keepSessionHash: auth.via.tokenHash } : {}),
      });
      return findSignedInUser({
        db: app.db,
        orgId: auth.orgId,
        userId: auth.userId,
        roles: auth.roles,
      });
    },
  );
};
