import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { importRowErrors } from '../../db/schema.js';
import { requireImport } from './present.js';

/** The error report: every row an import refused, as CSV. */

const ERROR_PAGE = 5_000;

/** Every refused row in file order, read a page at a time. */
async function* rowErrors(db: Database, orgId: string, importId: string) {
  let lastId = 0;
  for (;;) {
    const page = await db
      .select({
        id: importRowErrors.id,
        line: importRowErrors.line,
        column: importRowErrors.column,
        message: importRowErrors.message,
      })
      .from(importRowErrors)
      .where(
        and(
          eq(importRowErrors.orgId, orgId),
          eq(importRowErrors.importId, importId),
          gt(importRowErrors.id, lastId),
        ),
      )
      .orderBy(asc(importRowErrors.id))
      .limit(ERROR_PAGE);
    for (const error of page) yield [error.line, error.column ?? '', error.message];
    if (page.length < ERROR_PAGE) return;
    lastId = page[page.length - 1]!.id;
  }
}

/**
 * The error report as CSV (line, column, message), streamed from the database a page at a
 * time. Rows are written in the order they were refused, which is the file's order.
 */
export async function importErrorsCsv(options: {
  db: Database;
  orgId: string;
  importId: string;
}): Promise<{ fileName: string; csv: Readable }> {
  const { db, orgId, importId } = options;
  const row = await requireImport(db, orgId, importId);
  const csv = Readable.from(rowErrors(db, orgId, importId)).pipe(
    stringify({ header: true, columns: ['line', 'column', 'message'] }),
  );
  const base = row.fileName.replace(/\.csv$/i, '');
  return { fileName: `${base}-errors.csv`, csv };
}
