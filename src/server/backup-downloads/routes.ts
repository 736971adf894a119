import { finished } from 'node:stream/promises';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
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
  ZBackupCopyFileParams,
  ZBackupDownloadLink,
  ZBackupDownloadState,
  ZCreateDownloadLinkRequest,
  ZCreatedDownloadLink,
  ZDownloadLinkParams,
  ZDownloadTokenParams,
  ZUploadQuery,
} from './schema.js';
import {
  backupDownloadState,
  createBackupDownloadLink,
  revokeBackupDownloadLink,
  type StartedDownload,
  startLinkDownload,
  startStaffDownload,
  uploadBackupArchive,
} from './service.js';

const tags = ['Backup downloads'];
const problems = { 400: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };

const requestFacts = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? '',
});

/**
 * Streams the archive and marks the download completed once every byte has gone out; a
 * download that breaks off stays recorded as not completed.
 */
function sendDownload(reply: FastifyReply, download: StartedDownload, log: FastifyBaseLogger) {
  const { stream, file } = download;
  finished(reply.raw)
    .then(() => (stream.bytesRead === file.sizeBytes ? download.complete() : undefined))
    .catch((error: unknown) => log.warn({ err: error }, 'backup download did not complete'));
  return sendStoredFile(reply, file, stream);
}

const copyPath = '/:closeoutId/backup-copies/:copyId';

/** Staff: a backup copy's archive, its download links and its downloads, under /closeouts. */
export const backupArchiveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    `${copyPath}/download`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "A backup copy's download hand-over: its archive, links and downloads",
        params: ZBackupCopyFileParams,
        response: { 200: ZBackupDownloadState, 404: ZProblem },
      },
    },
    (request) =>
      backupDownloadState({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
        copyId: request.params.copyId,
      }),
  );

  await app.register(async (uploads) => {
    rawUpload(uploads);
    uploads.withTypeProvider<ZodTypeProvider>().put(
      `${copyPath}/archive`,
      {
        config: { permission: 'closeout.handover' },
        schema: {
          tags,
          summary: 'Upload the archive of a backup copy handed over by download link',
          description:
            'Send the archive itself as the body (`Content-Type: application/octet-stream`) and its name in `fileName`. It must be exactly the file the copy was recorded from: its size and SHA-256 are checked against the copy (400 naming `file` otherwise). Archives only: ZIP, 7-Zip, RAR, tar, gzip, bzip2, xz, Zstandard, or age / ASCII-armoured OpenPGP encryption (415 otherwise). A second upload replaces the first.',
          params: ZBackupCopyFileParams,
          querystring: ZUploadQuery,
          consumes: ['application/octet-stream'],
          body: ZBinaryUpload,
          response: { 200: ZBackupDownloadState, ...problems, 413: ZProblem, 415: ZProblem },
        },
      },
      (request) =>
        uploadBackupArchive({
          db: app.db,
          files: app.config,
          orgId: request.auth.orgId,
          closeoutId: request.params.closeoutId,
          copyId: request.params.copyId,
          fileName: request.query.fileName,
          body: uploadBody(request),
          declaredBytes: declaredLength(request),
          actor: request.auth.actor,
        }),
    );
  });

  app.get(
    `${copyPath}/archive`,
    {
      // The client's whole backup: only those who hand it over may take a copy.
      config: { permission: 'closeout.handover' },
      schema: {
        tags,
        summary: 'Download the archive of a backup copy (recorded as a download by staff)',
        params: ZBackupCopyFileParams,
        produces: ['application/octet-stream'],
        response: { 200: ZBinaryDownload, 403: ZProblem, 404: ZProblem },
      },
    },
    async (request, reply) => {
      const download = await startStaffDownload({
        db: app.db,
        dataDir: app.config.dataDir,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
        copyId: request.params.copyId,
        downloader: { name: request.auth.actor.name, kind: 'user', ...requestFacts(request) },
      });
      return sendDownload(reply, download, request.log);
    },
  );

  app.post(
    `${copyPath}/download-links`,
    {
      config: { permission: 'closeout.handover' },
      schema: {
        tags,
        summary: 'Create an expiring link to download the archive',
        description:
          'The answer carries the token and the public URL once; only the token’s hash is kept. A week unless `ttlHours` says otherwise, at most 30 days (720 hours).',
        params: ZBackupCopyFileParams,
        body: ZCreateDownloadLinkRequest,
        response: { 201: ZCreatedDownloadLink, ...problems },
      },
    },
    async (request, reply) => {
      const { link, token, path } = await createBackupDownloadLink({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
        backupCopyId: request.params.copyId,
        createdBy: request.auth.actor,
        ttlHours: request.body.ttlHours,
      });
      const url = new URL(path, app.config.publicUrl).toString();
      return reply.status(201).send({ ...link, token, url });
    },
  );

  app.post(
    `${copyPath}/download-links/:linkId/revoke`,
    {
      config: { permission: 'closeout.handover' },
      schema: {
        tags,
        summary: 'Revoke a download link: it downloads nothing from now on',
        params: ZDownloadLinkParams,
        response: { 200: ZBackupDownloadLink, ...problems },
      },
    },
    (request) =>
      revokeBackupDownloadLink({
        db: app.db,
        orgId: request.auth.orgId,
        closeoutId: request.params.closeoutId,
        copyId: request.params.copyId,
        linkId: request.params.linkId,
        actor: request.auth.actor,
      }),
  );
};

/** Public: whoever holds a link's token downloads the archive, under /backup-downloads. */
export const backupDownloadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Download a backup archive through an expiring link',
        description:
          'No sign-in: the token is the key. 410 when the link expired or was revoked. Every download is recorded (address, browser, whether it completed).',
        params: ZDownloadTokenParams,
        produces: ['application/octet-stream'],
        response: { 200: ZBinaryDownload, 400: ZProblem, 404: ZProblem, 410: ZProblem },
      },
    },
    async (request, reply) => {
      const download = await startLinkDownload({
        db: app.db,
        dataDir: app.config.dataDir,
        token: request.params.token,
        downloader: requestFacts(request),
      });
      return sendDownload(reply, download, request.log);
    },
  );
};
