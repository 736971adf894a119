import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbExecutor } from '../db/connection.js';
import { AppError } from '../domain/errors.js';

/**
 * Multi-row inserts that send one array per column (`insert … select * from unnest(…)`), so a
 * thousand rows are a dozen parameters rather than thousands: building a statement with one
 * parameter per value costs more than PostgreSQL takes to store the rows. Values are mapped by
 * each column's own driver mapping, as an ordinary insert would. Every row must name the same
 * columns (unnest has no DEFAULT), and array columns cannot be sent this way.
 */

const BATCH_SIZE = 1_000;

function columnArray<TRow extends Record<string, unknown>>(
  rows: readonly TRow[],
  key: string,
  column: PgColumn,
): SQL {
  const type = column.getSQLType();
  if (type.endsWith(']')) {
    throw new AppError('internal', `Column ${column.name} is an array; insert it row by row.`);
  }
  const values = rows.map((row) => {
    const value = row[key];
    return value === null || value === undefined ? null : column.mapToDriverValue(value);
  });
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

export async function insertByColumns<TTable extends PgTable>(
  tx: DbExecutor,
  table: TTable,
  rows: readonly TTable['$inferInsert'][],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first).filter((key) => key in columns);
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE) as Record<string, unknown>[];
    const names = sql.join(
      keys.map((key) => sql.identifier(columns[key]!.name)),
      sql`, `,
    );
    const arrays = sql.join(
      keys.map((key) => columnArray(batch, key, columns[key]!)),
      sql`, `,
    );
    await tx.execute(sql`insert into ${table} (${names}) select * from unnest(${arrays})`);
  }
}
