import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZProblem } from '../problem-schema.js';
import { ZKpiQuery, ZKpiReportResponse, ZKpiTrendQuery, ZKpiTrendResponse } from './schema.js';
import { kpiPeriod, kpiReport, kpiTrend } from './service.js';

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

  app.get(
    '/trend',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The main KPIs month by month',
        description:
          'One point per calendar month, oldest first: `months` months (12 by default, at most 36) ending with the month `to` falls in (today by default), the last month counted up to `to`. Each point holds the client retention rate, the client return rate, the deactivation issues, the MRR lost and saved over that month, and the MRR at risk at its end, exactly as `GET /kpis` reports them for that month.',
        querystring: ZKpiTrendQuery,
        response: { 200: ZKpiTrendResponse, 400: ZProblem },
      },
    },
    (request) =>
      kpiTrend({
        db: app.db,
        orgId: request.auth.orgId,
        query: request.query,
        now: new Date().toISOString(),
      }),
  );
};
