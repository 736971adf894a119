import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoredFilePurpose } from '../db/schema.js';
import { AppError, notFound } from '../domain/errors.js';
import { type Identified, identifyFile } from './identify.js';
import { HEAD_BYTES } from './kinds.js';
import { safeFileName } from './names.js';

/**
 * Uploaded files on disk: `<dataDir>/files/<orgId>/<fileId>`, their facts in `stored_files`.
 * An upload streams to a temporary file beside its final place, counting its size and SHA-256
 * on the way, and is renamed into place only once complete and accepted, so a file under its
 * final name is always whole.
 */

export type SavedFile = Identified & { sizeBytes: number; sha256: string };

export type SaveFileOptions = {
  dataDir: string;
  orgId: string;
  fileId: string;
  purpose: StoredFilePurpose;
  /** As the user named it; made safe and checked against the content. */
  fileName: string;
  source: Readable;
  maxBytes: number;
  /** The request's Content-Length, when it sent one: too large is refused before reading. */
  declaredBytes?: number | undefined;
};

/**
 * After a refusal the rest of the upload is read and thrown away, so the client can read our
 * answer on a connection still in good order; past this much it is cut off instead.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from our own database; checked anyway so no value can reach outside the folder. */
export function storedFilePath(dataDir: string, orgId: string, fileId: string): string {
  if (!UUID.test(orgId) || !UUID.test(fileId)) throw notFound('The file');
  return join(dataDir, 'files', orgId, fileId);
}

const megabytes = (bytes: number) => {
  const value = bytes / 1024 / 1024;
  return value >= 1024 ? `${Math.round(value / 102.4) / 10} GB` : `${Math.round(value)} MB`;
};

export const tooLarge = (maxBytes: number) =>
  new AppError('too_large', `The file is larger than the ${megabytes(maxBytes)} allowed.`, {
    field: 'file',
  });

/** Counts, hashes and inspects the bytes as they pass; after a refusal it passes nothing on. */
class UploadInspector extends Transform {
  bytes = 0;
  refusal: unknown = null;
  identified: Identified | null = null;
  private readonly hash: Hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private drained = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly identify: (head: Buffer) => Identified,
  ) {
    super();
  }

  /** Known once the whole upload has passed. */
  sha256 = '';

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    if (this.refusal !== null) {
      this.drained += chunk.length;
      callback(this.drained > DRAIN_LIMIT_BYTES ? (this.refusal as Error) : null);
      return;
    }
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.refusal = tooLarge(this.maxBytes);
      callback();
      return;
    }
    this.hash.update(chunk);
    if (this.identified === null) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_BYTES) this.decide();
    }
    callback(null, this.refusal === null ? chunk : undefined);
  }

  override _flush(callback: TransformCallback) {
    if (this.refusal === null && this.identified === null) this.decide();
    this.sha256 = this.hash.digest('hex');
    callback();
  }

  private decide() {
    try {
      this.identified = this.identify(Buffer.concat(this.head).subarray(0, HEAD_BYTES));
    } catch (error) {
      this.refusal = error;
    }
    this.head = [];
  }
}

export async function saveFile(options: SaveFileOptions): Promise<SavedFile> {
  const { maxBytes, purpose } = options;
  const fileName = safeFileName(options.fileName);
  if (fileName === '')
    throw new AppError('validation', 'Give the file a name.', { field: 'fileName' });
  if (options.declaredBytes !== undefined && options.declaredBytes > maxBytes) {
    throw tooLarge(maxBytes);
  }
  const path = storedFilePath(options.dataDir, options.orgId, options.fileId);
  const partial = `${path}.part`;
  await mkdir(join(options.dataDir, 'files', options.orgId), { recursive: true });
  const inspector = new UploadInspector(maxBytes, (head) => identifyFile(purpose, head, fileName));
  try {
    await pipeline(options.source, inspector, createWriteStream(partial, { flags: 'wx' }));
    if (inspector.refusal !== null) throw inspector.refusal;
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { ...inspector.identified!, sizeBytes: inspector.bytes, sha256: inspector.sha256 };
}

/** The file's bytes, or 404 when they are gone from disk. */
export async function openStoredFile(
  dataDir: string,
  orgId: string,
  fileId: string,
): Promise<ReadStream> {
  const path = storedFilePath(dataDir, orgId, fileId);
  try {
    await stat(path);
  } catch {
    throw new AppError('not_found', 'The file is no longer on the server.');
  }
  return createReadStream(path);
}

export async function removeStoredFile(
  dataDir: string,
  orgId: string,
  fileId: string,
): Promise<void> {
  await rm(storedFilePath(dataDir, orgId, fileId), { force: true });
}
