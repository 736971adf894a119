import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { imports } from '../../db/schema.js';
import { AppError, invalid } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import {
  type ColumnMapping,
  detectFormat,
  ENTITY_DEFINITIONS,
  FORMAT_DEFINITIONS,
  formatsFor,
  IMPORT_ENTITIES,
  type ImportEntity,
  mappingProblems,
  suggestMapping,
} from '../../integrations/csv/formats.js';
import { readCsvHead } from '../../integrations/csv/parse.js';
import { enqueueJob } from '../../jobs/queue.js';
import {
  checkFormat,
  formatOf,
  headOf,
  type ImportRow,
  PREVIEW_ROWS,
  present,
  presentDetail,
  requireImport,
} from './present.js';
import type {
  TCreateImportQuery,
  TImportDetail,
  TImportFormats,
  TImportPage,
  TListImportsQuery,
  TUpdateImportRequest,
} from './schema.js';

/**
 * CSV imports before they run: an upload is kept under the data directory until it has been
 * imported; its format and column mapping can be changed until it starts; starting it queues the
 * `csv_import` job (run.ts runs it).
 */

/** The largest file an upload may be. */
const MAX_UPLOAD_BYTES = 1024 ** 3;

export const importFormats = (): TImportFormats => ({
  entities: IMPORT_ENTITIES.map((entity) => {
    const definition = ENTITY_DEFINITIONS[entity];
    return {
      entity,
      label: definition.label,
      fields: definition.fields.map(({ values, ...field }) => ({
        ...field,
        ...(values === undefined ? {} : { values: [...values] }),
      })),
      requireOneOf: definition.requireOneOf.map((group) => [...group]),
      formats: formatsFor(entity).map((format) => {
        const { label, source, columns } = FORMAT_DEFINITIONS[format];
        return {
          format,
          label,
          source,
          columns: Object.fromEntries(
            definition.fields.map((field) => [
              field.key,
              [...(columns[entity]?.[field.key] ?? []), field.key],
            ]),
          ),
        };
      }),
    };
  }),
});

/** Copies the upload to disk as it arrives, refusing it once it grows past the limit. */
async function saveUpload(body: Readable, path: string): Promise<number> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) {
        callback(invalid('body', 'The file is larger than 1 GB; split it into several files.'));
        return;
      }
      callback(null, chunk);
    },
  });
  await pipeline(body, counter, createWriteStream(path));
  return bytes;
}

export async function uploadImport(options: {
  db: Database;
  orgId: string;
  dataDir: string;
  query: TCreateImportQuery;
  body: Readable;
  actor: Actor;
}): Promise<TImportDetail> {
  const { db, orgId, query, actor } = options;
  if (query.format !== undefined) checkFormat(query.entity, query.format);
  const directory = join(options.dataDir, 'imports');
  await mkdir(directory, { recursive: true });
  const path = join(directory, `${randomUUID()}.csv`);
  try {
    const fileBytes = await saveUpload(options.body, path);
    // A file whose first rows cannot be read is refused now rather than when it is imported.
    const head = await readCsvHead(path, PREVIEW_ROWS);
    const format = query.format ?? detectFormat(query.entity, head.columns);
    const [row] = await db
      .insert(imports)
      .values({
        orgId,
        entity: query.entity,
        format,
        fileName: query.fileName,
        filePath: path,
        fileBytes,
        mapping: suggestMapping(query.entity, head.columns, format),
        createdBy: actor.name,
      })
      .returning();
    return presentDetail(db, row!);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

export async function getImport(options: {
  db: Database;
  orgId: string;
  importId: string;
}): Promise<TImportDetail> {
  const row = await requireImport(options.db, options.orgId, options.importId);
  return presentDetail(options.db, row);
}

export async function listImports(options: {
  db: Database;
  orgId: string;
  query: TListImportsQuery;
}): Promise<TImportPage> {
  const { db, orgId, query } = options;
  const conditions: SQL[] = [eq(imports.orgId, orgId)];
  if (query.entity) conditions.push(eq(imports.entity, query.entity));
  if (query.status) conditions.push(eq(imports.status, query.status));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(imports)
      .where(where)
      .orderBy(desc(imports.createdAt), desc(imports.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(imports).where(where),
  ]);
  return {
    items: rows.map(present),
    total: total?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

const notStartedYet = (row: ImportRow) => {
  if (row.status !== 'uploaded') {
    throw new AppError(
      'conflict',
      'This import has started already; upload the file again to change it.',
    );
  }
};

/** The file's column names, or a refusal when the upload is gone. */
async function columnsOf(row: ImportRow): Promise<string[]> {
  const head = await headOf(row);
  if (head === null) {
    throw new AppError('conflict', 'The uploaded file is no longer there; upload it again.');
  }
  return head.columns;
}

function requireUsableMapping(
  entity: ImportEntity,
  mapping: ColumnMapping,
  columns: string[],
): void {
  const problem = mappingProblems(entity, mapping, columns)[0];
  if (problem !== undefined) throw invalid(`mapping.${problem.field}`, problem.message);
}

export async function updateImport(options: {
  db: Database;
  orgId: string;
  importId: string;
  changes: TUpdateImportRequest;
}): Promise<TImportDetail> {
  const { db, orgId, importId, changes } = options;
  const row = await db.transaction(async (tx) => {
    const before = await requireImport(tx, orgId, importId, true);
    notStartedYet(before);
    const format = changes.format ?? formatOf(before.format);
    checkFormat(before.entity, format);
    const columns = await columnsOf(before);
    const mapping = changes.mapping ?? suggestMapping(before.entity, columns, format);
    if (changes.mapping !== undefined) requireUsableMapping(before.entity, mapping, columns);
    const [after] = await tx
      .update(imports)
      .set({ format, mapping })
      .where(and(eq(imports.orgId, orgId), eq(imports.id, importId)))
      .returning();
    return after!;
  });
  return presentDetail(db, row);
}

/** Throws away an upload that was never started. */
export async function discardImport(options: {
  db: Database;
  orgId: string;
  importId: string;
}): Promise<void> {
  const { db, orgId, importId } = options;
  const row = await db.transaction(async (tx) => {
    const found = await requireImport(tx, orgId, importId, true);
    notStartedYet(found);
    await tx.delete(imports).where(and(eq(imports.orgId, orgId), eq(imports.id, importId)));
    return found;
  });
  if (row.filePath !== null) await rm(row.filePath, { force: true });
}

const IMPORT_JOB_KIND = 'csv_import';

/** The job payload: which import, and who started it (who changes the records). */
type ImportJobPayload = { importId: string; actor: Actor };

export async function startImport(options: {
  db: Database;
  orgId: string;
  importId: string;
  actor: Actor;
}): Promise<TImportDetail> {
  const { db, orgId, importId, actor } = options;
  const row = await db.transaction(async (tx) => {
    const before = await requireImport(tx, orgId, importId, true);
    notStartedYet(before);
    requireUsableMapping(before.entity, before.mapping, await columnsOf(before));
    const payload: ImportJobPayload = { importId, actor };
    const jobId = await enqueueJob(tx, {
      orgId,
      kind: IMPORT_JOB_KIND,
      payload,
      dedupeKey: `csv_import:${importId}`,
      maxAttempts: 3,
    });
    const [after] = await tx
      .update(imports)
      .set({ status: 'queued', jobId, message: null })
      .where(and(eq(imports.orgId, orgId), eq(imports.id, importId)))
      .returning();
    return after!;
  });
  return presentDetail(db, row);
}
