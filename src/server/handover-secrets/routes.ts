import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem } from '../problem-schema.js';
import {
  ZHandoverSecret,
  ZHandoverSecretParams,
  ZHandoverSecretStatus,
  ZHandoverSecretsParams,
  ZRevealedHandoverSecret,
} from './schema.js';
import {
  reissueHandoverSecret,
  revealSecretToStaff,
  secretStatus,
  secretStatusesOf,
  storeHandoverSecret,
} from './service.js';

const tags = ['Credential vault'];
const problems = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };

/** A revealed secret must not stay in any cache, the browser's included. */
const neverStored = (reply: FastifyReply) =>
  reply.header('cache-control', 'no-store').header('pragma', 'no-cache');

/** Mounted under /api/v1/closeouts. */
export const handoverSecretRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:closeoutId/handover-secrets',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Which handover items have a secret stored',
        description: 'One entry per handover item, in order; never a secret.',
        params: ZHandoverSecretsParams,
        response: { 200: z.array(ZHandoverSecretStatus), 404: ZProblem },
      },
    },
    (request) =>
      secretStatusesOf({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
      }),
  );

  app.get(
    '/:closeoutId/handover-items/:itemId/secret',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "A handover item's secret: whether it is stored, issued and revealed",
        params: ZHandoverSecretParams,
        response: { 200: ZHandoverSecretStatus, 404: ZProblem },
      },
    },
    (request) => secretStatus({ db: app.db, orgId: request.auth.orgId, ...request.params }),
  );

  app.put(
    '/:closeoutId/handover-items/:itemId/secret',
    {
      config: { permission: 'closeout.handover' },
      schema: {
        tags,
        summary: "Store or replace a handover item's secret",
        description:
          'Sealed with AES-256-GCM under a data key of its own. Replacing a secret issues it to the client again. The audit trail records the change, never the value.',
        params: ZHandoverSecretParams,
        body: ZHandoverSecret,
        response: { 200: ZHandoverSecretStatus, ...problems },
      },
    },
    (request) =>
      storeHandoverSecret({
        db: app.db,
        vault: app.vault,
        orgId: request.auth.orgId,
        ...request.params,
        secret: request.body,
        actor: request.auth.actor,
      }),
  );

  app.post(
    '/:closeoutId/handover-items/:itemId/secret/reveal',
    {
      config: { permission: 'closeout.reveal_secret' },
      schema: {
        tags,
        summary: "Reveal a handover item's secret",
        description: 'Recorded in the audit trail with who revealed it; never cached.',
        params: ZHandoverSecretParams,
        response: { 200: ZRevealedHandoverSecret, ...problems },
      },
    },
    async (request, reply) => {
      const revealed = await revealSecretToStaff({
        db: app.db,
        vault: app.vault,
        orgId: request.auth.orgId,
        ...request.params,
        actor: request.auth.actor,
      });
      return neverStored(reply).send(revealed);
    },
  );

  app.post(
    '/:closeoutId/handover-items/:itemId/secret/reissue',
    {
      config: { permission: 'closeout.handover' },
      schema: {
        tags,
        summary: 'Let the client reveal the secret once more',
        params: ZHandoverSecretParams,
        response: { 200: ZHandoverSecretStatus, ...problems },
      },
    },
    (request) =>
      reissueHandoverSecret({
        db: app.db,
        orgId: request.auth.orgId,
        ...request.params,
        actor: request.auth.actor,
      }),
  );
};
