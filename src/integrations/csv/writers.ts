import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connection.js';
import { importRowErrors, imports } from '../../db/schema.js';
import type { RecordSpec } from './records.js';
import type { RowError } from './rows.js';

/**
 * Writing one batch: its records in ONE statement (`insert … select … from unnest(…)`, one array
 * per column, so five thousand rows are a dozen parameters), as an upsert by (organisation,
 * source, external id) that leaves a record alone unless a value really changes; then the rows
 * it refused, and the import's running totals. The caller runs all three in one transaction.
 */

/** PostgreSQL's binary array header: dimensions, null flag, element type, length, lower bound. */
const ARRAY_HEADER_BYTES = 20;
const TEXT_TYPE_OID = 25;

/**
 * One column of a batch, written as PostgreSQL's binary `text[]` as the rows arrive. The values
 * sit outside the JavaScript heap in a buffer used batch after batch, so a batch of thousands of
 * rows leaves nothing for the garbage collector to carry into its old generation; memory stays
 * flat however long the file.
 */
export class TextArrayColumn {
  #buffer = Buffer.allocUnsafe(64 * 1024);
  #offset = ARRAY_HEADER_BYTES;
  #count = 0;
  #hasNull = false;

  get length(): number {
    return this.#count;
  }

  push(value: unknown): void {
    this.#count += 1;
    if (value === null || value === undefined) {
      this.#hasNull = true;
      this.#ensure(4);
      this.#buffer.writeInt32BE(-1, this.#offset);
      this.#offset += 4;
      return;
    }
    const text = typeof value === 'string' ? value : String(value);
    // At most three bytes of UTF-8 per UTF-16 unit.
    this.#ensure(4 + text.length * 3);
    const written = this.#buffer.write(text, this.#offset + 4, 'utf8');
    this.#buffer.writeInt32BE(written, this.#offset);
    this.#offset += 4 + written;
  }

  /** The column as a bind parameter for `$n::text[]`; valid until `clear`. */
  encoded(): Buffer {
    const buffer = this.#buffer;
    buffer.writeInt32BE(1, 0);
    buffer.writeInt32BE(this.#hasNull ? 1 : 0, 4);
    buffer.writeInt32BE(TEXT_TYPE_OID, 8);
    buffer.writeInt32BE(this.#count, 12);
    buffer.writeInt32BE(1, 16);
    return buffer.subarray(0, this.#offset);
  }

  clear(): void {
    this.#offset = ARRAY_HEADER_BYTES;
    this.#count = 0;
    this.#hasNull = false;
  }

  #ensure(bytes: number): void {
    if (this.#offset + bytes <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#offset + bytes));
    this.#buffer.copy(grown, 0, 0, this.#offset);
    this.#buffer = grown;
  }
}

/** A batch as the statement takes it: one array per column. */
export type ColumnBatch = {
  externalIds: TextArrayColumn;
  columns: TextArrayColumn[];
};

export const emptyBatch = (spec: RecordSpec): ColumnBatch => ({
  externalIds: new TextArrayColumn(),
  columns: spec.columns.map(() => new TextArrayColumn()),
});

export const clearBatch = (batch: ColumnBatch): void => {
  batch.externalIds.clear();
  for (const column of batch.columns) column.clear();
};

export type UpsertOutcome = {
  created: number;
  updated: number;
  /** The clients whose records were created or changed (for records that belong to a client). */
  clientIds: string[];
};

export type Upsert = (
  tx: DbExecutor,
  scope: { orgId: string; source: string },
  batch: ColumnBatch,
) => Promise<UpsertOutcome>;

/**
 * The upsert for this kind of record, given which fields the file maps: a column no mapped
 * field feeds keeps an existing record's value (a new record gets the default the spec reads).
 */
export function upsertFor(spec: RecordSpec, isMapped: (field: string) => boolean): Upsert {
  const names = spec.columns.map((column) => column.name);
  const written = spec.columns.filter(
    (column) => column.from.length === 0 || column.from.some(isMapped),
  );
  const updateOf = (column: (typeof written)[number]) => column.update ?? `excluded.${column.name}`;
  const setList = [
    ...written.map((column) => `${column.name} = ${updateOf(column)}`),
    ...(spec.stampsUpdatedAt ? ['updated_at = now()'] : []),
  ].join(', ');
  const current = written.map((column) => `t.${column.name}`).join(', ');
  const proposed = written.map(updateOf).join(', ');
  const inserted = spec.columns.map((column) => column.insert ?? `v.${column.name}`).join(', ');
  const hasClient = names.includes('client_id');
  const table = sql.raw(spec.table);

  return async (tx, { orgId, source }, batch) => {
    const arrays = sql.join(
      [
        sql`${sql.param(batch.externalIds.encoded())}::text[]`,
        ...spec.columns.map((column, index) => {
          const text = sql`${sql.param(batch.columns[index]!.encoded())}::text[]`;
          return column.type === 'text' ? text : sql`${text}::${sql.raw(column.type)}[]`;
        }),
      ],
      sql`, `,
    );
    const existing: SQL = spec.readsExisting
      ? sql`left join ${table} e on e.org_id = ${orgId}::uuid and e.source = ${source} and e.external_id = v.external_id`
      : sql``;
    const { rows } = await tx.execute<{
      created: number;
      updated: number;
      client_ids: string[];
    }>(sql`
      with v (external_id, ${sql.raw(names.join(', '))}) as (select * from unnest(${arrays})),
      written as (
        insert into ${table} as t (org_id, source, external_id, ${sql.raw(names.join(', '))})
        select ${orgId}::uuid, ${source}, v.external_id, ${sql.raw(inserted)}
        from v ${existing}
        on conflict (org_id, source, external_id) do update set ${sql.raw(setList)}
        where (${sql.raw(current)}) is distinct from (${sql.raw(proposed)})
        returning (t.xmax = 0) as created${sql.raw(hasClient ? ', t.client_id' : ', null::uuid as client_id')}
      )
      select count(*) filter (where created)::int as created,
        count(*) filter (where not created)::int as updated,
        coalesce(array_agg(distinct client_id) filter (where client_id is not null), '{}') as client_ids
      from written`);
    const outcome = rows[0]!;
    return {
      created: Number(outcome.created),
      updated: Number(outcome.updated),
      clientIds: clientIdsOf(outcome.client_ids),
    };
  };
}

/** node-postgres parses a uuid[] into an array; PGlite may hand over its text form. */
function clientIdsOf(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',');
}

export async function recordRowErrors(
  tx: DbExecutor,
  scope: { orgId: string; importId: string },
  errors: readonly RowError[],
): Promise<void> {
  if (errors.length === 0) return;
  await tx.execute(sql`
    insert into ${importRowErrors} (org_id, import_id, line, "column", message)
    select ${scope.orgId}::uuid, ${scope.importId}::uuid, *
    from unnest(
      ${sql.param(errors.map((error) => error.line))}::int[],
      ${sql.param(errors.map((error) => error.column))}::text[],
      ${sql.param(errors.map((error) => error.message))}::text[]
    )`);
}

export type ImportTotals = {
  bytesRead: number;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
};

export async function recordTotals(
  tx: DbExecutor,
  scope: { orgId: string; importId: string },
  totals: ImportTotals,
): Promise<void> {
  await tx
    .update(imports)
    .set(totals)
    .where(and(eq(imports.orgId, scope.orgId), eq(imports.id, scope.importId)));
}
