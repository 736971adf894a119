import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import {
  CloseoutDriver,
  driveThroughMeeting,
  sha256Of,
} from '../../../test/support/closeout-api.js';
import {
  insertAgreement,
  insertClient,
  insertManagedSystem,
  insertTicket,
} from '../../../test/support/factories.js';
import { auditEvents, clients, tickets } from '../../db/schema.js';

let testApp: TestApp;
let manager: Staff;
let executive: Staff;
let technician: Staff;
let finance: Staff;
let accountManager: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  manager = await createStaff({
    app: testApp.app,
    roles: ['service_manager'],
    name: 'Sam Manager',
  });
  const orgId = manager.orgId;
  executive = await createStaff({
    app: testApp.app,
    orgId,
    roles: ['executive'],
    name: 'Eve Executive',
  });
  technician = await createStaff({
    app: testApp.app,
    orgId,
    roles: ['technician'],
    name: 'Tom Technician',
  });
  finance = await createStaff({ app: testApp.app, orgId, roles: ['finance'], name: 'Fay Finance' });
  accountManager = await createStaff({
    app: testApp.app,
    orgId,
    roles: ['account_manager'],
    name: 'Ada Account',
  });
});

afterAll(async () => {
  await testApp.close();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function clientWithOpenTickets(ticketCount: number) {
  const { db } = testApp;
  const client = await insertClient(db, manager.orgId, {
    name: `Fabrikam Dental ${randomUUID().slice(0, 4)}`,
  });
  await insertAgreement(db, manager.orgId, client.id, {
    monthlyRecurringRevenue: 3200,
    noticePeriodDays: 30,
  });
  const openTickets = [];
  for (let index = 0; index < ticketCount; index++) {
    openTickets.push(
      await insertTicket(db, manager.orgId, client.id, { openedAt: daysAgo(10 + index) }),
    );
  }
  await insertTicket(db, manager.orgId, client.id, {
    status: 'completed',
    openedAt: daysAgo(40),
    closedAt: daysAgo(35),
  });
  const firewall = await insertManagedSystem(db, manager.orgId, client.id, {
    name: 'FortiGate 60F',
    category: 'firewall',
  });
  const tenant = await insertManagedSystem(db, manager.orgId, client.id, {
    name: 'Microsoft 365',
    category: 'cloud_tenant',
  });
  return { client, openTickets, systems: [firewall, tenant] };
}

function openFor(clientId: string, trigger = 'client_notice') {
  return CloseoutDriver.open(testApp.app, manager.headers, {
    clientId,
    trigger,
    noticeReceivedOn: isoDay(daysAgo(20)),
    noticeEvidence: 'Email from the managing partner, filed in the PSA as #4711.',
  });
}

/** Opens a closeout on a client's notice received on `noticeReceivedOn`, without asserting. */
function tryOpening(headers: Record<string, string>, clientId: string, noticeReceivedOn: string) {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/closeouts',
    headers,
    payload: { clientId, trigger: 'client_notice', noticeReceivedOn, noticeEvidence: 'x' },
  });
}

const throughMeeting = (driver: CloseoutDriver) =>
  driveThroughMeeting(driver, { manager, accountManager });

