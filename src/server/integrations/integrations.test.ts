import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import { CloseoutDriver, driveThroughMeeting } from '../../../test/support/closeout-api.js';
import { insertAgreement, insertClient } from '../../../test/support/factories.js';
import {
  type FakeVendorServer,
  type RecordedRequest,
  startFakeVendorServer,
  vendorFixture,
} from '../../../test/support/fake-vendor-server.js';
import {
  agreements,
  auditEvents,
  clients,
  jobs,
  psaConnections,
  tickets,
} from '../../db/schema.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { TPsaConnection } from './schema.js';
import { scheduleDueSyncs } from './sync.js';

/**
 * A ConnectWise PSA connection end to end, against a local server that answers like
 * ConnectWise: the connection's secrets, testing it, a closeout's "sync now" (new tickets join
 * the review, a ticket closed in the PSA shows as completed), and the review's outcome written
 * back (cancelled → closed with a note, completed → noted), with a 429 honoured on the way.
 */

const fixture = (name: string) => vendorFixture('connectwise', name);

let testApp: TestApp;
let admin: Staff;
let manager: Staff;
let accountManager: Staff;
let technician: Staff;
let server: FakeVendorServer;

const PRIVATE_KEY = 'Zr9pr1vateS3cret-never-shown';
const API = '/v4_6_release/apis/3.0';

type FakeTicket = { id: number; summary: string; closed: boolean; statusName: string };
/** The PSA's tickets of company 12, as the fake ConnectWise holds them. */
let psaTickets: FakeTicket[];
let ticketTemplate: Record<string, unknown>;
/** Answers the next request with 429 once, when set. */
let throttleNext = false;

function asConnectwiseTicket(ticket: FakeTicket) {
  return {
    ...ticketTemplate,
    id: ticket.id,
    summary: ticket.summary,
    closedFlag: ticket.closed,
    closedDate: ticket.closed ? '2026-11-20T10:00:00Z' : null,
    status: { id: 1, name: ticket.statusName },
    company: { id: 12, identifier: 'Northwind', name: 'Northwind Traders' },
    _info: { dateEntered: '2026-11-01T09:00:00Z' },
  };
}

async function answerLikeConnectwise(request: RecordedRequest) {
  if (throttleNext) {
    throttleNext = false;
    return {
      status: 429,
      headers: { 'retry-after': '90' },
      json: { message: 'Too many requests' },
    };
  }
  const path = request.path.slice(API.length);
  if (request.method === 'GET' && path === '/system/info') {
    return { json: await fixture('system-info') };
  }
  if (request.method === 'GET' && path === '/company/companies') {
    return { json: request.query.get('page') === '1' ? await fixture('companies-page-1') : [] };
  }
  if (request.method === 'GET' && path === '/finance/agreements') {
    const company = Number(/company\/id=(\d+)/.exec(request.query.get('conditions') ?? '')?.[1]);
    const agreements = (await fixture('agreements-page-1')) as { company: { id: number } }[];
    return {
      json:
        request.query.get('page') === '1'
          ? agreements.filter((agreement) => agreement.company.id === company)
          : [],
    };
  }
  if (request.method === 'GET' && path === '/service/tickets') {
    const conditions = request.query.get('conditions') ?? '';
    const ids = /id in \(([^)]*)\)/.exec(conditions)?.[1]?.split(',').map(Number);
    const matching = psaTickets.filter((ticket) =>
      ids === undefined ? !ticket.closed : ids.includes(ticket.id),
    );
    return { json: request.query.get('page') === '1' ? matching.map(asConnectwiseTicket) : [] };
  }
  const ticketPath = /^\/service\/tickets\/(\d+)(\/notes)?$/.exec(path);
  const ticket = psaTickets.find((candidate) => candidate.id === Number(ticketPath?.[1]));
  if (ticket !== undefined && request.method === 'PATCH' && ticketPath?.[2] === undefined) {
    ticket.closed = true;
    ticket.statusName = '>Closed';
    return { json: asConnectwiseTicket(ticket) };
  }
  if (ticket !== undefined && request.method === 'POST' && ticketPath?.[2] === '/notes') {
    return { json: { id: 9000 + ticket.id, ticketId: ticket.id, text: 'note' } };
  }
  return { status: 404, json: { code: 'NotFound', message: `No ${request.method} ${path}` } };
}

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await createStaff({ app: testApp.app, roles: ['admin'] });
  const { orgId } = admin;
  manager = await createStaff({ app: testApp.app, orgId, roles: ['service_manager'] });
  accountManager = await createStaff({ app: testApp.app, orgId, roles: ['account_manager'] });
  technician = await createStaff({ app: testApp.app, orgId, roles: ['technician'] });
  const [template] = (await vendorFixture('connectwise', 'tickets-open-page-1')) as Record<
    string,
    unknown
  >[];
  ticketTemplate = template!;
  server = await startFakeVendorServer(answerLikeConnectwise);
});

