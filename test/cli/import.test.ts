import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { insertOrganisation } from '../support/factories.js';
import { runCli } from './run-cli.js';

/** `closeout import` as an MSP runs it, on the embedded database in a data directory. */

const dataDir = mkdtempSync(join(tmpdir(), 'closeout-cli-import-'));
const env = { CLOSEOUT_DATA_DIR: dataDir };
const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  try {
    await insertOrganisation(database.db, { name: 'Northwind IT' });
  } finally {
    await database.close();
  }
}, 60_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('closeout import', () => {
  it('imports clients, then a ConnectWise export; importing it again changes nothing', async () => {
    const clients = await runCli(['import', 'clients', fixture('clients.csv')], env);
    expect(clients.code, clients.stderr).toBe(0);
    expect(clients.stdout).toContain('Imported clients from clients.csv (Closeout CSV)');
    expect(clients.stdout).toMatch(/created\s+3/);
    // Not a terminal: a plain line per tenth of the file, the last at 100 %.
    expect(clients.stderr).toContain('100 %  3 rows read');

    const first = await runCli(
      ['import', 'tickets', fixture('connectwise-tickets.csv'), '--json'],
      env,
    );
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      entity: 'tickets',
      format: 'connectwise',
      source: 'connectwise',
      rowsRead: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      failed: 0,
    });

    const again = await runCli(
      ['import', 'tickets', fixture('connectwise-tickets.csv'), '--json'],
      env,
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  }, 60_000);

  it('imports the good rows of a file with bad ones, exits 4 and writes the refused rows', async () => {
    const errors = join(dataDir, 'refused.csv');
    const result = await runCli(
      ['import', 'tickets', fixture('tickets-bad-rows.csv'), '--errors', errors],
      env,
    );
    expect(result.code, result.stderr).toBe(4);
    expect(result.stdout).toMatch(/created\s+2/);
    expect(result.stdout).toMatch(/refused\s+5\s+\(listed in .*refused\.csv\)/);
    const report = readFileSync(errors, 'utf8').trim().split('\n');
    expect(report[0]).toBe('line,column,message');
    expect(report.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      '3,client_external_id',
      '4,opened_at',
      '5,title',
      '6,closed_at',
      '7,sla_breached',
      '7,satisfaction',
    ]);
  }, 60_000);

  it('refuses an unknown kind of record, a missing file and an unmapped field with exit code 2', async () => {
    const unknown = await runCli(['import', 'invoices', fixture('clients.csv')], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"invoices" cannot be imported');

    const missing = await runCli(['import', 'clients', join(dataDir, 'nowhere.csv')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file at');

    const file = join(dataDir, 'subjects.csv');
    writeFileSync(
      file,
      'external_id,client_external_id,Subject,opened_at\nS-1,C-100,Server room too warm,2026-04-01\n',
    );
    const unmapped = await runCli(['import', 'tickets', file], env);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain('title: Choose the column that holds the title');
    expect(unmapped.stderr).toContain(
      "The file's columns: external_id, client_external_id, Subject",
    );

    const mapped = await runCli(
      ['import', 'tickets', file, '--map', 'Subject=title', '--json'],
      env,
    );
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ created: 1, failed: 0 });
  }, 60_000);
});
