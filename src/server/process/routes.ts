import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZProblem } from '../problem-schema.js';
import {
  ZDefinitionVersionList,
  ZDefinitionVersionParams,
  ZProcessDefinitionResponse,
} from './schema.js';
import {
  definitionVersionsWithCurrent,
  personalisedCurrentDefinition,
  personalisedDefinitionVersion,
} from './service.js';

const tags = ['Process'];

export const processRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/definition',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The current process definition',
        description:
          'The version new closeouts open with, with the organisation’s own role and system names.',
        response: { 200: ZProcessDefinitionResponse },
      },
    },
    (request) => personalisedCurrentDefinition({ db: app.db, orgId: request.auth.orgId }),
  );

  app.get(
    '/definitions',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Every version of the process definition, newest first',
        response: { 200: ZDefinitionVersionList },
      },
    },
    async (request) => ({
      versions: await definitionVersionsWithCurrent({ db: app.db, orgId: request.auth.orgId }),
    }),
  );

  app.get(
    '/definitions/:key/:version',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One version of the process definition',
        description:
          'As a closeout pinned to it reads it, with the organisation’s own role and system names.',
        params: ZDefinitionVersionParams,
        response: { 200: ZProcessDefinitionResponse, 404: ZProblem },
      },
    },
    (request) =>
      personalisedDefinitionVersion({
        db: app.db,
        orgId: request.auth.orgId,
        key: request.params.key,
        version: request.params.version,
      }),
  );
};