afterAll(async () => {
  await server.close();
  await testApp.close();
});

beforeEach(() => {
  throttleNext = false;
});

const inject = (
  staff: Staff,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) =>
  testApp.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: staff.headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

let connection: TPsaConnection;

describe('a ConnectWise PSA connection', () => {
  it('describes each vendor’s form from its own settings', async () => {
    const response = await inject(manager, 'GET', '/integrations/vendors');
    expect(response.statusCode).toBe(200);
    const connectwise = response
      .json()
      .find((vendor: { vendor: string }) => vendor.vendor === 'connectwise');
    expect(connectwise.label).toBe('ConnectWise PSA');
    expect(connectwise.settings).toContainEqual(
      expect.objectContaining({ name: 'companyId', required: true, type: 'string' }),
    );
    expect(connectwise.settings).toContainEqual(
      expect.objectContaining({ name: 'codebase', required: false, default: 'v4_6_release' }),
    );
    expect(connectwise.secrets.map((field: { name: string }) => field.name).sort()).toEqual([
      'clientId',
      'privateKey',
      'publicKey',
    ]);
  });

  it('refuses a setting the vendor does not accept, naming it', async () => {
    const response = await inject(admin, 'POST', '/integrations/connections', {
      vendor: 'connectwise',
      name: 'ConnectWise',
      settings: { siteUrl: server.url },
      secrets: { publicKey: 'pub', privateKey: PRIVATE_KEY, clientId: 'client' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'settings.companyId' });
  });

  it('is set up by an administrator only, and keeps its secrets sealed', async () => {
    const body = {
      vendor: 'connectwise',
      name: 'Northwind ConnectWise',
      settings: { siteUrl: server.url, companyId: 'northwind' },
      secrets: { publicKey: 'Qx7pUbL1cKey', privateKey: PRIVATE_KEY, clientId: randomUUID() },
    };
    expect((await inject(manager, 'POST', '/integrations/connections', body)).statusCode).toBe(403);
    const response = await inject(admin, 'POST', '/integrations/connections', body);
    expect(response.statusCode, response.body).toBe(201);
    connection = response.json();
    expect(connection).toMatchObject({
      vendor: 'connectwise',
      settings: { companyId: 'northwind', codebase: 'v4_6_release', closedStatusName: '>Closed' },
      storedSecrets: ['clientId', 'privateKey', 'publicKey'],
      enabled: true,
      pushBack: true,
    });
    expect(response.body).not.toContain(PRIVATE_KEY);

    const [row] = await testApp.db
      .select()
      .from(psaConnections)
      .where(eq(psaConnections.id, connection.id));
    expect(row!.sealedSecrets).not.toContain(PRIVATE_KEY);
    const trail = await testApp.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, connection.id));
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail)).not.toContain(PRIVATE_KEY);

    const again = await inject(admin, 'POST', '/integrations/connections', body);
    expect(again.statusCode).toBe(409);
  });

  it('keeps a stored secret when a change leaves it empty', async () => {
    const response = await inject(admin, 'PATCH', `/integrations/connections/${connection.id}`, {
      name: 'ConnectWise (Northwind)',
      secrets: { privateKey: '' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'ConnectWise (Northwind)',
      storedSecrets: ['clientId', 'privateKey', 'publicKey'],
    });
  });

  it('tests the connection against the PSA and keeps the answer', async () => {
    const response = await inject(admin, 'POST', `/integrations/connections/${connection.id}/test`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      ok: true,
      message: expect.stringContaining('ConnectWise'),
    });
    const signed = server.requests.at(-1)!;
    expect(signed.headers.clientid).toBeDefined();
    expect(signed.headers.authorization).toMatch(/^Basic /);

    throttleNext = true;
    const throttled = await inject(
      admin,
      'POST',
      `/integrations/connections/${connection.id}/test`,
    );
    expect(throttled.json()).toMatchObject({ ok: false, message: expect.stringContaining('429') });
    const listed = await inject(manager, 'GET', '/integrations/connections');
    expect(listed.json()[0].lastTest).toMatchObject({ ok: false });
  });
});

