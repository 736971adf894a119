import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableName, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/database.js';
import { insertOrganisation } from '../../test/support/factories.js';
import { withDatabase } from '../../test/support/template.js';
import {
  type Database,
  type OpenDatabase,
  openDatabase,
  openDatabaseFromEnv,
} from './connection.js';
import { LOCK_FILE_NAME } from './lock.js';
import { MIGRATIONS_FOLDER } from './migrate.js';
import * as schema from './schema.js';

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
const migrationCount: number = journal.entries.length;
const schemaTables = Object.values(schema)
  .filter((value) => value instanceof PgTable)
  .map((table) => getTableName(table))
  .sort();

async function appliedMigrations(db: Database): Promise<number> {
  const result = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return result.rows[0]!.count;
}

async function publicTables(db: Database): Promise<string[]> {
  const result = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' order by table_name`,
  );
  return result.rows.map((row) => row.name);
}

describe('the migrations', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('are found beside the source, in the repository drizzle folder', () => {
    expect(existsSync(join(MIGRATIONS_FOLDER, '0000_initial.sql'))).toBe(true);
    expect(existsSync(join(MIGRATIONS_FOLDER, '0001_audit_append_only.sql'))).toBe(true);
    expect(migrationCount).toBeGreaterThanOrEqual(2);
  });

  it('create every table of the schema and record each migration once', async () => {
    expect(await publicTables(database.db)).toEqual(schemaTables);
    expect(await appliedMigrations(database.db)).toBe(migrationCount);
  });
});

describe('PGlite in a data directory', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'closeout-migrate-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates a new directory, keeps the data on disk and migrates nothing twice', async () => {
    const lockPath = join(dataDir, LOCK_FILE_NAME);
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
    await expect(openDatabase({ dataDir })).rejects.toMatchObject({ code: 'locked' });
    const organisation = await insertOrganisation(first.db, { name: 'Kept on disk' });
    await first.close();
    expect(existsSync(lockPath)).toBe(false);

    const second = await openDatabase({ dataDir });
    try {
      expect(await appliedMigrations(second.db)).toBe(migrationCount);
      const rows = await second.db.query.organisations.findMany();
      expect(rows.map((row) => [row.id, row.name])).toEqual([[organisation.id, 'Kept on disk']]);
    } finally {
      await second.close();
    }
  }, 120_000);
});

describe('opening from the environment', () => {
  it('uses PGlite in CLOSEOUT_DATA_DIR when DATABASE_URL is not set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'closeout-env-'));
    // A live holder makes the open stop at the lock, which proves the directory was chosen.
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${process.ppid}\n`);
    try {
      await expect(
        openDatabaseFromEnv({}, { CLOSEOUT_DATA_DIR: dataDir, DATABASE_URL: ' ' }),
      ).rejects.toMatchObject({
        code: 'locked',
        message: expect.stringContaining(`The data directory ${dataDir} is in use`),
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', async () => {
    await expect(
      openDatabaseFromEnv({}, { DATABASE_URL: 'mysql://root@localhost/closeout' }),
    ).rejects.toMatchObject({ code: 'validation', field: 'DATABASE_URL' });
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)('opening a PostgreSQL server', () => {
  const name = `closeout_test_open_${randomBytes(4).toString('hex')}`;
  const admin = (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    return client
      .connect()
      .then(() => client.query(statement))
      .finally(() => client.end());
  };
  beforeAll(() => admin(`create database ${name}`));
  afterAll(() => admin(`drop database if exists ${name} with (force)`));

  it('migrates an empty database once, even when two processes start together', async () => {
    const databaseUrl = withDatabase(serverUrl!, name);
    const opened = await Promise.all([
      openDatabase({ databaseUrl }),
      openDatabase({ databaseUrl }),
    ]);
    try {
      expect(opened.map((database) => database.kind)).toEqual(['postgres', 'postgres']);
      expect(await publicTables(opened[0].db)).toEqual(schemaTables);
      expect(await appliedMigrations(opened[1].db)).toBe(migrationCount);
    } finally {
      await Promise.all(opened.map((database) => database.close()));
    }
  });
});
