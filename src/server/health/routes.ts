import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database, DatabaseKind } from '../../db/connection.js';
import { ZHealth } from './schema.js';

/** Which engine a drizzle instance runs on, read from the client it wraps. */
export const databaseKindOf = (db: Database): DatabaseKind =>
  (db as { $client?: unknown }).$client instanceof PGlite ? 'pglite' : 'postgres';

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const database = databaseKindOf(app.db);
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['Health'],
        summary: 'Whether the server and its database are up',
        response: { 200: ZHealth, 503: ZHealth },
      },
    },
    async (request, reply) => {
      const { version } = app.config;
      try {
        await app.db.execute(sql`select 1`);
        return { status: 'ok' as const, database, version };
      } catch (error) {
        request.log.error({ err: error }, 'database health check failed');
        return reply.status(503).send({ status: 'unavailable', database, version });
      }
    },
  );
};