describe('a closeout terminated through the whole process', () => {
  it('runs from the notice to closed, refusing to close until every exit condition holds', async () => {
    const { client, openTickets } = await clientWithOpenTickets(3);
    const driver = await openFor(client.id);
    expect(driver.closeout).toMatchObject({
      reference: expect.stringMatching(/^CO-\d{4}$/),
      status: 'open',
      stage: { key: 'retention_assessment', code: '11a.01' },
      mrrAtRisk: 3200,
      earliestTerminationDate: isoDay(new Date(daysAgo(20).getTime() + 30 * 86_400_000)),
      definition: { key: 'msp-11a', version: 1 },
    });
    expect(driver.closeout.tasks.map((task) => task.taskKey)).toContain('t07');
    const [clientRow] = await testApp.db.select().from(clients).where(eq(clients.id, client.id));
    expect(clientRow?.status).toBe('in_closeout');

    await throughMeeting(driver);
    expect(driver.closeout.stage.key).toBe('ticket_review');
    expect(driver.closeout.terminationDate).toBe(isoDay(daysAgo(-30)));

    await driver.act(technician.headers, 'pull-tickets');
    expect(driver.closeout.ticketReviews).toHaveLength(3);
    const [first, second, third] = openTickets;
    await driver.act(manager.headers, 'ticket-dispositions', {
      dispositions: [
        { ticketId: first!.id, disposition: 'complete', clientAgreed: true },
        {
          ticketId: second!.id,
          disposition: 'cancel',
          reason: 'Project out of scope',
          handoverNote: 'Quote attached',
          clientAgreed: true,
        },
        { ticketId: third!.id, disposition: 'complete', clientAgreed: false },
      ],
    });
    await driver.act(manager.headers, `ticket-reviews/${third!.id}/client-response`, {
      agreed: true,
    });
    await driver.act(manager.headers, 'advance-stage');
    expect(driver.closeout.stage.key).toBe('deactivation_session');

    await driver.act(technician.headers, 'handover-items/from-managed-systems');
    expect(driver.closeout.handoverItems.map((item) => item.credentialLabel)).toEqual([
      'Firewall administrator login',
      'Global administrator account',
    ]);
    for (const item of driver.closeout.handoverItems) {
      await driver.act(technician.headers, `handover-items/${item.id}/hand-over`);
    }
    const checksum = await sha256Of('fabrikam-backup-2026');
    await driver.act(technician.headers, 'backup-copies', {
      description: 'Full image of FS01 and the M365 mailbox export',
      systemsCovered: ['FS01', 'Microsoft 365'],
      sizeBytes: 412_000_000_000,
      sha256: checksum,
      medium: 'encrypted_drive',
    });
    const copyId = driver.closeout.backupCopies[0]!.id;
    await driver.act(technician.headers, `backup-copies/${copyId}/deliver`);
    await driver.act(technician.headers, 'record-session-held', {
      heldAt: new Date().toISOString(),
    });
    await driver.act(manager.headers, 'advance-stage');
    expect(driver.closeout.stage.key).toBe('deactivation');
    expect(driver.closeout.tasks.some((task) => task.taskKey === 't37')).toBe(true);

    const refused = await driver.try(manager.headers, 'close');
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const problem = refused.json();
    expect(problem.code).toBe('gate_unmet');
    expect(problem.unmetGates.map((gate: { gate: string }) => gate.gate)).toEqual([
      'tickets_resolved',
      'credentials_confirmed',
      'backup_received',
      'responsibility_accepted',
    ]);
    expect(problem.unmetGates[0].missing).toHaveLength(3);
    expect(driver.closeout.unmetClosingGates).toHaveLength(4);

    await driver.act(technician.headers, `ticket-reviews/${first!.id}/outcome`, {
      outcome: 'completed',
    });
    await driver.act(technician.headers, `ticket-reviews/${second!.id}/outcome`, {
      outcome: 'cancelled',
    });
    await driver.act(technician.headers, `ticket-reviews/${third!.id}/outcome`, {
      outcome: 'completed',
    });
    const ticketRows = await testApp.db
      .select()
      .from(tickets)
      .where(eq(tickets.clientId, client.id));
    expect(ticketRows.find((row) => row.id === second!.id)?.status).toBe('cancelled');
    for (const item of driver.closeout.handoverItems) {
      await driver.act(technician.headers, `handover-items/${item.id}/confirm`, {
        confirmedBy: 'Dr Grace Hopper',
      });
    }
    const mismatch = await driver.try(
      technician.headers,
      `backup-copies/${copyId}/confirm-receipt`,
      {
        receivedBy: 'Contoso IT',
        sha256: '0'.repeat(64),
      },
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().field).toBe('sha256');
    await driver.act(technician.headers, `backup-copies/${copyId}/confirm-receipt`, {
      receivedBy: 'Contoso IT',
      sha256: checksum,
    });

    const stillRefused = await driver.try(manager.headers, 'close');
    expect(stillRefused.json().unmetGates.map((gate: { gate: string }) => gate.gate)).toEqual([
      'responsibility_accepted',
    ]);
    const technicianSigning = await driver.try(technician.headers, 'accept-responsibility', {
      acceptedByName: 'Dr Grace Hopper',
      acceptedByTitle: 'Managing Partner',
      effectiveFrom: new Date().toISOString(),
    });
    expect(technicianSigning.statusCode).toBe(403);
    await driver.act(manager.headers, 'accept-responsibility', {
      acceptedByName: 'Dr Grace Hopper',
      acceptedByTitle: 'Managing Partner',
      effectiveFrom: new Date().toISOString(),
    });

    const finalInvoice = driver.taskId('t37');
    const noEvidence = await driver.try(finance.headers, `tasks/${finalInvoice}/complete`, {
      evidence: '',
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().field).toBe('evidence');
    await driver.act(finance.headers, `tasks/${finalInvoice}/complete`, {
      evidence: 'Invoice 2026-1187 issued',
    });
    const notFinance = await driver.try(finance.headers, `tasks/${driver.taskId('t30')}/complete`, {
      evidence: 'x',
    });
    expect(notFinance.statusCode).toBe(403);
    await driver.act(technician.headers, `tasks/${driver.taskId('t30')}/complete`, {
      evidence: 'RMM agents removed from 14 devices; console records deleted after',
    });

    await driver.act(manager.headers, 'close', { note: 'Left on good terms.' });
    expect(driver.closeout.status).toBe('terminated');
    expect(driver.closeout.endedAt).not.toBeNull();
    expect(
      driver.closeout.tasks.filter((task) => task.taskKey.startsWith('win_back_')),
    ).toHaveLength(3);
    const [former] = await testApp.db.select().from(clients).where(eq(clients.id, client.id));
    expect(former?.status).toBe('former');

    await driver.act(technician.headers, 'deactivation-issues', {
      summary: 'Firewall admin password rejected',
      systemName: 'FortiGate 60F',
    });
    expect(driver.closeout.deactivationIssues).toHaveLength(1);

    const timeline = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${driver.closeout.id}/timeline?limit=500`,
      headers: manager.headers,
    });
    expect(timeline.statusCode).toBe(200);
    const actions = timeline.json().items.map((event: { action: string }) => event.action);
    expect(actions.at(-1)).toBe('open_closeout');
    expect(actions[0]).toBe('log_deactivation_issue');
    expect(actions).toContain('close_terminated');
    expect(actions).toContain('decide_retention');
    const events = await testApp.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.orgId, manager.orgId), eq(auditEvents.closeoutId, driver.closeout.id)),
      );
    expect(events).toHaveLength(driver.closeout.version);
  });
});

describe('a closeout retained through a Service Improvement Program', () => {
  it('ends retained and gives the client back its active status', async () => {
    const { client } = await clientWithOpenTickets(1);
    const driver = await openFor(client.id);
    await driver.act(manager.headers, 'decide-retention', {
      decision: 'attempt_retention',
      rationale: 'Fixable',
    });
    expect(driver.closeout.tasks.map((task) => task.taskKey)).toEqual(
      expect.arrayContaining(['t09', 't10']),
    );
    const notYet = await driver.try(manager.headers, 'advance-stage');
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().unmetGates[0].gate).toBe('retention_resolved');
    await driver.act(accountManager.headers, 'sip-actions', {
      description: 'Dedicated technician two days a week',
      ownerUserId: technician.userId,
      dueOn: isoDay(daysAgo(-14)),
    });
    const actionId = driver.closeout.sipActions[0]!.id;
    await driver.act(accountManager.headers, `sip-actions/${actionId}`, {
      done: true,
      note: 'Started Monday',
    });
    await driver.act(executive.headers, 'conclude-sip', {
      outcome: 'retained',
      note: 'Signed a 24-month renewal',
    });
    expect(driver.closeout.status).toBe('retained');
    expect(driver.closeout.tasks.filter((task) => task.status === 'open')).toEqual([]);
    const [row] = await testApp.db.select().from(clients).where(eq(clients.id, client.id));
    expect(row?.status).toBe('active');
    const afterEnd = await driver.try(manager.headers, 'acknowledge-notice');
    expect(afterEnd.statusCode).toBe(409);
    expect(afterEnd.json().code).toBe('illegal_transition');
  });
});

describe('a closeout withdrawn by the client', () => {
  it('ends withdrawn from the ticket review, and not after responsibility moved', async () => {
    const { client } = await clientWithOpenTickets(1);
    const driver = await openFor(client.id, 'mutual');
    await throughMeeting(driver);
    await driver.act(executive.headers, 'withdraw', { note: 'The acquisition fell through.' });
    expect(driver.closeout.status).toBe('withdrawn');
    const [row] = await testApp.db.select().from(clients).where(eq(clients.id, client.id));
    expect(row?.status).toBe('active');
  });
});

describe('a provider termination', () => {
  it('needs an Executive to approve it before it leaves the retention assessment', async () => {
    const { client } = await clientWithOpenTickets(0);
    const driver = await openFor(client.id, 'provider_termination');
    expect(driver.closeout.tasks.map((task) => task.taskKey)).toContain('t08');
    const clientReason = await driver.try(manager.headers, 'record-reasons', { primary: 'price' });
    expect(clientReason.statusCode).toBe(400);
    expect(clientReason.json().field).toBe('primary');
    await driver.act(manager.headers, 'record-reasons', { primary: 'non_payment' });
    await driver.act(manager.headers, 'decide-retention', { decision: 'confirm_termination' });
    const unapproved = await driver.try(manager.headers, 'advance-stage');
    expect(unapproved.statusCode).toBe(409);
    expect(unapproved.json().unmetGates.map((gate: { gate: string }) => gate.gate)).toEqual([
      'termination_approved',
    ]);
    const notExecutive = await driver.try(manager.headers, 'approve-termination', { note: 'ok' });
    expect(notExecutive.statusCode).toBe(403);
    expect(notExecutive.json().detail).toContain('Executive');
    await driver.act(executive.headers, 'approve-termination', { note: 'Three invoices unpaid' });
    await driver.act(manager.headers, 'advance-stage');
    expect(driver.closeout.stage.key).toBe('closeout_meeting');
  });
});

describe('refusals', () => {
  it('answers 400 naming the field for a bad body', async () => {
    const { client } = await clientWithOpenTickets(0);
    const response = await tryOpening(manager.headers, client.id, '27/11/2026');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().field).toBe('noticeReceivedOn');
  });

  it('answers 400 for a notice date in the future and 409 for a second open closeout', async () => {
    const { client } = await clientWithOpenTickets(0);
    const future = await tryOpening(manager.headers, client.id, isoDay(daysAgo(-3)));
    expect(future.statusCode).toBe(400);
    expect(future.json().field).toBe('noticeReceivedOn');
    await openFor(client.id);
    const second = await tryOpening(manager.headers, client.id, isoDay(daysAgo(1)));
    expect(second.statusCode).toBe(409);
    expect(second.json().field).toBe('clientId');
  });

  it("answers 404 for an unknown closeout and for another organisation's", async () => {
    const { client } = await clientWithOpenTickets(0);
    const driver = await openFor(client.id);
    const unknown = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${randomUUID()}`,
      headers: manager.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const outsider = await createStaff({
      app: testApp.app,
      roles: ['service_manager', 'executive'],
    });
    const read = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${driver.closeout.id}`,
      headers: outsider.headers,
    });
    expect(read.statusCode).toBe(404);
    const change = await driver.try(outsider.headers, 'withdraw', { note: 'not mine' });
    expect(change.statusCode).toBe(404);
    const timeline = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${driver.closeout.id}/timeline`,
      headers: outsider.headers,
    });
    expect(timeline.statusCode).toBe(404);
    const list = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/closeouts',
      headers: outsider.headers,
    });
    expect(list.json().total).toBe(0);
    const openForeign = await tryOpening(outsider.headers, client.id, isoDay(daysAgo(1)));
    expect(openForeign.statusCode).toBe(400);
    expect(openForeign.json().field).toBe('clientId');
  });

  it('answers 403 to a role the permission matrix does not allow', async () => {
    const { client } = await clientWithOpenTickets(0);
    const opened = await tryOpening(technician.headers, client.id, isoDay(daysAgo(1)));
    expect(opened.statusCode).toBe(403);
    const driver = await openFor(client.id);
    const decision = await driver.try(accountManager.headers, 'decide-retention', {
      decision: 'accept_cancellation',
    });
    expect(decision.statusCode).toBe(403);
    const close = await driver.try(technician.headers, 'close');
    expect(close.statusCode).toBe(403);
  });

  it('answers 409 to a stale version and 428 without If-Match', async () => {
    const { client } = await clientWithOpenTickets(0);
    const driver = await openFor(client.id);
    const staleVersion = driver.closeout.version;
    await driver.act(accountManager.headers, 'acknowledge-notice');
    const stale = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/closeouts/${driver.closeout.id}/decide-retention`,
      headers: { ...manager.headers, 'if-match': `"${staleVersion}"` },
      payload: { decision: 'accept_cancellation' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const missing = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/closeouts/${driver.closeout.id}/decide-retention`,
      headers: manager.headers,
      payload: { decision: 'accept_cancellation' },
    });
    expect(missing.statusCode).toBe(428);
  });

  it('refuses an action of a later stage as an illegal transition', async () => {
    const { client } = await clientWithOpenTickets(0);
    const driver = await openFor(client.id);
    const early = await driver.try(manager.headers, 'pull-tickets');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'illegal_transition',
      detail: expect.stringContaining('11a.02'),
    });
  });
});

