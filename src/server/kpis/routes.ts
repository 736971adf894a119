import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZProblem } from '../problem-schema.js';
import { ZKpiQuery, ZKpiReportResponse } from './schema.js';
import { kpiPeriod, kpiReport } from './service.js';

const tags = ['KPIs'];

export const kpiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The KPIs of the closeout process over a period',
        description:
          'Whole UTC days from `from` to `to`, both included; by default the twelve months up to today. Every figure comes with the definition it was computed by.',
        querystring: ZKpiQuery,
        response: { 200: ZKpiReportResponse, 400: ZProblem },
      },
    },
    (request) => {
      const now = new Date().toISOString();
      return kpiReport({
        db: app.db,
        orgId: request.auth.orgId,
        period: kpiPeriod(request.query, now.slice(0, 10)),
        now,
      });
    },
  );
};
