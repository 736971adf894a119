import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../domain/errors.js';
import { ZProblem } from '../problem-schema.js';
import { importErrorsCsv } from './error-report.js';
import {
  ZCreateImportQuery,
  ZImportDetail,
  ZImportFormats,
  ZImportPage,
  ZImportParams,
  ZListImportsQuery,
  ZUpdateImportRequest,
} from './schema.js';
import {
  discardImport,
  getImport,
  importFormats,
  listImports,
  startImport,
  updateImport,
  uploadImport,
} from './service.js';

const tags = ['Imports'];

/** The content types browsers and tools send a .csv file with (Excel's, on Windows). */
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'application/vnd.ms-excel']);

const csvStream = (description: string) =>
  z
    .custom<Readable>((value) => value instanceof Readable)
    .meta({ type: 'string', format: 'binary', description });

const ZCsvFile = csvStream('The CSV file, UTF-8, its first line naming the columns.');
const ZErrorReport = csvStream('line,column,message — one line per problem.');

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this plugin's routes read a body this way: the upload streams to disk, never buffered.
  // Other types stream too, to be refused with a message that says what to send.
  app.addContentTypeParser([...CSV_TYPES, '*'], (_request, payload, done) => done(null, payload));

  app.get(
    '/formats',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'What can be imported, and the columns each format recognises',
        description:
          'Per kind of record: its fields (type, required, what a blank cell does) and the formats a file may come in, with the column names each recognises for each field.',
        response: { 200: ZImportFormats },
      },
    },
    () => importFormats(),
  );

  app.get(
    '/',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'List imports',
        description: 'Newest first.',
        querystring: ZListImportsQuery,
        response: { 200: ZImportPage },
      },
    },
    (request) => listImports({ db: app.db, orgId: request.auth.orgId, query: request.query }),
  );

  app.post(
    '/',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Upload a CSV file to import',
        description:
          'Send the file itself as the body with `Content-Type: text/csv` (up to 1 GB). Answers with the format told from its column names (unless `format` is given), the suggested column mapping, what still needs mapping and a preview of the first rows. Nothing is imported until the import is started.',
        querystring: ZCreateImportQuery,
        consumes: [...CSV_TYPES],
        body: ZCsvFile,
        response: { 201: ZImportDetail },
      },
      preValidation: async (request) => {
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
        if (!CSV_TYPES.has(type) || !(request.body instanceof Readable)) {
          throw invalid(
            'body',
            'Send the CSV file itself as the body, with Content-Type: text/csv.',
          );
        }
      },
    },
    async (request, reply) => {
      const detail = await uploadImport({
        db: app.db,
        orgId: request.auth.orgId,
        dataDir: app.config.dataDir,
        query: request.query,
        body: request.body,
        actor: request.auth.actor,
      });
      return reply.status(201).header('location', `/api/v1/imports/${detail.id}`).send(detail);
    },
  );

  app.get(
    '/:importId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'One import: its status, progress and counts',
        description:
          'Until it has run, also the file’s columns and a preview of its first rows under the current mapping.',
        params: ZImportParams,
        response: { 200: ZImportDetail, 404: ZProblem },
      },
    },
    (request) =>
      getImport({ db: app.db, orgId: request.auth.orgId, importId: request.params.importId }),
  );

  app.patch(
    '/:importId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Choose the format and which column holds which field',
        description:
          'Only before the import starts. A mapping must name a column of the file for every required field; a 400 names the field (`mapping.<field>`). A new format without a mapping takes that format’s suggested mapping.',
        params: ZImportParams,
        body: ZUpdateImportRequest,
        response: { 200: ZImportDetail, 404: ZProblem, 409: ZProblem },
      },
    },
    (request) =>
      updateImport({
        db: app.db,
        orgId: request.auth.orgId,
        importId: request.params.importId,
        changes: request.body,
      }),
  );

  app.delete(
    '/:importId',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Throw away an upload that was not started',
        params: ZImportParams,
        response: { 204: z.undefined(), 404: ZProblem, 409: ZProblem },
      },
    },
    async (request, reply) => {
      await discardImport({
        db: app.db,
        orgId: request.auth.orgId,
        importId: request.params.importId,
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/:importId/start',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'Start the import',
        description:
          'Runs in the background; follow it with GET /imports/{id}. Records are matched by source and external id, so importing the same file again changes nothing. Refused rows are listed in the error report.',
        params: ZImportParams,
        response: { 202: ZImportDetail, 404: ZProblem, 409: ZProblem },
      },
    },
    async (request, reply) => {
      const detail = await startImport({
        db: app.db,
        orgId: request.auth.orgId,
        importId: request.params.importId,
        actor: request.auth.actor,
      });
      return reply.status(202).send(detail);
    },
  );

  app.get(
    '/:importId/errors.csv',
    {
      config: { permission: 'client.manage' },
      schema: {
        tags,
        summary: 'The rows the import refused, as CSV',
        description:
          'Columns `line` (of the uploaded file; line 1 names the columns), `column` (blank when the whole row is at fault) and `message`, in file order.',
        params: ZImportParams,
        produces: ['text/csv'],
        response: { 200: ZErrorReport, 404: ZProblem },
      },
    },
    async (request, reply) => {
      const { fileName, csv } = await importErrorsCsv({
        db: app.db,
        orgId: request.auth.orgId,
        importId: request.params.importId,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${fileName.replace(/["\\\r\n]/g, '_')}"`,
        )
        .send(csv);
    },
  );
};
