import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayUtc } from '../clock.js';
import { ZListTasksQuery, ZTaskPage } from './schema.js';
import { listTasks } from './service.js';

const tags = ['Tasks'];

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Tasks across closeouts, soonest due first',
        description:
          'Open tasks by default. `assignee=me` gives the caller’s own. Complete, waive or assign a task through its closeout: `POST /closeouts/{closeoutId}/tasks/{taskId}/…` with the closeout’s version in If-Match.',
        querystring: ZListTasksQuery,
        response: { 200: ZTaskPage },
      },
    },
    (request) =>
      listTasks({
        db: app.db,
        orgId: request.auth.orgId,
        userId: request.auth.userId,
        query: request.query,
        today: todayUtc(),
      }),
  );
};
