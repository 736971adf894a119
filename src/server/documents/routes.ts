import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCloseoutParams } from '../closeouts/schema.js';
import { ZProblem } from '../problem-schema.js';
import {
  ZCloseoutDocumentList,
  ZCloseoutDocumentParams,
  ZCloseoutDocumentQuery,
} from './schema.js';
import { closeoutDocumentPdf, listCloseoutDocuments } from './service.js';

const tags = ['Documents'];

const ZPdf = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: 'string', format: 'binary', description: 'The PDF.' });

/** A closeout's documents, filled in from its data, as PDF. */
export const closeoutDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:closeoutId/documents',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The documents of a closeout and whether each can be made yet',
        description:
          'Titles are the process definition’s names for the documents. A document is `available` once the closeout has what it is filled in from (no meeting summary before the meeting).',
        params: ZCloseoutParams,
        response: { 200: ZCloseoutDocumentList, 400: ZProblem, 404: ZProblem },
      },
    },
    async (request) => ({
      documents: await listCloseoutDocuments({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
      }),
    }),
  );

  app.get(
    '/:closeoutId/documents/:document.pdf',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One document of a closeout as a PDF',
        description:
          'Branded with the organisation’s logo and colour, in its own role and system names; every page names the process version. Never contains a handed-over secret. 409 when the closeout is not that far yet.',
        params: ZCloseoutDocumentParams,
        querystring: ZCloseoutDocumentQuery,
        produces: ['application/pdf'],
        response: { 200: ZPdf, 400: ZProblem, 404: ZProblem, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const file = await closeoutDocumentPdf({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
        kind: request.params.document,
        paper: request.query.paper,
        now: new Date(),
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${file.fileName.replace(/[^\w .()-]/g, '_')}"`,
        )
        .send(file.body);
    },
  );
};
