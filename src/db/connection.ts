import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { AppError } from '../domain/errors.js';
import { acquireDataDirLock } from './lock.js';
import { migratePglite, migratePostgres } from './migrate.js';
import * as schema from './schema.js';

export type Schema = typeof schema;

/**
 * What `db.execute(sql…)` resolves to on both drivers: PGlite's and node-postgres's results share
 * `rows`. (Drizzle's result kinds are higher-kinded through `this`, hence an interface.)
 */
export interface QueryRowsHKT extends PgQueryResultHKT {
  readonly type: QueryRows<this['row']>;
}
export type QueryRows<TRow> = { rows: TRow[] };

/** A database on either driver: repositories take this and never know which one runs. */
export type Database = PgDatabase<QueryRowsHKT, Schema>;

/** The `tx` of `db.transaction(async (tx) => …)`; it is a `Database` too. */
export type Transaction = PgTransaction<QueryRowsHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** Anything a repository can run queries on: the database itself or an open transaction. */
export type DbExecutor = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';

export type OpenDatabase = {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A postgres:// URL: use that PostgreSQL server. */
  databaseUrl?: string;
  /** Without a URL: embedded PostgreSQL (PGlite) kept in this directory; in memory when absent. */
  dataDir?: string;
  /** Apply pending migrations before returning; on by default. */
  migrate?: boolean;
};

/** PGlite's own files live in a sub-directory, beside the lock file. */
export const PGLITE_SUBDIRECTORY = 'pglite';

function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => {
    closing ??= close();
    return closing;
  };
}

async function openPostgres(databaseUrl: string, migrate: boolean): Promise<OpenDatabase> {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new AppError(
      'validation',
      'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/closeout.',
      { field: 'DATABASE_URL' },
    );
  }
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // Without a listener an idle connection dropped by the server would crash the process; the
  // pool discards that connection and the next query opens a new one.
  pool.on('error', (error) => process.emitWarning(error));
  try {
    if (migrate) await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    db: drizzleNodePg({ client: pool, schema }),
    kind: 'postgres',
    close: closeOnce(() => pool.end()),
  };
}

async function openPglite(dataDir: string | undefined, migrate: boolean): Promise<OpenDatabase> {
  let lock: ReturnType<typeof acquireDataDirLock> | null = null;
  let client: PGlite;
  try {
    if (dataDir === undefined) {
      client = await PGlite.create();
    } else {
      mkdirSync(dataDir, { recursive: true });
      lock = acquireDataDirLock(dataDir);
      client = await PGlite.create({ dataDir: resolve(join(dataDir, PGLITE_SUBDIRECTORY)) });
    }
  } catch (error) {
    lock?.release();
    throw error;
  }
  try {
    if (migrate) await migratePglite(client);
  } catch (error) {
    await client.close();
    lock?.release();
    throw error;
  }
  return {
    db: drizzlePglite({ client, schema }),
    kind: 'pglite',
    close: closeOnce(async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    }),
  };
}

/**
 * Opens Closeout's database: the PostgreSQL server at `databaseUrl`, otherwise PGlite in
 * `dataDir` (taken with a lock file so a second process cannot open it too).
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  const migrate = options.migrate ?? true;
  if (options.databaseUrl) return openPostgres(options.databaseUrl, migrate);
  return openPglite(options.dataDir, migrate);
}

/** DATABASE_URL when set, otherwise PGlite in CLOSEOUT_DATA_DIR (default ./data). */
export function openDatabaseFromEnv(
  options: { migrate?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<OpenDatabase> {
  const databaseUrl = env.DATABASE_URL?.trim();
  return openDatabase({
    ...options,
    ...(databaseUrl ? { databaseUrl } : { dataDir: env.CLOSEOUT_DATA_DIR?.trim() || './data' }),
  });
}
