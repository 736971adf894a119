import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { portalUsers } from '../../src/db/schema.js';
import { revealSecretToClient } from '../../src/server/handover-secrets/service.js';
import { createStaff, createTestApp, type Staff, type TestApp } from '../support/app.js';
import { CloseoutDriver, driveThroughMeeting } from '../support/closeout-api.js';
import { insertClient } from '../support/factories.js';

/**
 * The promise of the credential vault: a handed-over secret is in plain text only in the
 * answer to a reveal. It is planted through the API with the server logging everything
 * (`trace`), then looked for everywhere else it could leak: the closeout's responses, its
 * audit trail, error messages, the server log, and the database itself, row by row and (on
 * the embedded database) its files.
 */

const PASSWORD = `Planted-${randomBytes(9).toString('hex')}`;
const RECOVERY_CODE = `RC-${randomBytes(6).toString('hex')}`;
const NOTE = `note-${randomBytes(6).toString('hex')}`;
/** Not secret: proves the searches below can find what the database does hold in plain text. */
const SYSTEM_NAME = `Vault Test System ${randomBytes(4).toString('hex')}`;

const PLANTED = [PASSWORD, RECOVERY_CODE, NOTE];
const encodings = (text: string) => [
  text,
  Buffer.from(text).toString('base64'),
  Buffer.from(text).toString('base64url'),
  Buffer.from(text).toString('hex'),
];

function expectNoSecretIn(where: string, text: string) {
  for (const planted of PLANTED) {
    for (const form of encodings(planted)) {
      expect(text.includes(form), `${where} contains ${form}`).toBe(false);
    }
  }
}

/** Everything the server's logger (pino, writing to file descriptor 1) writes, kept here. */
const log: string[] = [];
const capture = (fd: number, data: unknown): boolean => {
  if (fd !== 1) return false;
  log.push(typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString('utf8'));
  return true;
};

let testApp: TestApp;
let manager: Staff;
let technician: Staff;
let closeoutId: string;
let itemId: string;

beforeAll(async () => {
  const write = fs.write;
  const writeSync = fs.writeSync;
  vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array, ...rest: never[]) =>
    capture(fd, data) ? data.length : writeSync(fd, data, ...rest)) as typeof fs.writeSync);
  vi.spyOn(fs, 'write').mockImplementation(((fd: number, data: Uint8Array, ...rest: unknown[]) => {
    const callback = rest.at(-1) as (error: null, written: number) => void;
    if (capture(fd, data)) {
      process.nextTick(() => callback(null, Buffer.byteLength(data)));
      return;
    }
    (write as (...args: unknown[]) => void)(fd, data, ...rest);
  }) as typeof fs.write);

  testApp = await createTestApp({ config: { logLevel: 'trace' } });
  manager = await createStaff({
    app: testApp.app,
    roles: ['service_manager'],
    name: 'Sam Manager',
  });
  const accountManager = await createStaff({
    app: testApp.app,
    orgId: manager.orgId,
    roles: ['account_manager'],
  });
  technician = await createStaff({
    app: testApp.app,
    orgId: manager.orgId,
    roles: ['technician'],
  });
  const client = await insertClient(testApp.db, manager.orgId, { name: 'Fabrikam Dental' });
  const driver = await CloseoutDriver.open(testApp.app, manager.headers, {
    clientId: client.id,
    trigger: 'client_notice',
    noticeReceivedOn: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
    noticeEvidence: 'Email from the managing partner.',
  });
  await driveThroughMeeting(driver, { manager, accountManager });
  await driver.act(technician.headers, 'handover-items', {
    items: [{ systemName: SYSTEM_NAME, credentialLabel: 'Global administrator' }],
  });
  closeoutId = driver.closeout.id;
  itemId = driver.closeout.handoverItems[0]!.id;

  const secret = {
    username: 'admin@fabrikam.example',
    password: PASSWORD,
    url: 'https://admin.example',
    notes: NOTE,
    mfaRecoveryCodes: [RECOVERY_CODE],
  };
  const url = `/api/v1/closeouts/${closeoutId}/handover-items/${itemId}/secret`;
  const stored = await testApp.app.inject({
    method: 'PUT',
    url,
    headers: technician.headers,
    payload: secret,
  });
  expect(stored.statusCode, stored.body).toBe(200);
  const revealed = await testApp.app.inject({
    method: 'POST',
    url: `${url}/reveal`,
    headers: technician.headers,
  });
  expect(revealed.json().secret.password).toBe(PASSWORD);
  const [portalUser] = await testApp.db
    .insert(portalUsers)
    .values({
      orgId: manager.orgId,
      clientId: client.id,
      email: 'grace@fabrikam.example',
      name: 'Grace Hopper',
      invitedAt: new Date(),
      invitedBy: 'Sam Manager',
    })
    .returning();
  const scope = {
    db: testApp.db,
    vault: testApp.app.vault,
    orgId: manager.orgId,
    closeoutId,
    itemId,
  };
  const portal = { id: portalUser!.id, name: portalUser!.name };
  expect((await revealSecretToClient({ ...scope, portalUser: portal })).secret.notes).toBe(NOTE);
  await expect(revealSecretToClient({ ...scope, portalUser: portal })).rejects.toThrow(/re-issue/);
});

