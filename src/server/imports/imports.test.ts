import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '@scalar/openapi-parser';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import { CloseoutDriver } from '../../../test/support/closeout-api.js';
import { insertAgreement, insertClient } from '../../../test/support/factories.js';
import {
  agreements,
  auditEvents,
  clients,
  contacts,
  managedSystems,
  tickets,
} from '../../db/schema.js';
import { suggestMapping } from '../../integrations/csv/formats.js';
import { executeImport, registerLocalImport } from './run.js';
import type { TImportDetail, TImportFormats } from './schema.js';

const dataDir = mkdtempSync(join(tmpdir(), 'closeout-imports-'));
let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({ config: { dataDir } });
});

afterAll(async () => {
  await testApp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/csv/${name}`, import.meta.url));
const readHeader = (name: string) => fixture(name).toString().split('\n')[0]!.split(',');

/** Each test imports into an organisation of its own, by a service manager. */
async function newOrganisation(): Promise<Staff> {
  return createStaff({ app: testApp.app, roles: ['service_manager'] });
}

async function upload(
  as: Staff,
  entity: string,
  body: Buffer | string,
  query: Record<string, string> = {},
) {
  const search = new URLSearchParams({ entity, fileName: 'upload.csv', ...query });
  return testApp.app.inject({
    method: 'POST',
    url: `/api/v1/imports?${search}`,
    headers: { ...as.headers, 'content-type': 'text/csv' },
    payload: body,
  });
}

async function uploaded(as: Staff, entity: string, file: string): Promise<TImportDetail> {
  const response = await upload(as, entity, fixture(file), { fileName: file });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function readImport(as: Staff, id: string): Promise<TImportDetail> {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/v1/imports/${id}`,
    headers: as.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Uploads, starts and runs an import; answers it as it ended. */
async function imported(as: Staff, entity: string, file: string): Promise<TImportDetail> {
  const upload = await uploaded(as, entity, file);
  const started = await testApp.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${upload.id}/start`,
    headers: as.headers,
  });
  expect(started.statusCode, started.body).toBe(202);
  expect(started.json()).toMatchObject({ status: 'queued' });
  await testApp.app.jobs.drain();
  return readImport(as, upload.id);
}

const ticketsOf = (orgId: string) =>
  testApp.db.select().from(tickets).where(eq(tickets.orgId, orgId)).orderBy(asc(tickets.number));

/** The clients every ticket file names, imported from the generic clients file. */
async function withClients(as: Staff): Promise<void> {
  const done = await imported(as, 'clients', 'clients.csv');
  expect(done.status, done.message ?? '').toBe('succeeded');
}

describe('the API description', () => {
  it('documents the upload as a CSV body and the error report as CSV, in a valid document', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json();
    const result = await validate(document);
    expect(result.errors ?? []).toEqual([]);
    const uploadBody = document.paths['/api/v1/imports'].post.requestBody;
    expect(uploadBody.content['text/csv'].schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    expect(
      Object.keys(
        document.paths['/api/v1/imports/{importId}/errors.csv'].get.responses['200'].content,
      ),
    ).toEqual(['text/csv']);
    expect(Object.keys(document.paths['/api/v1/imports/{importId}'])).toEqual([
      'get',
      'patch',
      'delete',
    ]);
  });
});

describe('GET /imports/formats', () => {
  it('describes every kind of record, its fields and the column names of each format', async () => {
    const manager = await newOrganisation();
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/imports/formats',
      headers: manager.headers,
    });
    expect(response.statusCode).toBe(200);
    const { entities }: TImportFormats = response.json();
    expect(entities.map((entity) => entity.entity)).toEqual([
      'clients',
      'contacts',
      'agreements',
      'managed_systems',
      'tickets',
    ]);
    const ticketFormats = entities.find((entity) => entity.entity === 'tickets')!;
    expect(ticketFormats.formats.map((format) => format.format)).toEqual([
      'generic',
      'connectwise',
      'autotask',
      'halopsa',
    ]);
    expect(ticketFormats.formats[1]!.columns.title).toEqual([
      'Summary Description',
      'Summary',
      'title',
    ]);
    expect(ticketFormats.requireOneOf).toEqual([
      ['client_external_id', 'client_id', 'client_name'],
    ]);
  });
});

describe('importing the generic format', () => {
  it('previews an upload, then imports clients, contacts, agreements and managed systems', async () => {
    const as = await newOrganisation();
    const upload = await uploaded(as, 'clients', 'clients.csv');
    expect(upload).toMatchObject({
      entity: 'clients',
      format: 'generic',
      source: 'csv',
      status: 'uploaded',
      fileName: 'clients.csv',
      columns: ['external_id', 'name', 'client_since', 'industry', 'notes', 'status'],
      mappingProblems: [],
      progress: { bytesRead: 0, fileBytes: fixture('clients.csv').length },
    });
    expect(upload.preview?.map((row) => [row.line, row.values[1], row.errors])).toEqual([
      [2, 'Contoso Dental', []],
      [3, 'Fabrikam Legal', []],
      [4, 'Tailspin Toys', []],
    ]);
    expect(readdirSync(join(dataDir, 'imports'))).toHaveLength(1);
    await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${upload.id}/start`,
      headers: as.headers,
    });
    expect(await testApp.app.jobs.drain()).toBe(1);
    const done = await readImport(as, upload.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      counts: { created: 3, updated: 0, unchanged: 0, failed: 0 },
      progress: { rowsRead: 3, fraction: 1 },
      message: 'Read 3 rows: 3 created, 0 updated, 0 unchanged, 0 refused.',
      columns: null,
      preview: null,
    });
    expect(readdirSync(join(dataDir, 'imports'))).toHaveLength(0);

    const clientRows = await testApp.db
      .select()
      .from(clients)
      .where(eq(clients.orgId, as.orgId))
      .orderBy(asc(clients.externalId));
    expect(
      clientRows.map((row) => [row.externalId, row.name, row.clientSince, row.status, row.source]),
    ).toEqual([
      ['C-100', 'Contoso Dental', '2019-03-01', 'active', 'csv'],
      ['C-200', 'Fabrikam Legal', '2021-03-15', 'active', 'csv'],
      ['C-300', 'Tailspin Toys', '2017-11-20', 'former', 'csv'],
    ]);
    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, upload.id), eq(auditEvents.action, 'run_import')));
    expect(event).toMatchObject({
      entityType: 'import',
      actorId: as.userId,
      after: { entity: 'clients', status: 'succeeded', created: 3 },
    });

    for (const [entity, file] of [
      ['contacts', 'contacts.csv'],
      ['agreements', 'agreements.csv'],
      ['managed_systems', 'managed-systems.csv'],
    ] as const) {
      const result = await imported(as, entity, file);
      expect(result, file).toMatchObject({
        status: 'succeeded',
        counts: { created: entity === 'managed_systems' ? 4 : 3, failed: 0 },
      });
    }
    const contoso = clientRows[0]!;
    const grace = await testApp.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, as.orgId), eq(contacts.externalId, 'P-1')));
    expect(grace[0]).toMatchObject({
      clientId: contoso.id,
      email: 'grace@contoso-dental.example',
      isDecisionMaker: true,
      isTechnicalContact: false,
    });
    const agreementRows = await testApp.db
      .select()
      .from(agreements)
      .where(eq(agreements.orgId, as.orgId))
      .orderBy(asc(agreements.externalId));
    expect(
      agreementRows.map((row) => [
        row.monthlyRecurringRevenue,
        row.noticePeriodDays,
        row.status,
        row.termEndDate,
        row.endedOn,
      ]),
    ).toEqual([
      [2500, 90, 'active', null, null],
      [4100, 60, 'active', '2026-03-31', null],
      [350.5, 30, 'ended', null, '2024-06-30'],
    ]);
    const systems = await testApp.db
      .select()
      .from(managedSystems)
      .where(eq(managedSystems.orgId, as.orgId))
      .orderBy(asc(managedSystems.externalId));
    expect(systems.map((row) => row.category)).toEqual([
      'domain_admin',
      'cloud_tenant',
      'firewall',
      'other',
    ]);
  });
});

