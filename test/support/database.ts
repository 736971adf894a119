import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import type { OpenDatabase } from '../../src/db/connection.js';
import * as schema from '../../src/db/schema.js';
import { withDatabase } from './template.js';

let pgliteTemplate: Promise<Blob> | null = null;

/**
 * A fresh, migrated, empty database for one test file: PGlite in memory by default, or a copy of
 * the template database on the server in TEST_DATABASE_URL. Call it once per file (beforeAll) and
 * create the file's own organisations in it.
 */
export async function createTestDatabase(): Promise<OpenDatabase> {
  const template = inject('databaseTemplate');
  if (template.kind === 'pglite') {
    pgliteTemplate ??= readFile(template.tarballPath).then((bytes) => new Blob([bytes]));
    const client = await PGlite.create({ loadDataDir: await pgliteTemplate });
    return {
      db: drizzlePglite({ client, schema }),
      kind: 'pglite',
      close: () => client.close(),
    };
  }

  const name = `closeout_test_${randomBytes(6).toString('hex')}`;
  await onServer(template.serverUrl, `create database ${name} template ${template.templateName}`);
  const pool = new pg.Pool({ connectionString: withDatabase(template.serverUrl, name) });
  return {
    db: drizzleNodePg({ client: pool, schema }),
    kind: 'postgres',
    close: async () => {
      await endPool(pool);
      await onServer(template.serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Ends the pool and waits until every connection has closed: `pool.end()` resolves before its
 * connections are gone, and dropping the database would then terminate them (57P01) and the
 * pool would report it as an unhandled error.
 */
async function endPool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      open -= 1;
      if (open === 0) resolve();
    });
  });
  await pool.end();
  await closed;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