describe('listing', () => {
  it('filters, searches and paginates closeouts', async () => {
    const { client } = await clientWithOpenTickets(0);
    const driver = await openFor(client.id, 'mutual');
    const byReference = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts?q=${driver.closeout.reference}&trigger=mutual`,
      headers: technician.headers,
    });
    expect(byReference.statusCode).toBe(200);
    expect(byReference.json()).toMatchObject({
      total: 1,
      items: [{ id: driver.closeout.id, trigger: 'mutual' }],
    });
    const page = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/closeouts?pageSize=1&page=1&sort=reference',
      headers: technician.headers,
    });
    expect(page.json().items).toHaveLength(1);
    expect(page.json().total).toBeGreaterThan(1);
    const bad = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/closeouts?pageSize=5000',
      headers: technician.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('pageSize');
  });
});

describe('reading a closeout', () => {
  it('serves the same detail compressed, and never a stale one after a change', async () => {
    const { client } = await clientWithOpenTickets(0);
    const driver = await openFor(client.id);
    const read = (encoding?: string) =>
      testApp.app.inject({
        method: 'GET',
        url: `/api/v1/closeouts/${driver.closeout.id}`,
        headers: { ...technician.headers, ...(encoding ? { 'accept-encoding': encoding } : {}) },
      });
    const plain = await read();
    const gzipped = await read('gzip, deflate, br');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('accept-encoding');
    expect(JSON.parse(gunzipSync(gzipped.rawPayload).toString())).toEqual(plain.json());
    expect(plain.headers.etag).toBe(`"${driver.closeout.version}"`);

    await driver.act(accountManager.headers, 'acknowledge-notice');
    const afterChange = await read();
    expect(afterChange.json().acknowledgedAt).not.toBeNull();
    expect(afterChange.headers.etag).toBe(`"${driver.closeout.version}"`);

    const renamed = await testApp.app.inject({
      method: 'PATCH',
      url: `/api/v1/clients/${client.id}`,
      headers: manager.headers,
      payload: { name: 'Fabrikam Dental Group' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await read()).json().client.name).toBe('Fabrikam Dental Group');
  });
});

describe('actions without a body', () => {
  it('accept a request with no body at all', async () => {
    const { client } = await clientWithOpenTickets(0);
    const driver = await openFor(client.id);
    const response = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/closeouts/${driver.closeout.id}/acknowledge-notice`,
      headers: { ...accountManager.headers, 'if-match': `"${driver.closeout.version}"` },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().acknowledgedAt).not.toBeNull();
  });
});