describe('a closeout of a client from the PSA', () => {
  let driver: CloseoutDriver;

  it('says why a client entered by hand has no PSA sync', async () => {
    const client = await insertClient(testApp.db, admin.orgId);
    await insertAgreement(testApp.db, admin.orgId, client.id);
    const byHand = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date().toISOString().slice(0, 10),
      noticeEvidence: 'Email',
    });
    const link = await inject(manager, 'GET', `/closeouts/${byHand.closeout.id}/psa`);
    expect(link.json()).toMatchObject({
      connection: null,
      unavailableReason: expect.stringContaining('not brought in from a connected PSA'),
    });
    const sync = await inject(technician, 'POST', `/closeouts/${byHand.closeout.id}/psa/sync`);
    expect(sync.statusCode).toBe(409);
  });

  it('syncs now: the PSA’s open tickets join the review, and one closed there shows completed', async () => {
    psaTickets = [
      { id: 41872, summary: 'Printer on 2nd floor offline', closed: false, statusName: 'New' },
      { id: 41873, summary: 'Migrate the file server', closed: false, statusName: 'In Progress' },
    ];
    const client = await insertClient(testApp.db, admin.orgId, {
      name: 'Northwind Traders',
      source: 'connectwise',
      externalId: '12',
    });
    await insertAgreement(testApp.db, admin.orgId, client.id);
    driver = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
      noticeEvidence: 'Email from the owner',
    });

    const requested = await inject(technician, 'POST', `/closeouts/${driver.closeout.id}/psa/sync`);
    expect(requested.statusCode, requested.body).toBe(202);
    expect(await testApp.app.jobs.drain()).toBe(1);
    const imported = await testApp.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.clientId, client.id), eq(tickets.source, 'connectwise')));
    expect(imported.map((ticket) => ticket.externalId).sort()).toEqual(['41872', '41873']);
    const [afterOneCloseout] = await testApp.db
      .select({ lastSyncedAt: psaConnections.lastSyncedAt })
      .from(psaConnections)
      .where(eq(psaConnections.id, connection.id));
    // One closeout's sync does not put off the scheduled sync of the others.
    expect(afterOneCloseout?.lastSyncedAt).toBeNull();

    await driveThroughMeeting(driver, { manager, accountManager });
    await driver.act(technician.headers, 'pull-tickets');
    expect(driver.closeout.ticketReviews.map((review) => review.ticketNumber).sort()).toEqual([
      '41872',
      '41873',
    ]);

    psaTickets.push({ id: 41890, summary: 'VPN drops at night', closed: false, statusName: 'New' });
    psaTickets[0]!.closed = true;
    psaTickets[0]!.statusName = 'Completed';
    await inject(technician, 'POST', `/closeouts/${driver.closeout.id}/psa/sync`);
    await testApp.app.jobs.drain();

    const reloaded = await inject(manager, 'GET', `/closeouts/${driver.closeout.id}`);
    driver.closeout = reloaded.json();
    const reviews = new Map(
      driver.closeout.ticketReviews.map((review) => [review.ticketNumber, review]),
    );
    expect([...reviews.keys()].sort()).toEqual(['41872', '41873', '41890']);
    expect(reviews.get('41872')?.outcome).toBe('completed');
    expect(reviews.get('41890')?.outcome).toBeNull();

    const link = (await inject(manager, 'GET', `/closeouts/${driver.closeout.id}/psa`)).json();
    expect(link).toMatchObject({
      connection: { vendor: 'connectwise', name: 'ConnectWise (Northwind)' },
      lastSync: { status: 'succeeded', kind: 'psa_sync' },
    });
  });

  it('writes the outcome back: a cancelled ticket closed with why, a completed one noted', async () => {
    const ticketId = (number: string) =>
      driver.closeout.ticketReviews.find((review) => review.ticketNumber === number)!.ticketId;
    await driver.act(manager.headers, 'ticket-dispositions', {
      dispositions: [
        {
          ticketId: ticketId('41873'),
          disposition: 'cancel',
          reason: 'the new provider takes the migration over',
          clientAgreed: true,
        },
        { ticketId: ticketId('41890'), disposition: 'complete', clientAgreed: true },
      ],
    });
    await driver.act(technician.headers, `ticket-reviews/${ticketId('41873')}/outcome`, {
      outcome: 'cancelled',
    });
    await driver.act(technician.headers, `ticket-reviews/${ticketId('41890')}/outcome`, {
      outcome: 'completed',
    });
    const queued = await testApp.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.orgId, admin.orgId), eq(jobs.kind, 'psa_push_ticket')));
    expect(queued).toHaveLength(2);
    const waiting = (await inject(manager, 'GET', `/closeouts/${driver.closeout.id}/psa`)).json();
    expect(
      waiting.pushes
        .filter((push: { waiting: boolean }) => push.waiting)
        .map((push: { ticketId: string }) => push.ticketId),
    ).toEqual(expect.arrayContaining([ticketId('41873'), ticketId('41890')]));

    const before = server.requests.length;
    throttleNext = true;
    await testApp.app.jobs.drain();
    const retried = await testApp.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'psa_push_ticket'), eq(jobs.status, 'queued')));
    expect(retried).toHaveLength(1);
    expect(retried[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 80_000);
    expect(retried[0]!.lastError).toContain('429');

    await testApp.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, retried[0]!.id));
    await testApp.app.jobs.drain();

    const written = server.requests.slice(before).filter((request) => request.method !== 'GET');
    const closing = written.find((request) => request.method === 'PATCH');
    expect(closing?.path).toBe(`${API}/service/tickets/41873`);
    expect(closing?.json()).toEqual([
      { op: 'replace', path: 'status', value: { name: '>Closed' } },
    ]);
    const notes = written.filter((request) => request.path.endsWith('/notes'));
    const noteOf = (id: number) => {
      const note = notes.find((request) => request.path === `${API}/service/tickets/${id}/notes`);
      return (note?.json() as { text?: string } | undefined)?.text ?? '';
    };
    expect(noteOf(41873)).toContain('cancelled during the closeout of Northwind Traders');
    expect(noteOf(41873)).toContain('because the new provider takes the migration over');
    expect(noteOf(41890)).toContain('completed during the closeout of Northwind Traders');

    const link = (await inject(manager, 'GET', `/closeouts/${driver.closeout.id}/psa`)).json();
    const pushed = link.pushes.filter(
      (push: { pushedAt: string | null }) => push.pushedAt !== null,
    );
    expect(pushed).toHaveLength(2);
  });

  it('imports the PSA’s clients and agreements, and a second import adds nothing', async () => {
    const importClients = async () => {
      const response = await inject(
        admin,
        'POST',
        `/integrations/connections/${connection.id}/import-clients`,
      );
      expect(response.statusCode).toBe(202);
      expect(await testApp.app.jobs.drain()).toBe(1);
      return testApp.db
        .select({ name: clients.name, externalId: clients.externalId })
        .from(clients)
        .where(and(eq(clients.orgId, admin.orgId), eq(clients.source, 'connectwise')));
    };
    const first = await importClients();
    expect(first.map((client) => client.externalId).sort()).toEqual(['12', '19']);
    const northwindAgreements = await testApp.db
      .select({ name: agreements.name, externalId: agreements.externalId })
      .from(agreements)
      .where(and(eq(agreements.orgId, admin.orgId), eq(agreements.source, 'connectwise')));
    expect(northwindAgreements.map((agreement) => agreement.externalId).sort()).toEqual([
      '301',
      '302',
    ]);
    expect(await importClients()).toHaveLength(2);
  });

  it('schedules a sync of each connection whose interval has passed, once', async () => {
    const queuedSyncs = () =>
      testApp.db
        .select()
        .from(jobs)
        .where(
          and(eq(jobs.orgId, admin.orgId), eq(jobs.kind, 'psa_sync'), eq(jobs.status, 'queued')),
        );
    await testApp.db
      .update(psaConnections)
      .set({ lastSyncedAt: new Date() })
      .where(eq(psaConnections.id, connection.id));
    await scheduleDueSyncs(testApp.db);
    expect(await queuedSyncs()).toHaveLength(0);

    await testApp.db
      .update(psaConnections)
      .set({ lastSyncedAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(psaConnections.id, connection.id));
    await scheduleDueSyncs(testApp.db);
    await scheduleDueSyncs(testApp.db);
    expect(await queuedSyncs()).toHaveLength(1);
    await testApp.app.jobs.drain();
    const [synced] = await testApp.db
      .select()
      .from(psaConnections)
      .where(eq(psaConnections.id, connection.id));
    expect(synced!.lastSyncedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lists the jobs, and retries a failed one only', async () => {
    const page = (await inject(admin, 'GET', '/integrations/jobs?status=succeeded')).json();
    expect(page.items.map((job: { kind: string }) => job.kind)).toEqual(
      expect.arrayContaining(['psa_sync', 'psa_push_ticket']),
    );
    expect(page.items[0].summary).not.toBe('');
    const succeeded = page.items[0].id;
    const refused = await inject(admin, 'POST', `/integrations/jobs/${succeeded}/retry`);
    expect(refused.statusCode).toBe(409);
  });

  it('leaves the mails’ jobs to the outbox', async () => {
    const mailJob = await enqueueJob(testApp.db, {
      orgId: admin.orgId,
      kind: 'send_mail',
      payload: { mailId: randomUUID() },
      runAt: new Date(Date.now() + 3_600_000),
    });
    const page = await inject(admin, 'GET', '/integrations/jobs?pageSize=100');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items.map((job: { id: string }) => job.id)).not.toContain(mailJob);
    expect((await inject(admin, 'POST', `/integrations/jobs/${mailJob}/retry`)).statusCode).toBe(
      404,
    );
  });
});

