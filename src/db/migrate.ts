import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePgliteDatabase } from 'drizzle-orm/pglite/migrator';
import type { Pool } from 'pg';

/**
 * The drizzle-kit migrations folder at the repository root. Both src/db/ (tsx, vitest) and
 * dist/db/ (after the build) sit two levels below it.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Serialises Closeout processes that start against the same PostgreSQL database at once. */
const MIGRATION_LOCK_KEY = 7_340_112_001;

export async function migratePglite(client: PGlite): Promise<void> {
  await migratePgliteDatabase(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
}

export async function migratePostgres(pool: Pool): Promise<void> {
  // An advisory lock belongs to a session, so the lock and the migrations share one connection.
  const connection = await pool.connect();
  try {
    const db = drizzleNodePg({ client: connection });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    connection.release();
  }
}
