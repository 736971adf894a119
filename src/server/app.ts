import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawServerDefault,
} from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/connection.js';
import { createMailer } from '../integrations/email/transport.js';
import { jobHandlers } from '../jobs/handlers.js';
import { JobRunner } from '../jobs/runner.js';
import { DIGEST_CHECK_INTERVAL_MS, sendDueTaskDigests } from '../notifications/task-digest.js';
import { SecretVault } from '../security/envelope.js';
import { loadMasterKey } from '../security/master-key.js';
import { apiTokenRoutes } from './auth/api-tokens/routes.js';
import { API_PREFIX, registerGuard } from './auth/guard.js';
import { authRoutes } from './auth/routes.js';
import { backupArchiveRoutes, backupDownloadRoutes } from './backup-downloads/routes.js';
import { clientRoutes } from './clients/routes.js';
import { closeoutRoutes } from './closeouts/routes.js';
import type { ServerConfig } from './config.js';
import { diagramRoutes } from './diagrams/routes.js';
import { closeoutDocumentRoutes } from './documents/routes.js';
import { evidenceRoutes } from './evidence/routes.js';
import { handoverSecretRoutes } from './handover-secrets/routes.js';
import { healthRoutes } from './health/routes.js';
import { importRoutes } from './imports/routes.js';
import { closeoutPsaRoutes, integrationRoutes } from './integrations/routes.js';
import { scheduleDueSyncs } from './integrations/sync.js';
import { kpiRoutes } from './kpis/routes.js';
import { mailRoutes } from './mails/routes.js';
import { registerOpenApi } from './openapi.js';
import { organisationRoutes } from './organisation/routes.js';
import { portalRoutes, portalStaffRoutes } from './portal/routes.js';
import { registerProblemHandling } from './problem.js';
import { processRoutes } from './process/routes.js';
import { closeoutPlanRoutes, processReportRoutes } from './reports/routes.js';
import { setupRoutes } from './setup/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { ticketRoutes } from './tickets/routes.js';
import { userRoutes } from './users/routes.js';
import { webRoutes } from './web/routes.js';

/**
 * The HTTP server. Each API resource is a folder with `routes.ts` (a FastifyPluginAsyncZod:
 * parse, authorise, call the service, present), `schema.ts` (zod contracts, shared with the web
 * app) and `service.ts` (logic and queries), registered below with one line. Every route under
 * /api/v1 declares `config: { permission }` or `config: { public: true }`.
 */

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: ServerConfig;
    /** Seals and opens stored secrets (PSA credentials). */
    vault: SecretVault;
    /** The background job queue's runner; `serve` starts it, tests `drain()` it. */
    jobs: JobRunner;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type BuildAppOptions = {
  db: Database;
  config: ServerConfig;
};

/** A logo up to 1.5 MB travels base64-encoded in the personalisation. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export const buildApp = async ({ db, config }: BuildAppOptions): Promise<App> => {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  const vault = new SecretVault(
    loadMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir }),
  );
  app.decorate('vault', vault);
  const jobs = new JobRunner({
    db,
    handlers: jobHandlers(vault, createMailer(config)),
    log: app.log,
  });
  jobs.every('schedule PSA syncs', 60_000, () => scheduleDueSyncs(db));
  jobs.every('send the daily task digests', DIGEST_CHECK_INTERVAL_MS, async () => {
    await sendDueTaskDigests({ db, publicUrl: config.publicUrl });
  });
  app.decorate('jobs', jobs);
  app.addHook('onClose', () => jobs.stop());
  registerProblemHandling(app);
  registerGuard(app);
  await app.register(fastifyCookie);
  await registerOpenApi(app, { version: config.version });

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: `${API_PREFIX}/auth` });
  await app.register(apiTokenRoutes, { prefix: `${API_PREFIX}/api-tokens` });
  await app.register(userRoutes, { prefix: `${API_PREFIX}/users` });
  await app.register(organisationRoutes, { prefix: `${API_PREFIX}/organisation` });
  await app.register(setupRoutes, { prefix: `${API_PREFIX}/setup` });
  await app.register(closeoutRoutes, { prefix: `${API_PREFIX}/closeouts` });
  await app.register(closeoutDocumentRoutes, { prefix: `${API_PREFIX}/closeouts` });
  await app.register(closeoutPsaRoutes, { prefix: `${API_PREFIX}/closeouts` });
  await app.register(handoverSecretRoutes, { prefix: `${API_PREFIX}/closeouts` });
  await app.register(portalStaffRoutes, { prefix: `${API_PREFIX}/closeouts` });
  await app.register(portalRoutes, { prefix: `${API_PREFIX}/portal` });
  await app.register(clientRoutes, { prefix: `${API_PREFIX}/clients` });
  await app.register(ticketRoutes, { prefix: `${API_PREFIX}/tickets` });
  await app.register(taskRoutes, { prefix: `${API_PREFIX}/tasks` });
  await app.register(kpiRoutes, { prefix: `${API_PREFIX}/kpis` });
  await app.register(processRoutes, { prefix: `${API_PREFIX}/process` });
  await app.register(processReportRoutes, { prefix: `${API_PREFIX}/process/reports` });
  await app.register(closeoutPlanRoutes, { prefix: `${API_PREFIX}/closeouts` });
  await app.register(evidenceRoutes, { prefix: `${API_PREFIX}/closeouts` });
  await app.register(backupArchiveRoutes, { prefix: `${API_PREFIX}/closeouts` });
  await app.register(backupDownloadRoutes, { prefix: `${API_PREFIX}/backup-downloads` });
  await app.register(diagramRoutes, { prefix: API_PREFIX });
  await app.register(integrationRoutes, { prefix: `${API_PREFIX}/integrations` });
  await app.register(importRoutes, { prefix: `${API_PREFIX}/imports` });
  await app.register(mailRoutes, { prefix: `${API_PREFIX}/mails` });
  await app.register(webRoutes);

  return app;
};
