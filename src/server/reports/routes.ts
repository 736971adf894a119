import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem } from '../problem-schema.js';
import {
  ZCloseoutPlan,
  ZDetailReport,
  ZPlanParams,
  ZReportPdfQuery,
  ZReportQuery,
  ZTaskReport,
} from './schema.js';
import {
  detailReportFor,
  planFile,
  planFor,
  type ReportFile,
  reportPdf,
  taskReportFor,
} from './service.js';

const tags = ['Reports'];

const ZFile = (description: string) =>
  z
    .custom<Buffer | string | Readable>(
      (value) => Buffer.isBuffer(value) || typeof value === 'string' || value instanceof Readable,
    )
    .meta({ type: 'string', format: 'binary', description });

function sendFile(reply: FastifyReply, file: ReportFile): FastifyReply {
  return reply
    .type(file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`,
    )
    .send(file.body);
}

/** The Detail and Task Reports of a process version: JSON for the app, PDF to print. */
export const processReportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const report of ['detail', 'task'] as const) {
    const name = report === 'detail' ? 'Detail Report' : 'Task Report';
    const contents =
      report === 'detail'
        ? 'The roles, systems, documents and KPIs (with their definitions and formulas), each with the tasks that use it by sub-process.'
        : 'Every task by sub-process with its lane, roles, systems, documents and due rule in words.';
    app.get(
      `/${report}`,
      {
        config: { permission: 'read' },
        schema: {
          tags,
          summary: `The ${name} of the process`,
          description: `${contents} In the organisation’s own role and system names; \`version\` selects an earlier version.`,
          querystring: ZReportQuery,
          response: {
            200: report === 'detail' ? ZDetailReport : ZTaskReport,
            400: ZProblem,
            404: ZProblem,
          },
        },
      },
      (request) => {
        const options = { db: app.db, orgId: request.auth.orgId, version: request.query.version };
        return report === 'detail' ? detailReportFor(options) : taskReportFor(options);
      },
    );
    app.get(
      `/${report}.pdf`,
      {
        config: { permission: 'read' },
        schema: {
          tags,
          summary: `The ${name} of the process, as a PDF`,
          description: `${contents} Branded with the organisation’s logo and colour; every page names the process version.`,
          querystring: ZReportPdfQuery,
          produces: ['application/pdf'],
          response: { 200: ZFile('The PDF.'), 400: ZProblem, 404: ZProblem },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await reportPdf(report, {
            db: app.db,
            orgId: request.auth.orgId,
            version: request.query.version,
            paper: request.query.paper,
          }),
        ),
    );
  }
};

/** A closeout's project plan: JSON for the app's Gantt view, CSV and iCalendar to export. */
export const closeoutPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:closeoutId/plan',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The closeout’s project plan',
        description:
          'Every task of every stage with its date: computed from the dates the closeout knows, or projected from when the process expects the dates still to be agreed (the meeting, the termination date, the session). Tasks of stages not reached yet are `planned`.',
        params: ZPlanParams,
        response: { 200: ZCloseoutPlan, 400: ZProblem, 404: ZProblem },
      },
    },
    (request) =>
      planFor({ db: app.db, orgId: request.auth.orgId, closeoutId: request.params.closeoutId }),
  );

  for (const format of ['csv', 'ics'] as const) {
    app.get(
      `/:closeoutId/plan.${format}`,
      {
        config: { permission: 'read' },
        schema: {
          tags,
          summary:
            format === 'csv'
              ? 'The closeout’s project plan as CSV'
              : 'The closeout’s project plan as an iCalendar file',
          description:
            format === 'csv'
              ? 'One row per task: sub-process, task, lane, roles, assignee, status, date and whether it is due or projected.'
              : 'One all-day event per dated task; each keeps its UID, so importing the file again updates the events.',
          params: ZPlanParams,
          produces: [format === 'csv' ? 'text/csv' : 'text/calendar'],
          response: {
            200: ZFile(`The ${format.toUpperCase()} file.`),
            400: ZProblem,
            404: ZProblem,
          },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await planFile(format, {
            db: app.db,
            orgId: request.auth.orgId,
            closeoutId: request.params.closeoutId,
            host: new URL(app.config.publicUrl).hostname,
          }),
        ),
    );
  }
};