describe('importing PSA ticket exports', () => {
  it.each([
    {
      file: 'connectwise-tickets.csv',
      format: 'connectwise',
      expected: [
        [
          '41872',
          '41872',
          'open',
          'Priority 3 - Normal Response',
          '2026-04-02T09:15:00.000Z',
          null,
        ],
        [
          '41873',
          '41873',
          'completed',
          'Priority 3 - Normal Response',
          '2026-03-20T10:00:00.000Z',
          '2026-03-22T16:30:00.000Z',
        ],
        [
          '41874',
          '41874',
          'cancelled',
          'Priority 2 - Quick Response',
          '2026-02-11T08:00:00.000Z',
          '2026-02-12T08:00:00.000Z',
        ],
        ['41875', '41875', 'open', 'Priority 4 - Low', '2026-04-20T14:05:00.000Z', null],
      ],
    },
    {
      file: 'autotask-tickets.csv',
      format: 'autotask',
      expected: [
        [
          'T20260211.0002',
          'T20260211.0002',
          'cancelled',
          'High',
          '2026-02-11T08:00:00.000Z',
          '2026-02-12T08:00:00.000Z',
        ],
        [
          'T20260320.0004',
          'T20260320.0004',
          'completed',
          'Medium',
          '2026-03-20T10:00:00.000Z',
          '2026-03-22T16:30:00.000Z',
        ],
        ['T20260402.0001', 'T20260402.0001', 'open', 'Medium', '2026-04-02T09:15:00.000Z', null],
      ],
    },
    {
      file: 'halopsa-tickets.csv',
      format: 'halopsa',
      expected: [
        ['2048', '2048', 'open', 'P3 - Medium', '2026-04-02T09:15:00.000Z', null],
        [
          '2049',
          '2049',
          'completed',
          'P3 - Medium',
          '2026-03-20T10:00:00.000Z',
          '2026-03-22T16:30:00.000Z',
        ],
        [
          '2050',
          '2050',
          'cancelled',
          'P2 - High',
          '2026-02-11T08:00:00.000Z',
          '2026-02-12T08:00:00.000Z',
        ],
        [
          '2051',
          '2051',
          'completed',
          'P4 - Low',
          '2026-04-20T14:05:00.000Z',
          '2026-04-21T09:00:00.000Z',
        ],
      ],
    },
  ])('imports a $format export by its own column names', async ({ file, format, expected }) => {
    const as = await newOrganisation();
    await withClients(as);
    const upload = await uploaded(as, 'tickets', file);
    expect(upload).toMatchObject({ format, source: format, mappingProblems: [] });
    const done = await imported(as, 'tickets', file);
    expect(done).toMatchObject({
      status: 'succeeded',
      counts: { created: expected.length, updated: 0, unchanged: 0, failed: 0 },
    });
    const rows = await ticketsOf(as.orgId);
    expect(
      rows.map((row) => [
        row.externalId,
        row.number,
        row.status,
        row.priority,
        row.openedAt.toISOString(),
        row.closedAt?.toISOString() ?? null,
      ]),
    ).toEqual(expected);
    expect(new Set(rows.map((row) => row.source))).toEqual(new Set([format]));
  });
});

