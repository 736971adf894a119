import { stat } from 'node:fs/promises';
import type { Database, Transaction } from '../../db/connection.js';
import { ClientDirectory } from './clients.js';
import { ImportFileError } from './errors.js';
import {
  type ColumnMapping,
  FORMAT_DEFINITIONS,
  type ImportEntity,
  type ImportFormat,
  mappingProblems,
} from './formats.js';
import { type CsvRecord, fileErrorOf, readCsv } from './parse.js';
import { RECORD_SPECS } from './records.js';
import { type RowError, RowReader } from './rows.js';
import {
  type ColumnBatch,
  clearBatch,
  emptyBatch,
  type ImportTotals,
  recordRowErrors,
  recordTotals,
  upsertFor,
} from './writers.js';

/**
 * Runs one import from a file: the file streams through the parser, each row is read through
 * the mapping, and every `batchSize` rows are written in their own transaction together with the
 * rows refused and the running totals. While one batch is being written the next is read, and
 * no more than that: memory stays the same whatever the file's size. A batch that is written
 * stays written if a later one fails; importing the file again changes only what is different.
 */

export const DEFAULT_BATCH_SIZE = 5_000;

export type ImportProgress = ImportTotals & { fileBytes: number };

export type RunImportOptions = {
  db: Database;
  orgId: string;
  /** The `imports` row the refused rows and the totals are recorded on. */
  importId: string;
  path: string;
  entity: ImportEntity;
  format: ImportFormat;
  mapping: ColumnMapping;
  batchSize?: number;
  /** Inside each batch's transaction, once its records are written. */
  afterBatch?: (tx: Transaction, written: { clientIds: string[] }) => Promise<void>;
  /** After each batch is committed. */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
};

type PendingBatch = {
  records: ColumnBatch;
  /**
   * Hashes of the external ids in the batch. A row whose id may already be in it goes into the
   * next batch, after it (one statement cannot write a record twice); a rare false alarm only
   * ends a batch early.
   */
  externalIds: Set<number>;
  errors: RowError[];
  failedRows: number;
  rowsRead: number;
  bytesRead: number;
};

/** FNV-1a, kept to 30 bits so the set holds small integers rather than the ids themselves. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash & 0x3fffffff;
}

export async function runImport(options: RunImportOptions): Promise<ImportProgress> {
  const { db, orgId, importId, path, entity, format, mapping } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const spec = RECORD_SPECS[entity];
  const { source } = FORMAT_DEFINITIONS[format];
  const fileBytes = await stat(path).then(
    (stats) => stats.size,
    (error: unknown) => {
      throw fileErrorOf(error);
    },
  );
  const clients = await ClientDirectory.load(db, orgId, source);
  const context = { clients, now: new Date().toISOString() };
  const totals: ImportTotals = {
    bytesRead: 0,
    rowsRead: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
  };

  const reader = readCsv(path);
  try {
    const first = await reader.chunks.next();
    const [header, ...firstRows] = first.done === true ? [] : first.value;
    if (header === undefined) {
      throw new ImportFileError('The file is empty: its first line should name the columns.');
    }
    const columns = header.cells.map((cell) => cell.trim());
    const problem = mappingProblems(entity, mapping, columns)[0];
    if (problem !== undefined) {
      throw new ImportFileError(problem.message, { field: `mapping.${problem.field}` });
    }
    const rows = new RowReader(mapping, columns);
    const upsert = upsertFor(spec, (field) => rows.isMapped(field));

    const write = async (batch: PendingBatch): Promise<void> => {
      await db.transaction(async (tx) => {
        const valid = batch.records.externalIds.length;
        const outcome =
          valid === 0
            ? { created: 0, updated: 0, clientIds: [] }
            : await upsert(tx, { orgId, source }, batch.records);
        totals.bytesRead = batch.bytesRead;
        totals.rowsRead += batch.rowsRead;
        totals.created += outcome.created;
        totals.updated += outcome.updated;
        totals.unchanged += valid - outcome.created - outcome.updated;
        totals.failed += batch.failedRows;
        await recordRowErrors(tx, { orgId, importId }, batch.errors);
        await recordTotals(tx, { orgId, importId }, totals);
        if (outcome.clientIds.length > 0) await options.afterBatch?.(tx, outcome);
      });
      await options.onProgress?.({ ...totals, fileBytes });
    };

    // Two sets of column buffers take turns: one is written while the other fills.
    const spare: ColumnBatch[] = [emptyBatch(spec)];
    let batch = newBatch(emptyBatch(spec));
    let writing: Promise<void> = Promise.resolve();
    const flush = async (bytesRead: number) => {
      const full = { ...batch, bytesRead };
      await writing;
      batch = newBatch(spare.pop()!);
      writing = write(full).finally(() => {
        clearBatch(full.records);
        spare.push(full.records);
      });
      // Awaited before the next batch or at the end; until then a failure must not go unhandled.
      writing.catch(() => undefined);
    };
    const readRows = async (records: CsvRecord[]) => {
      for (const record of records) {
        rows.begin(record);
        const read = spec.read(rows, context);
        const hash = read === null ? 0 : hashOf(read.externalId);
        if (read !== null && batch.externalIds.has(hash)) await flush(reader.bytesRead());
        batch.rowsRead += 1;
        if (read === null) {
          batch.failedRows += 1;
          batch.errors.push(...rows.errors);
        } else {
          batch.externalIds.add(hash);
          batch.records.externalIds.push(read.externalId);
          for (let index = 0; index < read.values.length; index += 1) {
            batch.records.columns[index]!.push(read.values[index]);
          }
        }
        if (batch.rowsRead >= batchSize) await flush(reader.bytesRead());
      }
    };

    try {
      await readRows(firstRows);
      for await (const chunk of reader.chunks) {
        await readRows(chunk);
        // Between chunks the event loop answers the database, so a batch's statements are not
        // kept waiting while the next batch is read.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await flush(fileBytes);
      await writing;
    } catch (error) {
      await writing.catch(() => undefined);
      throw error;
    }
  } finally {
    reader.close();
  }
  return { ...totals, fileBytes };
}

function newBatch(records: ColumnBatch): PendingBatch {
  return {
    records,
    externalIds: new Set(),
    errors: [],
    failedRows: 0,
    rowsRead: 0,
    bytesRead: 0,
  };
}