describe('an ITFlow client’s documented logins', () => {
  let itflow: FakeVendorServer;
  let credentialPasswordSent: string | null = null;

  beforeAll(async () => {
    itflow = await startFakeVendorServer(async (request) => {
      if (request.path === '/api/v1/credentials/read.php') {
        credentialPasswordSent = request.query.get('api_key_decrypt_password');
        return { json: await vendorFixture('itflow', 'credentials-page-1') };
      }
      return { json: await vendorFixture('itflow', 'no-resource') };
    });
  });
  afterAll(() => itflow.close());

  const connectItflow = async (secrets: Record<string, string>) => {
    const response = await inject(admin, 'POST', '/integrations/connections', {
      vendor: 'itflow',
      name: 'ITFlow',
      settings: { baseUrl: itflow.url },
      secrets,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as TPsaConnection;
  };

  const syncNow = async (closeoutId: string) => {
    await inject(technician, 'POST', `/closeouts/${closeoutId}/psa/sync`);
    expect(await testApp.app.jobs.drain()).toBe(1);
    const [job] = await testApp.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'psa_sync'), sql`${jobs.payload} ->> 'closeoutId' = ${closeoutId}`))
      .orderBy(desc(jobs.createdAt))
      .limit(1);
    return job!;
  };

  it('join the handover list once the list is prepared, without the password', async () => {
    const itflowConnection = await connectItflow({
      apiKey: 'itflow-key',
      credentialPassword: 'vault-pass',
    });
    const client = await insertClient(testApp.db, admin.orgId, {
      name: 'Harbour Dental',
      source: 'itflow',
      externalId: '7',
    });
    await insertAgreement(testApp.db, admin.orgId, client.id);
    const itflowCloseout = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
      noticeEvidence: 'Letter',
    });

    const early = await syncNow(itflowCloseout.closeout.id);
    expect(early).toMatchObject({ status: 'succeeded', result: { credentialsAdded: 0 } });

    await driveThroughMeeting(itflowCloseout, { manager, accountManager });
    const synced = await syncNow(itflowCloseout.closeout.id);
    expect(synced).toMatchObject({ status: 'succeeded', result: { credentialsAdded: 1 } });
    expect(credentialPasswordSent).toBe('vault-pass');
    const detail = (
      await inject(manager, 'GET', `/closeouts/${itflowCloseout.closeout.id}`)
    ).json();
    expect(detail.handoverItems).toEqual([
      expect.objectContaining({ systemName: 'Firewall', credentialLabel: 'admin' }),
    ]);
    expect(JSON.stringify(detail)).not.toContain('Fg60F-Winter2026!');

    const again = await syncNow(itflowCloseout.closeout.id);
    expect(again, JSON.stringify(again)).toMatchObject({ result: { credentialsAdded: 0 } });

    const removed = await inject(
      admin,
      'DELETE',
      `/integrations/connections/${itflowConnection.id}`,
    );
    expect(removed.statusCode).toBe(204);
    await connectItflow({ apiKey: 'itflow-key' });
    const withoutPassword = await syncNow(itflowCloseout.closeout.id);
    expect(withoutPassword).toMatchObject({
      status: 'succeeded',
      result: { credentialsNotRead: expect.stringContaining('credential password') },
    });
  });
});
