import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enqueueJob } from '../../jobs/queue.js';
import { ZProblem } from '../problem-schema.js';
import { closeoutPsaLink, requestCloseoutSync } from './closeout-link.js';
import {
  createConnection,
  deleteConnection,
  findConnection,
  listConnections,
  testConnection,
  updateConnection,
} from './connections.js';
import { listJobs, retryJob } from './jobs.js';
import {
  ZCloseoutPsaLink,
  ZConnectionParams,
  ZConnectionTest,
  ZCreatePsaConnectionRequest,
  ZEnqueuedJob,
  ZJob,
  ZJobPage,
  ZJobParams,
  ZListJobsQuery,
  ZPsaConnection,
  ZPsaVendorDescription,
  ZUpdatePsaConnectionRequest,
} from './schema.js';
import { PSA_VENDOR_DESCRIPTIONS } from './vendors.js';

const tags = ['Integrations'];

export const integrationRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A job for the whole connection, one queued at a time. */
  const enqueueConnectionJob = async (
    orgId: string,
    connectionId: string,
    job: { kind: 'psa_sync' | 'psa_import_clients'; summary: (name: string) => string },
  ) => {
    const connection = await findConnection(app.db, orgId, connectionId);
    return enqueueJob(app.db, {
      orgId,
      kind: job.kind,
      summary: job.summary(connection.name),
      payload: { connectionId: connection.id },
      dedupeKey: `${job.kind}:${connection.id}`,
    });
  };

  app.get(
    '/vendors',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The PSAs Closeout connects to',
        description: 'Each vendor’s connection settings and secrets, to build its form.',
        response: { 200: z.array(ZPsaVendorDescription) },
      },
    },
    () => PSA_VENDOR_DESCRIPTIONS,
  );

  app.get(
    '/connections',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'PSA connections',
        description: 'Secrets are never returned: `storedSecrets` lists which ones are set.',
        response: { 200: z.array(ZPsaConnection) },
      },
    },
    (request) => listConnections({ db: app.db, vault: app.vault, orgId: request.auth.orgId }),
  );

  app.post(
    '/connections',
    {
      config: { permission: 'integrations.manage' },
      schema: {
        tags,
        summary: 'Connect a PSA',
        description:
          'Settings and secrets are checked against the vendor’s own; secrets are stored encrypted (AES-256-GCM envelope).',
        body: ZCreatePsaConnectionRequest,
        response: { 201: ZPsaConnection, 400: ZProblem, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const connection = await createConnection({
        db: app.db,
        vault: app.vault,
        orgId: request.auth.orgId,
        request: request.body,
        actor: request.auth.actor,
      });
      return reply.status(201).send(connection);
    },
  );

  app.patch(
    '/connections/:connectionId',
    {
      config: { permission: 'integrations.manage' },
      schema: {
        tags,
        summary: 'Change a PSA connection',
        description: 'Secrets left out (or empty) keep their stored value.',
        params: ZConnectionParams,
        body: ZUpdatePsaConnectionRequest,
        response: { 200: ZPsaConnection, 400: ZProblem, 404: ZProblem },
      },
    },
    (request) =>
      updateConnection({
        db: app.db,
        vault: app.vault,
        orgId: request.auth.orgId,
        connectionId: request.params.connectionId,
        changes: request.body,
        actor: request.auth.actor,
      }),
  );

  app.delete(
    '/connections/:connectionId',
    {
      config: { permission: 'integrations.manage' },
      schema: {
        tags,
        summary: 'Remove a PSA connection',
        description: 'Clients and tickets brought in from it stay; they are no longer synced.',
        params: ZConnectionParams,
        response: { 204: z.null(), 404: ZProblem },
      },
    },
    async (request, reply) => {
      await deleteConnection({
        db: app.db,
        vault: app.vault,
        orgId: request.auth.orgId,
        connectionId: request.params.connectionId,
        actor: request.auth.actor,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/connections/:connectionId/test',
    {
      config: { permission: 'integrations.manage' },
      schema: {
        tags,
        summary: 'Test a PSA connection',
        description: 'Signs in to the PSA now; the answer, good or bad, is kept on the connection.',
        params: ZConnectionParams,
        response: { 200: ZConnectionTest, 404: ZProblem },
      },
    },
    (request) =>
      testConnection({
        db: app.db,
        vault: app.vault,
        orgId: request.auth.orgId,
        connectionId: request.params.connectionId,
      }),
  );

  app.post(
    '/connections/:connectionId/sync',
    {
      config: { permission: 'integrations.manage' },
      schema: {
        tags,
        summary: 'Sync every open closeout with the PSA now',
        params: ZConnectionParams,
        response: { 202: ZEnqueuedJob, 404: ZProblem },
      },
    },
    async (request, reply) => {
      const jobId = await enqueueConnectionJob(request.auth.orgId, request.params.connectionId, {
        kind: 'psa_sync',
        summary: (name) => `Sync the tickets of every open closeout with ${name}`,
      });
      return reply.status(202).send({ jobId });
    },
  );

  app.post(
    '/connections/:connectionId/import-clients',
    {
      config: { permission: 'integrations.manage' },
      schema: {
        tags,
        summary: 'Import clients and agreements from the PSA',
        description: 'Upserted by the PSA’s ids: running it again changes only what changed there.',
        params: ZConnectionParams,
        response: { 202: ZEnqueuedJob, 404: ZProblem },
      },
    },
    async (request, reply) => {
      const jobId = await enqueueConnectionJob(request.auth.orgId, request.params.connectionId, {
        kind: 'psa_import_clients',
        summary: (name) => `Import clients and agreements from ${name}`,
      });
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/jobs',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Background jobs',
        description:
          'Imports, syncs and write-backs, newest first, with their attempts and errors.',
        querystring: ZListJobsQuery,
        response: { 200: ZJobPage },
      },
    },
    (request) => listJobs({ db: app.db, orgId: request.auth.orgId, query: request.query }),
  );

  app.post(
    '/jobs/:jobId/retry',
    {
      config: { permission: 'integrations.manage' },
      schema: {
        tags,
        summary: 'Retry a failed job',
        params: ZJobParams,
        response: { 200: ZJob, 404: ZProblem, 409: ZProblem },
      },
    },
    (request) => retryJob({ db: app.db, orgId: request.auth.orgId, jobId: request.params.jobId }),
  );
};

const ZCloseoutParams = z.object({ closeoutId: z.uuid() });

/** Under /closeouts/{closeoutId}/psa. */
export const closeoutPsaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:closeoutId/psa',
    {
      config: { permission: 'read' },
      schema: {
        tags: ['Closeouts'],
        summary: 'The closeout’s link to its PSA',
        description: 'The connection, the last ticket sync, and each ticket’s write-back.',
        params: ZCloseoutParams,
        response: { 200: ZCloseoutPsaLink, 404: ZProblem },
      },
    },
    (request) =>
      closeoutPsaLink({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
      }),
  );

  app.post(
    '/:closeoutId/psa/sync',
    {
      config: { permission: 'closeout.sync_tickets' },
      schema: {
        tags: ['Closeouts'],
        summary: 'Sync the closeout’s tickets with the PSA now',
        description:
          'New tickets of the client join the review; tickets closed in the PSA show as completed.',
        params: ZCloseoutParams,
        response: { 202: ZEnqueuedJob, 404: ZProblem, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const jobId = await requestCloseoutSync({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
      });
      return reply.status(202).send({ jobId });
    },
  );
};
