import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZOrganisation, ZPersonalisationRequest, ZReasonTaxonomyBody } from './schema.js';
import { getOrganisation, replaceReasonTaxonomy, updatePersonalisation } from './service.js';

const tags = ['Organisation'];

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The organisation: name, personalisation, reason taxonomy',
        response: { 200: ZOrganisation },
      },
    },
    (request) => getOrganisation({ db: app.db, orgId: request.auth.orgId }),
  );

  app.put(
    '/personalisation',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Set the name, logo, colour and own names for roles and systems',
        body: ZPersonalisationRequest,
        response: { 200: ZOrganisation },
      },
    },
    (request) =>
      updatePersonalisation({
        db: app.db,
        orgId: request.auth.orgId,
        personalisation: request.body,
        actor: request.auth.actor,
      }),
  );

  app.get(
    '/reason-taxonomy',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The cancellation reasons to choose from',
        response: { 200: ZReasonTaxonomyBody },
      },
    },
    async (request) => {
      const organisation = await getOrganisation({ db: app.db, orgId: request.auth.orgId });
      return { reasons: organisation.reasons };
    },
  );

  app.put(
    '/reason-taxonomy',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Replace the cancellation reasons',
        description:
          'Keys are unique. A reason recorded on a closeout can be retired (`retired: true`) but not removed (409).',
        body: ZReasonTaxonomyBody,
        response: { 200: ZReasonTaxonomyBody },
      },
    },
    async (request) => {
      const organisation = await replaceReasonTaxonomy({
        db: app.db,
        orgId: request.auth.orgId,
        reasons: request.body.reasons,
        actor: request.auth.actor,
      });
      return { reasons: organisation.reasons };
    },
  );
};
