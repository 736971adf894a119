import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProblem } from '../problem-schema.js';
import {
  type TProcessDiagram,
  ZCloseoutDiagramParams,
  ZDiagramFormatParams,
  ZDiagramQuery,
  ZProcessDiagramQuery,
} from './schema.js';
import { closeoutDiagramFile, type DiagramFile, processDiagramFile } from './service.js';

const tags = ['Diagrams'];

const ZFile = z
  .custom<Buffer | string>((value) => Buffer.isBuffer(value) || typeof value === 'string')
  .meta({ type: 'string', format: 'binary', description: 'The SVG or the PDF.' });

const responses = { 200: ZFile, 400: ZProblem, 404: ZProblem };
const produces = ['image/svg+xml', 'application/pdf'];
const formats =
  '`.svg` is the drawing itself; `.pdf` prints it on A3 or 11×17 (`paper=tabloid`) landscape.';

const PROCESS_DIAGRAM_ROUTES: { diagram: TProcessDiagram; summary: string; description: string }[] =
  [
    {
      diagram: 'overview',
      summary: 'The Process Overview Diagram',
      description:
        'The process as a service blueprint: a column per sub-process, the lanes with the lines of interaction, visibility and internal interaction, every task with its roles and systems, the flow and the documents, in the organisation’s names, logo and colour.',
    },
    {
      diagram: 'life-cycle',
      summary: 'The Life Cycle Diagram',
      description:
        'Where closeout sits in the managed-service life cycle, with the modules the organisation’s process covers highlighted.',
    },
  ];

/** A PDF is a download; an SVG opens in the browser, and keeps its name when saved. */
function sendFile(reply: FastifyReply, file: DiagramFile): FastifyReply {
  const disposition = file.contentType === 'application/pdf' ? 'attachment' : 'inline';
  return reply
    .type(file.contentType)
    .header('cache-control', 'private, no-cache')
    .header(
      'content-disposition',
      `${disposition}; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`,
    )
    .send(file.body);
}

export const diagramRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const { diagram, summary, description } of PROCESS_DIAGRAM_ROUTES) {
    app.get(
      `/process/diagrams/${diagram}.:format`,
      {
        config: { permission: 'read' },
        schema: {
          tags,
          summary,
          description: `${description} \`version\` selects an earlier version. ${formats}`,
          params: ZDiagramFormatParams,
          querystring: ZProcessDiagramQuery,
          produces,
          response: responses,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await processDiagramFile({
            db: app.db,
            orgId: request.auth.orgId,
            diagram,
            format: request.params.format,
            version: request.query.version,
            paper: request.query.paper,
          }),
        ),
    );
  }

  app.get(
    '/closeouts/:closeoutId/diagram.:format',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The closeout’s blueprint, marked with its progress',
        description: `The Process Overview Diagram of the version the closeout is pinned to, with its done, waived, open, overdue and gate-holding tasks marked and its current stage highlighted. ${formats}`,
        params: ZCloseoutDiagramParams,
        querystring: ZDiagramQuery,
        produces,
        response: responses,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await closeoutDiagramFile({
          db: app.db,
          orgId: request.auth.orgId,
          closeoutId: request.params.closeoutId,
          format: request.params.format,
          paper: request.query.paper,
        }),
      ),
  );
};
