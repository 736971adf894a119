import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid } from '../domain/errors.js';
import { attachmentDisposition } from './names.js';
import type { TStoredFile } from './schema.js';

/**
 * Files over HTTP. An upload is the file itself as the request body, streamed to disk as it
 * arrives: no multipart parsing, no buffering, one file per request, and a browser can report
 * its progress. A download is always an attachment the browser may not sniff.
 */

const binary = (description: string) =>
  z
    .custom<Readable>((value) => value instanceof Readable)
    .meta({ type: 'string', format: 'binary', description });

export const ZBinaryUpload = binary('The file itself.');
export const ZBinaryDownload = binary('The file, as an attachment.');

/**
 * In the plugin that calls it, every body arrives as a stream whatever its content type: even
 * `text/plain` or `application/json` files are stored, not parsed. Requests that send no body
 * are unaffected.
 */
export function rawUpload(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
}

/** The upload body as a stream, or a 400 naming the body when none was sent. */
export function uploadBody(request: FastifyRequest): Readable {
  if (!(request.body instanceof Readable)) {
    throw invalid('file', 'Send the file itself as the request body.');
  }
  return request.body;
}

/** The Content-Length the client declared, when it declared one. */
export function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  const value = header === undefined ? Number.NaN : Number(header);
  return Number.isSafeInteger(value) ? value : undefined;
}

export function sendStoredFile(
  reply: FastifyReply,
  file: Pick<TStoredFile, 'fileName' | 'contentType' | 'sizeBytes'>,
  stream: Readable,
): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(stream);
}