describe('bad rows and a second import', () => {
  it('imports the good rows, reports the bad ones by line and column, and offers them as CSV', async () => {
    const as = await newOrganisation();
    await withClients(as);
    const upload = await uploaded(as, 'tickets', 'tickets-bad-rows.csv');
    expect(upload.preview?.filter((row) => row.errors.length > 0).map((row) => row.line)).toEqual([
      3, 4, 5, 6, 7,
    ]);
    const done = await imported(as, 'tickets', 'tickets-bad-rows.csv');
    expect(done).toMatchObject({
      status: 'succeeded',
      counts: { created: 2, updated: 0, unchanged: 0, failed: 5 },
    });
    expect(done.firstErrors.map((error) => [error.line, error.column])).toEqual([
      [3, 'client_external_id'],
      [4, 'opened_at'],
      [5, 'title'],
      [6, 'closed_at'],
      [7, 'sla_breached'],
      [7, 'satisfaction'],
    ]);
    expect((await ticketsOf(as.orgId)).map((row) => row.externalId)).toEqual(['B-1', 'B-7']);

    const report = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${done.id}/errors.csv`,
      headers: as.headers,
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(report.headers['content-disposition']).toBe(
      'attachment; filename="tickets-bad-rows-errors.csv"',
    );
    const lines = report.body.trim().split('\n');
    expect(lines[0]).toBe('line,column,message');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe(
      '3,client_external_id,"No client imported from CSV files has the external id ""C-999"". Import the clients first, or name the client."',
    );
    expect(lines[6]).toBe('7,satisfaction,9 is not from 1 to 5.');
  });

  it('changes nothing when the same file is imported again, and only what differs after an edit', async () => {
    const as = await newOrganisation();
    await withClients(as);
    const first = await imported(as, 'tickets', 'connectwise-tickets.csv');
    expect(first.counts).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 0 });
    const before = await ticketsOf(as.orgId);

    const again = await imported(as, 'tickets', 'connectwise-tickets.csv');
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 4, failed: 0 });
    expect(await ticketsOf(as.orgId)).toEqual(before);

    const edited = fixture('connectwise-tickets.csv')
      .toString()
      .replace('Outlook asks for a password', 'Outlook keeps asking for a password');
    const response = await upload(as, 'tickets', edited);
    const id = response.json().id;
    await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/start`,
      headers: as.headers,
    });
    await testApp.app.jobs.drain();
    expect((await readImport(as, id)).counts).toEqual({
      created: 0,
      updated: 1,
      unchanged: 3,
      failed: 0,
    });

    const clientsAgain = await imported(as, 'clients', 'clients.csv');
    expect(clientsAgain.counts).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 0 });
  });
});

