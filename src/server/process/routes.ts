import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem } from '../problem-schema.js';
import {
  discardProcessDraft,
  getProcessDraft,
  publishProcessDraft,
  reviewProcessDraft,
  saveProcessDraft,
  versionChanges,
} from './drafts.js';
import {
  ZDefinitionVersionChanges,
  ZDefinitionVersionList,
  ZDefinitionVersionParams,
  ZProcessDefinitionResponse,
  ZProcessDraft,
  ZProcessDraftReview,
  ZPublishedProcessVersion,
  ZPublishProcessDraft,
  ZSaveProcessDraft,
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

  app.get(
    '/definitions/:key/:version/changes',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'What a version changed from the one before it',
        params: ZDefinitionVersionParams,
        response: { 200: ZDefinitionVersionChanges, 404: ZProblem },
      },
    },
    (request) =>
      versionChanges({
        db: app.db,
        orgId: request.auth.orgId,
        key: request.params.key,
        version: request.params.version,
      }),
  );

  app.get(
    '/draft',
    {
      config: { permission: 'process.manage' },
      schema: {
        tags,
        summary: 'The administrator’s unpublished edit of the process',
        description:
          'Without a saved draft, the current version (without personal role and system names) to start from.',
        response: { 200: ZProcessDraft },
      },
    },
    (request) => getProcessDraft({ db: app.db, orgId: request.auth.orgId }),
  );

  app.put(
    '/draft',
    {
      config: { permission: 'process.manage' },
      schema: {
        tags,
        summary: 'Save the draft as it is, even unfinished',
        description:
          'Only its shape is checked here; what keeps it from being published is in the review.',
        body: ZSaveProcessDraft,
        response: { 200: ZProcessDraft, 400: ZProblem },
      },
    },
    (request) =>
      saveProcessDraft({
        db: app.db,
        orgId: request.auth.orgId,
        actor: request.auth.actor,
        definition: request.body.definition,
        baseVersion: request.body.baseVersion,
        now: new Date(),
      }),
  );

  app.delete(
    '/draft',
    {
      config: { permission: 'process.manage' },
      schema: { tags, summary: 'Discard the draft', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await discardProcessDraft({ db: app.db, orgId: request.auth.orgId });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/draft/review',
    {
      config: { permission: 'process.manage' },
      schema: {
        tags,
        summary: 'What keeps the draft from being published, and what it changes',
        response: { 200: ZProcessDraftReview },
      },
    },
    (request) => reviewProcessDraft({ db: app.db, orgId: request.auth.orgId }),
  );

  app.post(
    '/draft/publish',
    {
      config: { permission: 'process.manage' },
      schema: {
        tags,
        summary: 'Publish the draft as the next version',
        description:
          'New closeouts open with the published version; open closeouts keep the version they opened with.',
        body: ZPublishProcessDraft,
        response: { 201: ZPublishedProcessVersion, 400: ZProblem, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const published = await publishProcessDraft({
        db: app.db,
        orgId: request.auth.orgId,
        actor: request.auth.actor,
        reviewedVersion: request.body.reviewedVersion,
        now: new Date(),
      });
      return reply.code(201).send(published);
    },
  );
};
