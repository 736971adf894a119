import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import { CloseoutDriver } from '../../../test/support/closeout-api.js';
import { insertAgreement, insertClient, insertTicket } from '../../../test/support/factories.js';
import { auditEvents } from '../../db/schema.js';
import type { TTicket, TTicketPage } from './schema.js';

let testApp: TestApp;
let manager: Staff;
let technician: Staff;
let otherOrgManager: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  manager = await createStaff({ app: testApp.app, roles: ['service_manager'] });
  technician = await createStaff({ app: testApp.app, orgId: manager.orgId, roles: ['technician'] });
  otherOrgManager = await createStaff({ app: testApp.app, roles: ['service_manager'] });
});

afterAll(async () => {
  await testApp.close();
});

const call = (options: {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  as?: Staff;
  body?: Record<string, unknown>;
}) =>
  testApp.app.inject({
    method: options.method,
    url: `/api/v1${options.url}`,
    headers: (options.as ?? manager).headers,
    ...(options.body === undefined ? {} : { payload: options.body }),
  });

async function createTicket(body: Record<string, unknown>): Promise<TTicket> {
  const response = await call({ method: 'POST', url: '/tickets', body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('creating and changing tickets', () => {
  it('adds a ticket with defaults and records it', async () => {
    const client = await insertClient(testApp.db, manager.orgId, { name: 'Datum Corporation' });
    const response = await call({
      method: 'POST',
      url: '/tickets',
      body: {
        clientId: client.id,
        number: 'T-4711',
        title: 'VPN drops every hour',
        openedAt: '2025-05-02T09:30:00+02:00',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const ticket: TTicket = response.json();
    expect(response.headers.location).toBe(`/api/v1/tickets/${ticket.id}`);
    expect(ticket).toEqual({
      id: ticket.id,
      client: { id: client.id, name: 'Datum Corporation' },
      number: 'T-4711',
      title: 'VPN drops every hour',
      status: 'open',
      priority: 'normal',
      openedAt: '2025-05-02T07:30:00.000Z',
      closedAt: null,
      slaBreached: false,
      satisfaction: null,
      source: 'manual',
      externalId: null,
    });
    const read = await call({ method: 'GET', url: `/tickets/${ticket.id}`, as: technician });
    expect(read.json()).toEqual(ticket);
    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, ticket.id), eq(auditEvents.action, 'create_ticket')));
    expect(event).toMatchObject({
      entityType: 'ticket',
      closeoutId: null,
      actorId: manager.userId,
    });
  });

  it('stamps when a ticket closes and clears it when it reopens', async () => {
    const client = await insertClient(testApp.db, manager.orgId);
    const ticket = await createTicket({
      clientId: client.id,
      number: 'T-1',
      title: 'Printer jam',
      openedAt: '2025-05-02T09:30:00Z',
    });
    const before = Date.now();
    const completed = await call({
      method: 'PATCH',
      url: `/tickets/${ticket.id}`,
      body: { status: 'completed', satisfaction: 5 },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    const closedAt = completed.json().closedAt;
    expect(Date.parse(closedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(completed.json()).toMatchObject({ status: 'completed', satisfaction: 5 });

    const cancelled = await call({
      method: 'PATCH',
      url: `/tickets/${ticket.id}`,
      body: { status: 'cancelled' },
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', closedAt });

    const reopened = await call({
      method: 'PATCH',
      url: `/tickets/${ticket.id}`,
      body: { status: 'open' },
    });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });

    const imported = await createTicket({
      clientId: client.id,
      number: 'T-2',
      title: 'Old request',
      status: 'completed',
      openedAt: '2024-01-01T08:00:00Z',
      closedAt: '2024-01-03T08:00:00Z',
    });
    expect(imported.closedAt).toBe('2024-01-03T08:00:00.000Z');
  });

  it('names the field at fault', async () => {
    const client = await insertClient(testApp.db, manager.orgId);
    const base = {
      clientId: client.id,
      number: 'T-9',
      title: 'Slow PC',
      openedAt: '2025-05-02T09:30:00Z',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, satisfaction: 6 }, 'satisfaction'],
      [{ ...base, satisfaction: 0 }, 'satisfaction'],
      [{ ...base, status: 'pending' }, 'status'],
      [{ ...base, openedAt: 'yesterday' }, 'openedAt'],
      [{ ...base, title: '' }, 'title'],
      [{ ...base, closedAt: '2025-05-03T09:30:00Z' }, 'closedAt'],
      [{ ...base, status: 'completed', closedAt: '2025-05-01T09:30:00Z' }, 'closedAt'],
    ];
    for (const [body, field] of cases) {
      const response = await call({ method: 'POST', url: '/tickets', body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().field, JSON.stringify(body)).toBe(field);
    }
  });

  it('refuses a client of another organisation as an unknown client', async () => {
    const foreign = await insertClient(testApp.db, otherOrgManager.orgId);
    const response = await call({
      method: 'POST',
      url: '/tickets',
      body: {
        clientId: foreign.id,
        number: 'T-1',
        title: 'Hello',
        openedAt: '2025-05-02T09:30:00Z',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('clientId');
  });

  it('answers 404 for an unknown ticket and another organisation’s', async () => {
    const foreignClient = await insertClient(testApp.db, otherOrgManager.orgId);
    const foreign = await insertTicket(testApp.db, otherOrgManager.orgId, foreignClient.id);
    for (const id of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      expect((await call({ method: 'GET', url: `/tickets/${id}` })).statusCode).toBe(404);
      const change = await call({
        method: 'PATCH',
        url: `/tickets/${id}`,
        body: { title: 'Mine' },
      });
      expect(change.statusCode).toBe(404);
    }
  });

  it('refuses the same external id twice from one source', async () => {
    const client = await insertClient(testApp.db, manager.orgId);
    const body = {
      clientId: client.id,
      number: 'T-77',
      title: 'Imported',
      openedAt: '2025-05-02T09:30:00Z',
      source: 'connectwise',
      externalId: 'CW-77',
    };
    await createTicket(body);
    const duplicate = await call({ method: 'POST', url: '/tickets', body });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'conflict', field: 'externalId' });
    expect(duplicate.json().detail).toContain('CW-77');
  });

  it('lets only client managers add or change tickets', async () => {
    const client = await insertClient(testApp.db, manager.orgId);
    const ticket = await insertTicket(testApp.db, manager.orgId, client.id);
    const create = await call({
      method: 'POST',
      url: '/tickets',
      as: technician,
      body: { clientId: client.id, number: 'T-5', title: 'No', openedAt: '2025-05-02T09:30:00Z' },
    });
    expect(create.statusCode).toBe(403);
    const change = await call({
      method: 'PATCH',
      url: `/tickets/${ticket.id}`,
      as: technician,
      body: { status: 'completed' },
    });
    expect(change.statusCode).toBe(403);
  });
});

describe('listing tickets', () => {
  let listOrg: Staff;
  let firstClientId: string;

  beforeAll(async () => {
    listOrg = await createStaff({ app: testApp.app, roles: ['finance'] });
    const { db } = testApp;
    const first = await insertClient(db, listOrg.orgId, { name: 'Margie’s Travel' });
    const second = await insertClient(db, listOrg.orgId, { name: 'Trey Research' });
    firstClientId = first.id;
    await insertTicket(db, listOrg.orgId, first.id, {
      number: 'T-100',
      title: 'Mailbox full',
      openedAt: new Date('2025-01-10T10:00:00Z'),
    });
    await insertTicket(db, listOrg.orgId, first.id, {
      number: 'T-101',
      title: 'New starter laptop',
      status: 'completed',
      openedAt: new Date('2025-02-10T10:00:00Z'),
      closedAt: new Date('2025-02-11T10:00:00Z'),
    });
    await insertTicket(db, listOrg.orgId, second.id, {
      number: 'T-200',
      title: 'Mailbox migration',
      openedAt: new Date('2025-03-10T10:00:00Z'),
    });
  });

  const list = async (query: string): Promise<TTicketPage> => {
    const response = await call({ method: 'GET', url: `/tickets${query}`, as: listOrg });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const numbers = (page: TTicketPage) => page.items.map((ticket) => ticket.number);

  it('lists the newest first by default, with the client', async () => {
    const page = await list('');
    expect(numbers(page)).toEqual(['T-200', 'T-101', 'T-100']);
    expect(page.total).toBe(3);
    expect(page.items[0]!.client.name).toBe('Trey Research');
  });

  it('filters by client, status and text, sorts and pages', async () => {
    expect(numbers(await list(`?clientId=${firstClientId}`))).toEqual(['T-101', 'T-100']);
    expect(numbers(await list('?status=open'))).toEqual(['T-200', 'T-100']);
    expect(numbers(await list('?q=mailbox'))).toEqual(['T-200', 'T-100']);
    expect(numbers(await list('?q=t-10'))).toEqual(['T-101', 'T-100']);
    expect(numbers(await list('?sort=number'))).toEqual(['T-100', 'T-101', 'T-200']);
    expect(numbers(await list(`?clientId=${firstClientId}&sort=status`))).toEqual([
      'T-100',
      'T-101',
    ]);
    expect(numbers(await list('?sort=status'))).toEqual(['T-200', 'T-100', 'T-101']);
    const page = await list('?sort=openedAt&page=2&pageSize=2');
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(numbers(page)).toEqual(['T-200']);
  });

  it('refuses a bad filter', async () => {
    const response = await call({ method: 'GET', url: '/tickets?clientId=nope', as: listOrg });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('clientId');
  });
});

describe('tickets during a closeout', () => {
  it('joins a new ticket to the open review, and shows a ticket closed outside as its outcome', async () => {
    const { db } = testApp;
    const client = await insertClient(db, manager.orgId, { name: 'Humongous Insurance' });
    await insertAgreement(db, manager.orgId, client.id, { monthlyRecurringRevenue: 2500 });
    const first = await insertTicket(db, manager.orgId, client.id, { number: 'T-3001' });

    const driver = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date().toISOString().slice(0, 10),
      noticeEvidence: 'Letter from the CEO',
    });
    await driver.act(manager.headers, 'decide-retention', { decision: 'accept_cancellation' });
    await driver.act(manager.headers, 'advance-stage');
    const pulled = await driver.act(technician.headers, 'pull-tickets');
    expect(pulled.ticketReviews.map((review) => review.ticketNumber)).toEqual(['T-3001']);

    const arriving = await createTicket({
      clientId: client.id,
      number: 'T-3002',
      title: 'Scanner offline',
      openedAt: new Date().toISOString(),
    });
    const afterArrival = await call({ method: 'GET', url: `/closeouts/${driver.closeout.id}` });
    const joined = afterArrival.json();
    expect(joined.version).toBeGreaterThan(pulled.version);
    expect(
      joined.ticketReviews.map((review: { ticketId: string; outcome: string | null }) => [
        review.ticketId,
        review.outcome,
      ]),
    ).toEqual([
      [first.id, null],
      [arriving.id, null],
    ]);

    const closed = await call({
      method: 'PATCH',
      url: `/tickets/${first.id}`,
      body: { status: 'cancelled' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const afterClosing = (
      await call({ method: 'GET', url: `/closeouts/${driver.closeout.id}` })
    ).json();
    const review = afterClosing.ticketReviews.find(
      (candidate: { ticketId: string }) => candidate.ticketId === first.id,
    );
    expect(review).toMatchObject({ outcome: 'cancelled', outcomeAt: closed.json().closedAt });

    const [event] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.closeoutId, driver.closeout.id),
          eq(auditEvents.action, 'sync_ticket_review'),
        ),
      );
    expect(event?.actorId).toBe(manager.userId);
  });

  it('leaves a review alone until its tickets were pulled', async () => {
    const { db } = testApp;
    const client = await insertClient(db, manager.orgId);
    const driver = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date().toISOString().slice(0, 10),
      noticeEvidence: 'Phone call, confirmed by email',
    });
    await createTicket({
      clientId: client.id,
      number: 'T-5001',
      title: 'Early ticket',
      openedAt: new Date().toISOString(),
    });
    const detail = (await call({ method: 'GET', url: `/closeouts/${driver.closeout.id}` })).json();
    expect(detail.ticketReviews).toEqual([]);
    expect(detail.version).toBe(driver.closeout.version);
  });
});
