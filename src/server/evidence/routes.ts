import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  declaredLength,
  rawUpload,
  sendStoredFile,
  uploadBody,
  ZBinaryDownload,
  ZBinaryUpload,
} from '../../files/http.js';
import { ZProblem } from '../problem-schema.js';
import {
  ZCloseoutEvidenceParams,
  ZEvidenceList,
  ZHandoverEvidenceFileParams,
  ZHandoverEvidenceParams,
  ZStoredFile,
  ZTaskEvidenceFileParams,
  ZTaskEvidenceParams,
  ZUploadQuery,
} from './schema.js';
import {
  deleteEvidence,
  listCloseoutEvidence,
  listEvidence,
  openEvidence,
  uploadEvidence,
} from './service.js';
import type { EvidenceSubject } from './subjects.js';

const tags = ['Evidence'];

const problems = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const uploadProblems = { ...problems, 413: ZProblem, 415: ZProblem };

/**
 * Evidence files of a closeout's tasks and handover items, under
 * `/closeouts/{closeoutId}/tasks/{taskId}/evidence` and `…/handover-items/{itemId}/evidence`.
 * An upload sends the file itself as the body (any content type), named by `?fileName=`.
 */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  rawUpload(app);

  app.get(
    '/:closeoutId/evidence',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "Every evidence file of a closeout's tasks and handover items",
        params: ZCloseoutEvidenceParams,
        response: { 200: ZEvidenceList, 404: ZProblem },
      },
    },
    (request) =>
      listCloseoutEvidence({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
      }),
  );

  const subjects = [
    {
      path: '/:closeoutId/tasks/:taskId/evidence',
      noun: 'a task',
      permission: 'closeout.work_task',
      params: ZTaskEvidenceParams,
      fileParams: ZTaskEvidenceFileParams,
      subject: (params: z.infer<typeof ZTaskEvidenceParams>): EvidenceSubject => ({
        kind: 'task',
        closeoutId: params.closeoutId,
        taskId: params.taskId,
      }),
    },
    {
      path: '/:closeoutId/handover-items/:itemId/evidence',
      noun: 'a handover item',
      permission: 'closeout.handover',
      params: ZHandoverEvidenceParams,
      fileParams: ZHandoverEvidenceFileParams,
      subject: (params: z.infer<typeof ZHandoverEvidenceParams>): EvidenceSubject => ({
        kind: 'handover_item',
        closeoutId: params.closeoutId,
        itemId: params.itemId,
      }),
    },
  ] as const;

  for (const definition of subjects) {
    const subjectOf = (request: FastifyRequest) =>
      // The params were validated against `definition.params` before the handler runs.
      (definition.subject as (params: unknown) => EvidenceSubject)(request.params);

    app.post(
      definition.path,
      {
        config: { permission: definition.permission },
        schema: {
          tags,
          summary: `Upload an evidence file of ${definition.noun}`,
          description:
            'Send the file itself as the body (`Content-Type: application/octet-stream`) and its name in `fileName`. Its type is told from its leading bytes: PDF, PNG, JPEG, GIF, WebP, Office documents, ZIP, text, CSV or a saved email (.eml); a file of another type, or whose name promises another type, is refused with 415. Past the upload limit it is refused with 413.',
          params: definition.params,
          querystring: ZUploadQuery,
          consumes: ['application/octet-stream'],
          body: ZBinaryUpload,
          response: { 201: ZStoredFile, ...uploadProblems },
        },
      },
      async (request, reply) => {
        const file = await uploadEvidence({
          db: app.db,
          files: app.config,
          orgId: request.auth.orgId,
          subject: subjectOf(request),
          fileName: request.query.fileName,
          body: uploadBody(request),
          declaredBytes: declaredLength(request),
          actor: request.auth.actor,
        });
        return reply.status(201).send(file);
      },
    );

    app.get(
      definition.path,
      {
        config: { permission: 'read' },
        schema: {
          tags,
          summary: `The evidence files of ${definition.noun}`,
          params: definition.params,
          response: { 200: ZEvidenceList, 404: ZProblem },
        },
      },
      (request) =>
        listEvidence({ db: app.db, orgId: request.auth.orgId, subject: subjectOf(request) }),
    );

    app.get(
      `${definition.path}/:fileId`,
      {
        config: { permission: 'read' },
        schema: {
          tags,
          summary: `Download an evidence file of ${definition.noun}`,
          description: 'Always as an attachment, with the content type told at upload.',
          params: definition.fileParams,
          produces: ['application/octet-stream'],
          response: { 200: ZBinaryDownload, 404: ZProblem },
        },
      },
      async (request, reply: FastifyReply) => {
        const { file, stream } = await openEvidence({
          db: app.db,
          dataDir: app.config.dataDir,
          orgId: request.auth.orgId,
          subject: subjectOf(request),
          fileId: (request.params as { fileId: string }).fileId,
        });
        return sendStoredFile(reply, file, stream);
      },
    );

    app.delete(
      `${definition.path}/:fileId`,
      {
        config: { permission: definition.permission },
        schema: {
          tags,
          summary: `Remove an evidence file of ${definition.noun}`,
          params: definition.fileParams,
          response: { 204: z.undefined(), ...problems },
        },
      },
      async (request, reply) => {
        await deleteEvidence({
          db: app.db,
          dataDir: app.config.dataDir,
          orgId: request.auth.orgId,
          subject: subjectOf(request),
          fileId: (request.params as { fileId: string }).fileId,
          actor: request.auth.actor,
        });
        return reply.status(204).send();
      },
    );
  }
};