afterAll(async () => {
  await testApp.close();
  vi.restoreAllMocks();
});

describe('a planted handover secret', () => {
  it('is in no response about the closeout, its list, its handover statuses or its timeline', async () => {
    const gets = [
      `/api/v1/closeouts/${closeoutId}`,
      `/api/v1/closeouts?pageSize=100`,
      `/api/v1/closeouts/${closeoutId}/timeline?limit=200`,
      `/api/v1/closeouts/${closeoutId}/handover-secrets`,
      `/api/v1/closeouts/${closeoutId}/handover-items/${itemId}/secret`,
    ];
    for (const url of gets) {
      const response = await testApp.app.inject({ method: 'GET', url, headers: manager.headers });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      const body =
        response.headers['content-encoding'] === 'gzip'
          ? gunzipSync(response.rawPayload).toString('utf8')
          : response.body;
      expectNoSecretIn(url, body);
    }
    const timeline = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${closeoutId}/timeline?limit=200`,
      headers: manager.headers,
    });
    expect(timeline.body).toContain(SYSTEM_NAME);
  });

  it('is in no error message, whatever went wrong with a request that carried it', async () => {
    const url = `/api/v1/closeouts/${closeoutId}/handover-items`;
    const refusals = [
      {
        method: 'PUT' as const,
        url: `${url}/${itemId}/secret`,
        payload: { password: PASSWORD, notes: `${NOTE}${'x'.repeat(5000)}` },
      },
      {
        method: 'PUT' as const,
        url: `${url}/${randomUUID()}/secret`,
        payload: { password: PASSWORD, mfaRecoveryCodes: [RECOVERY_CODE, ''] },
      },
      {
        method: 'PUT' as const,
        url: `${url}/${itemId}/secret`,
        payload: { password: 42, notes: NOTE },
      },
      { method: 'PUT' as const, url: `${url}/not-an-id/secret`, payload: { password: PASSWORD } },
    ];
    for (const request of refusals) {
      const response = await testApp.app.inject({ ...request, headers: technician.headers });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expectNoSecretIn(`${request.method} ${request.url}`, response.body);
    }
    const raw = await testApp.app.inject({
      method: 'PUT',
      url: `${url}/${itemId}/secret`,
      headers: { ...technician.headers, 'content-type': 'application/json' },
      payload: `{"password": "${PASSWORD}", "notes": "${NOTE}"`,
    });
    expect(raw.statusCode).toBe(400);
    expectNoSecretIn('a malformed body', raw.body);
  });

  it('is not in the server log, at trace level', () => {
    const text = log.join('');
    expect(text).toContain('/secret/reveal');
    expectNoSecretIn('the server log', text);
  });

  it('is not in the database: not in any row of any table', async () => {
    const { rows: tables } = await testApp.db.execute<{ name: string }>(sql`
      select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
      from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`);
    expect(tables.map((table) => table.name)).toContain('public.handover_secrets');
    const dump: string[] = [];
    for (const table of tables) {
      const { rows } = await testApp.db.execute<{ row: string }>(
        sql.raw(`select t::text as row from ${table.name} t`),
      );
      dump.push(...rows.map((row) => `${table.name}: ${row.row}`));
    }
    const text = dump.join('\n');
    expect(text).toContain(SYSTEM_NAME);
    expect(text).toContain('client_reveal_handover_secret');
    expectNoSecretIn('the database rows', text);
  });

  it('is not in the files of the embedded database', async (context) => {
    if (testApp.kind !== 'pglite') context.skip();
    const client = (testApp.db as unknown as { $client: PGlite }).$client;
    await client.query('checkpoint');
    const tarball = await client.dumpDataDir('none');
    const bytes = Buffer.from(await tarball.arrayBuffer());
    expect(bytes.includes(Buffer.from(SYSTEM_NAME))).toBe(true);
    for (const planted of PLANTED) {
      for (const form of encodings(planted)) {
        expect(bytes.includes(Buffer.from(form)), `the data directory contains ${form}`).toBe(
          false,
        );
      }
    }
  });
});
