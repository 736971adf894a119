import { existsSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connection.js';
import { importRowErrors, imports } from '../../db/schema.js';
import { invalid, notFound } from '../../domain/errors.js';
import { ClientDirectory } from '../../integrations/csv/clients.js';
import {
  ENTITY_DEFINITIONS,
  FORMAT_DEFINITIONS,
  formatsFor,
  type ImportEntity,
  type ImportFormat,
  mappingProblems,
} from '../../integrations/csv/formats.js';
import { type CsvHead, readCsvHead } from '../../integrations/csv/parse.js';
import { RECORD_SPECS } from '../../integrations/csv/records.js';
import { RowReader } from '../../integrations/csv/rows.js';
import type { TImportDetail, TImportSummary } from './schema.js';

/** An import as the API shows it, and the lookups every operation on one starts with. */

export type ImportRow = typeof imports.$inferSelect;

export const PREVIEW_ROWS = 10;
const FIRST_ERRORS = 20;

/** The `format` column holds one of IMPORT_FORMATS: it is only ever written from one. */
export const formatOf = (value: string): ImportFormat => value as ImportFormat;

export function present(row: ImportRow): TImportSummary {
  const format = formatOf(row.format);
  return {
    id: row.id,
    entity: row.entity,
    format,
    source: FORMAT_DEFINITIONS[format].source,
    fileName: row.fileName,
    status: row.status,
    progress: {
      bytesRead: row.bytesRead,
      fileBytes: row.fileBytes,
      rowsRead: row.rowsRead,
      fraction: row.fileBytes === 0 ? 1 : Math.min(1, row.bytesRead / row.fileBytes),
    },
    counts: {
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      failed: row.failed,
    },
    message: row.message,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function requireImport(
  db: DbExecutor,
  orgId: string,
  importId: string,
  forUpdate = false,
): Promise<ImportRow> {
  const query = db
    .select()
    .from(imports)
    .where(and(eq(imports.orgId, orgId), eq(imports.id, importId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (row === undefined) throw notFound('The import');
  return row;
}

/** The file's head while it is kept; null once the import has run and the file is gone. */
export async function headOf(row: ImportRow): Promise<CsvHead | null> {
  if (row.filePath === null || !existsSync(row.filePath)) return null;
  return readCsvHead(row.filePath, PREVIEW_ROWS);
}

async function previewOf(
  db: DbExecutor,
  row: ImportRow,
  head: CsvHead,
): Promise<TImportDetail['preview']> {
  const format = formatOf(row.format);
  const clients = await ClientDirectory.load(db, row.orgId, FORMAT_DEFINITIONS[format].source);
  const reader = new RowReader(row.mapping, head.columns);
  const spec = RECORD_SPECS[row.entity];
  const context = { clients, now: new Date().toISOString() };
  return head.rows.map((record) => {
    reader.begin(record);
    spec.read(reader, context);
    return { line: record.line, values: record.cells, errors: [...reader.errors] };
  });
}

export async function presentDetail(db: DbExecutor, row: ImportRow): Promise<TImportDetail> {
  const head = await headOf(row);
  const errors = await db
    .select({
      line: importRowErrors.line,
      column: importRowErrors.column,
      message: importRowErrors.message,
    })
    .from(importRowErrors)
    .where(and(eq(importRowErrors.orgId, row.orgId), eq(importRowErrors.importId, row.id)))
    .orderBy(asc(importRowErrors.line), asc(importRowErrors.id))
    .limit(FIRST_ERRORS);
  return {
    ...present(row),
    mapping: row.mapping,
    columns: head?.columns ?? null,
    preview: head === null ? null : await previewOf(db, row, head),
    mappingProblems: head === null ? [] : mappingProblems(row.entity, row.mapping, head.columns),
    firstErrors: errors,
  };
}

export function checkFormat(entity: ImportEntity, format: ImportFormat): void {
  if (!formatsFor(entity).includes(format)) {
    throw invalid(
      'format',
      `${FORMAT_DEFINITIONS[format].label} files hold tickets; import ${ENTITY_DEFINITIONS[entity].label.toLowerCase()} in the generic format.`,
    );
  }
}
