import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestAuth } from '../caller.js';
import { can } from '../permissions.js';
import {
  ZApiTokenList,
  ZApiTokenParams,
  ZCreateApiTokenRequest,
  ZCreatedApiToken,
} from './schema.js';
import { createApiToken, listApiTokens, revokeApiToken } from './service.js';

const tags = ['API tokens'];

/** Everyone manages their own tokens; an administrator sees and revokes all of the organisation's. */
const ownerScope = (auth: RequestAuth): { userId?: string } =>
  can(auth.roles, 'users.manage') ? {} : { userId: auth.userId };

export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Create an API token',
        description:
          'The token acts for you with the roles you give it (only roles you hold). It is shown in this response only.',
        body: ZCreateApiTokenRequest,
        response: { 201: ZCreatedApiToken },
      },
    },
    async (request, reply) => {
      const { orgId, userId, roles } = request.auth;
      const created = await createApiToken({
        db: app.db,
        orgId,
        userId,
        name: request.body.name,
        ...(request.body.roles === undefined ? {} : { roles: request.body.roles }),
        holderRoles: roles,
        actor: request.auth.actor,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'List active API tokens',
        description: 'Your own tokens; for an administrator, every token of the organisation.',
        response: { 200: ZApiTokenList },
      },
    },
    async (request) => ({
      tokens: await listApiTokens({
        db: app.db,
        orgId: request.auth.orgId,
        ...ownerScope(request.auth),
      }),
    }),
  );

  app.delete(
    '/:tokenId',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: ZApiTokenParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await revokeApiToken({
        db: app.db,
        orgId: request.auth.orgId,
        tokenId: request.params.tokenId,
        ...ownerScope(request.auth),
        actor: request.auth.actor,
      });
      return reply.status(204).send();
    },
  );
};
