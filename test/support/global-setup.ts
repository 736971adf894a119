import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePglite, migratePostgres } from '../../src/db/migrate.js';
import { withDatabase } from './template.js';

/**
 * Migrates one empty database before any test runs; every test file then starts from a copy of
 * it instead of running the migrations again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? preparePostgres(project, serverUrl) : preparePglite(project);
}

async function preparePglite(project: TestProject): Promise<() => Promise<void>> {
  const client = await PGlite.create();
  await migratePglite(client);
  const tarball = await client.dumpDataDir('none');
  await client.close();
  const directory = await mkdtemp(join(tmpdir(), 'closeout-test-'));
  const tarballPath = join(directory, 'template.tar');
  await writeFile(tarballPath, Buffer.from(await tarball.arrayBuffer()));
  project.provide('databaseTemplate', { kind: 'pglite', tarballPath });
  return () => rm(directory, { recursive: true, force: true });
}

/**
 * The template's name is unique to this run, so test runs sharing one server (engineers, CI jobs)
 * never drop a template another run is copying from.
 */
async function preparePostgres(
  project: TestProject,
  serverUrl: string,
): Promise<() => Promise<void>> {
  const templateName = `closeout_test_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${templateName}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: withDatabase(serverUrl, templateName), max: 1 });
  try {
    await migratePostgres(pool);
  } finally {
    await pool.end();
  }
  project.provide('databaseTemplate', { kind: 'postgres', serverUrl, templateName });
  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    try {
      await cleanup.query(`drop database if exists ${templateName} with (force)`);
    } finally {
      await cleanup.end();
    }
  };
}
