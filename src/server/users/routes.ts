import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateUserRequest,
  ZResetPasswordRequest,
  ZStaffDirectory,
  ZUpdateUserRequest,
  ZUser,
  ZUserList,
  ZUserParams,
} from './schema.js';
import {
  createUser,
  getUser,
  listStaffDirectory,
  listUsers,
  resetPassword,
  updateUser,
} from './service.js';

const tags = ['Users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'users.manage' },
      schema: { tags, summary: 'List all users', response: { 200: ZUserList } },
    },
    async (request) => ({ users: await listUsers({ db: app.db, orgId: request.auth.orgId }) }),
  );

  app.get(
    '/directory',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Active staff, for choosing owners and assignees',
        response: { 200: ZStaffDirectory },
      },
    },
    async (request) => ({
      users: await listStaffDirectory({ db: app.db, orgId: request.auth.orgId }),
    }),
  );

  app.post(
    '/',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Add a user',
        body: ZCreateUserRequest,
        response: { 201: ZUser },
      },
    },
    async (request, reply) => {
      const user = await createUser({
        db: app.db,
        orgId: request.auth.orgId,
        ...request.body,
        actor: request.auth.actor,
      });
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/:userId',
    {
      config: { permission: 'users.manage' },
      schema: { tags, summary: 'One user', params: ZUserParams, response: { 200: ZUser } },
    },
    (request) => getUser({ db: app.db, orgId: request.auth.orgId, userId: request.params.userId }),
  );

  app.patch(
    '/:userId',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Change a user’s name, roles or whether they are active',
        params: ZUserParams,
        body: ZUpdateUserRequest,
        response: { 200: ZUser },
      },
    },
    (request) =>
      updateUser({
        db: app.db,
        orgId: request.auth.orgId,
        userId: request.params.userId,
        changes: request.body,
        actor: request.auth.actor,
      }),
  );

  app.put(
    '/:userId/password',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Set a new password',
        description: 'Signs the user out of their other sessions.',
        params: ZUserParams,
        body: ZResetPasswordRequest,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const { auth } = request;
      const { userId } = request.params;
      await resetPassword({
        db: app.db,
        orgId: auth.orgId,
        userId,
        password: request.body.password,
        actor: auth.actor,
        ...(auth.via.kind === 'session' && auth.userId === userId
          ? { keepSessionHash: auth.via.tokenHash }
          : {}),
      });
      return reply.status(204).send();
    },
  );
};