describe('batches', () => {
  it('writes a file in batches, reporting progress after each, with the same outcome', async () => {
    const as = await newOrganisation();
    await withClients(as);
    const path = fileURLToPath(
      new URL('../../../test/fixtures/csv/tickets-bad-rows.csv', import.meta.url),
    );
    const actor = { kind: 'system', name: 'Tests' } as const;
    const importId = await registerLocalImport({
      db: testApp.db,
      orgId: as.orgId,
      entity: 'tickets',
      format: 'generic',
      fileName: 'tickets-bad-rows.csv',
      fileBytes: fixture('tickets-bad-rows.csv').length,
      mapping: suggestMapping('tickets', readHeader('tickets-bad-rows.csv'), 'generic'),
      actor,
    });
    const seen: [number, number][] = [];
    const summary = await executeImport({
      db: testApp.db,
      orgId: as.orgId,
      importId,
      path,
      actor,
      batchSize: 2,
      onProgress: (progress) => {
        seen.push([progress.rowsRead, progress.created]);
      },
    });
    expect(seen).toEqual([
      [2, 1],
      [4, 1],
      [6, 1],
      [7, 2],
    ]);
    expect(summary.counts).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 5 });
    const detail = await readImport(as, importId);
    expect(detail.firstErrors.map((error) => error.line)).toEqual([3, 4, 5, 6, 7, 7]);
  });

  it('applies rows in file order: a repeated external id updates the record the earlier row made', async () => {
    const as = await newOrganisation();
    await withClients(as);
    const file = [
      'external_id,client_external_id,title,opened_at',
      'R-1,C-100,First title,2026-04-01T09:00:00Z',
      'R-2,C-100,Other ticket,2026-04-01T09:00:00Z',
      'R-1,C-100,Corrected title,2026-04-01T09:00:00Z',
    ].join('\n');
    const response = await upload(as, 'tickets', file);
    const id = response.json().id;
    await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/start`,
      headers: as.headers,
    });
    await testApp.app.jobs.drain();
    expect((await readImport(as, id)).counts).toEqual({
      created: 2,
      updated: 1,
      unchanged: 0,
      failed: 0,
    });
    expect((await ticketsOf(as.orgId)).map((row) => [row.externalId, row.title])).toEqual([
      ['R-1', 'Corrected title'],
      ['R-2', 'Other ticket'],
    ]);
  });
});

describe('imports and closeouts', () => {
  it('joins a ticket imported for a client whose closeout pulled its tickets to the review', async () => {
    const as = await newOrganisation();
    const technician = await createStaff({
      app: testApp.app,
      orgId: as.orgId,
      roles: ['technician'],
    });
    const client = await insertClient(testApp.db, as.orgId, { name: 'Contoso Dental' });
    await insertAgreement(testApp.db, as.orgId, client.id, { monthlyRecurringRevenue: 1800 });
    const driver = await CloseoutDriver.open(testApp.app, as.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date().toISOString().slice(0, 10),
      noticeEvidence: 'Letter from the owner',
    });
    await driver.act(as.headers, 'decide-retention', { decision: 'accept_cancellation' });
    await driver.act(as.headers, 'advance-stage');
    const pulled = await driver.act(technician.headers, 'pull-tickets');
    expect(pulled.ticketReviews).toEqual([]);

    const done = await imported(as, 'tickets', 'connectwise-tickets.csv');
    // Fabrikam Legal is not a client of this organisation: its two tickets are refused. Of
    // Contoso's, the open one joins the review.
    expect(done.counts).toMatchObject({ created: 2, failed: 2 });
    const detail = (
      await testApp.app.inject({
        method: 'GET',
        url: `/api/v1/closeouts/${driver.closeout.id}`,
        headers: as.headers,
      })
    ).json();
    expect(
      detail.ticketReviews.map((review: { ticketNumber: string }) => review.ticketNumber),
    ).toEqual(['41872']);
  });

  it('never changes the status of a client that has a closeout', async () => {
    const as = await newOrganisation();
    const client = await insertClient(testApp.db, as.orgId, {
      name: 'Tailspin Toys',
      source: 'csv',
      externalId: 'C-300',
    });
    await insertAgreement(testApp.db, as.orgId, client.id, { monthlyRecurringRevenue: 900 });
    await CloseoutDriver.open(testApp.app, as.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date().toISOString().slice(0, 10),
      noticeEvidence: 'Email from the owner',
    });
    const done = await imported(as, 'clients', 'clients.csv');
    expect(done.counts).toMatchObject({ created: 2, updated: 1 });
    const [row] = await testApp.db.select().from(clients).where(eq(clients.id, client.id));
    expect(row).toMatchObject({ status: 'in_closeout', clientSince: '2017-11-20' });
  });
});

describe('choosing the format and the mapping', () => {
  it('refuses a mapping that leaves out a required field or names a missing column', async () => {
    const as = await newOrganisation();
    const upload = await uploaded(as, 'tickets', 'halopsa-tickets.csv');
    const patch = (body: Record<string, unknown>) =>
      testApp.app.inject({
        method: 'PATCH',
        url: `/api/v1/imports/${upload.id}`,
        headers: as.headers,
        payload: body,
      });
    const missing = await patch({ mapping: { ...upload.mapping, title: 'Subject' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      field: 'mapping.title',
      detail: 'The file has no column "Subject".',
    });
    const { opened_at: _opened, ...withoutOpening } = upload.mapping;
    const unmapped = await patch({ mapping: withoutOpening });
    expect(unmapped.json()).toMatchObject({ status: 400, field: 'mapping.opened_at' });

    const generic = await patch({ format: 'generic' });
    expect(generic.statusCode).toBe(200);
    expect(generic.json().format).toBe('generic');
    expect(
      generic.json().mappingProblems.map((problem: { field: string }) => problem.field),
    ).toEqual(['external_id', 'title', 'opened_at']);
    const refused = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${upload.id}/start`,
      headers: as.headers,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('mapping.external_id');

    const mapped = await patch({
      mapping: {
        external_id: 'ID',
        title: 'Summary',
        opened_at: 'Date Logged',
        client_name: 'Client Name',
      },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json().mappingProblems).toEqual([]);
    expect(mapped.json().preview[0].errors).toEqual([
      {
        line: 2,
        column: 'Client Name',
        message: 'No client is named "Contoso Dental". Add or import the client first.',
      },
    ]);
    await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${upload.id}/start`,
      headers: as.headers,
    });
    const late = await patch({ format: 'halopsa' });
    expect(late.statusCode).toBe(409);
  });

  it('refuses a PSA format for anything but tickets, a body that is not CSV and an empty file', async () => {
    const as = await newOrganisation();
    const wrongFormat = await upload(as, 'clients', fixture('clients.csv'), {
      format: 'connectwise',
    });
    expect(wrongFormat.json()).toMatchObject({ status: 400, field: 'format' });
    const json = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/imports?entity=clients',
      headers: as.headers,
      payload: { name: 'Contoso' },
    });
    expect(json.json()).toMatchObject({ status: 400, field: 'body' });
    const empty = await upload(as, 'clients', '');
    expect(empty.json()).toMatchObject({ status: 400 });
    expect(empty.json().detail).toContain('The file is empty');
    const unknownEntity = await upload(as, 'invoices', fixture('clients.csv'));
    expect(unknownEntity.json()).toMatchObject({ status: 400, field: 'entity' });
  });

  it('fails an import whose file breaks after the preview, saying where, and deletes the file', async () => {
    const as = await newOrganisation();
    const good = Array.from({ length: 10 }, (_, index) => `C-${index},Client ${index}`);
    const body = ['external_id,name', ...good, 'C-99,"Never closed', 'C-100,Contoso'].join('\n');
    const response = await upload(as, 'clients', body);
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json();
    await testApp.app.jobs.drain();
    const files = readdirSync(join(dataDir, 'imports')).length;
    await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/start`,
      headers: as.headers,
    });
    await testApp.app.jobs.drain();
    const failed = await readImport(as, id);
    expect(failed).toMatchObject({
      status: 'failed',
      message:
        'Line 12: a quoted value starting in this row is never closed, so the rest of the file would be read as part of it. Look for a missing closing quote.',
      counts: { created: 0 },
    });
    expect(readdirSync(join(dataDir, 'imports'))).toHaveLength(files - 1);

    const early = await upload(as, 'clients', 'external_id,name\nC-1,"Never closed\n');
    expect(early.json()).toMatchObject({ status: 400 });
    expect(early.json().detail).toMatch(/^Line 2: a quoted value starting in this row/);
  });

  it('streams an upload larger than the JSON body limit to disk', async () => {
    const as = await newOrganisation();
    const rows = Array.from({ length: 100_000 }, (_, index) => `X-${index},Client number ${index}`);
    const body = ['external_id,name', ...rows].join('\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);
    const response = await upload(as, 'clients', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().progress.fileBytes).toBe(Buffer.byteLength(body));
  });

  it('throws an upload away, and keeps imports to their organisation', async () => {
    const as = await newOrganisation();
    const other = await newOrganisation();
    const upload = await uploaded(as, 'clients', 'clients.csv');
    const foreign = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${upload.id}`,
      headers: other.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const list = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/imports',
      headers: as.headers,
    });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: upload.id, status: 'uploaded' }] });
    expect(
      (
        await testApp.app.inject({ method: 'GET', url: '/api/v1/imports', headers: other.headers })
      ).json().total,
    ).toBe(0);
    const kept = readdirSync(join(dataDir, 'imports')).length;
    const discarded = await testApp.app.inject({
      method: 'DELETE',
      url: `/api/v1/imports/${upload.id}`,
      headers: as.headers,
    });
    expect(discarded.statusCode).toBe(204);
    expect(readdirSync(join(dataDir, 'imports'))).toHaveLength(kept - 1);
    expect(await readImportStatus(as, upload.id)).toBe(404);
  });
});

async function readImportStatus(as: Staff, id: string): Promise<number> {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/v1/imports/${id}`,
    headers: as.headers,
  });
  return response.statusCode;
}
