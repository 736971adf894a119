import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import {
  buildCloseout,
  insertAgreement,
  insertClient,
  insertTicket,
} from '../../../test/support/factories.js';
import { insertCloseout } from '../../db/repositories/closeouts.js';
import { auditEvents, clientReturns } from '../../db/schema.js';
import type { TClientDetail, TClientPage } from './schema.js';

let testApp: TestApp;
let manager: Staff;
let accountManager: Staff;
let technician: Staff;
let executive: Staff;
let otherOrgManager: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  manager = await createStaff({ app: testApp.app, roles: ['service_manager'], name: 'Sam' });
  const orgId = manager.orgId;
  accountManager = await createStaff({ app: testApp.app, orgId, roles: ['account_manager'] });
  technician = await createStaff({ app: testApp.app, orgId, roles: ['technician'] });
  executive = await createStaff({ app: testApp.app, orgId, roles: ['executive'] });
  otherOrgManager = await createStaff({ app: testApp.app, roles: ['service_manager'] });
});

afterAll(async () => {
  await testApp.close();
});

type Call = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  as?: Staff;
  body?: Record<string, unknown>;
};

const call = ({ method, url, as = manager, body }: Call) =>
  testApp.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: as.headers,
    ...(body === undefined ? {} : { payload: body }),
  });

async function createClientThroughApi(body: Record<string, unknown>): Promise<TClientDetail> {
  const response = await call({ method: 'POST', url: '/clients', body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('creating and changing clients', () => {
  it('adds a client with defaults and records who did it', async () => {
    const response = await call({
      method: 'POST',
      url: '/clients',
      as: accountManager,
      body: { name: '  Tailspin Toys  ', clientSince: '2020-04-01' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const client: TClientDetail = response.json();
    expect(response.headers.location).toBe(`/api/v1/clients/${client.id}`);
    expect(client).toMatchObject({
      name: 'Tailspin Toys',
      status: 'active',
      clientSince: '2020-04-01',
      industry: '',
      notes: '',
      source: 'manual',
      externalId: null,
      monthlyRecurringRevenue: 0,
      openTickets: 0,
      openCloseoutId: null,
      contacts: [],
      agreements: [],
      managedSystems: [],
      closeouts: [],
      returns: [],
    });
    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'client'), eq(auditEvents.entityId, client.id)));
    expect(event).toMatchObject({
      orgId: manager.orgId,
      closeoutId: null,
      action: 'create_client',
      actorId: accountManager.userId,
      before: null,
    });
    expect(event?.after).toMatchObject({ name: 'Tailspin Toys', status: 'active' });
  });

  it('changes a client and keeps what it was in the audit trail', async () => {
    const client = await createClientThroughApi({ name: 'Wingtip', clientSince: '2018-01-01' });
    const response = await call({
      method: 'PATCH',
      url: `/clients/${client.id}`,
      body: { industry: 'Legal', notes: 'Two offices' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Wingtip',
      industry: 'Legal',
      notes: 'Two offices',
    });
    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, client.id), eq(auditEvents.action, 'update_client')));
    expect(event?.before).toMatchObject({ industry: '' });
    expect(event?.after).toMatchObject({ industry: 'Legal' });
  });

  it('names the field at fault in a bad body', async () => {
    const missingName = await call({
      method: 'POST',
      url: '/clients',
      body: { clientSince: '2020-01-01' },
    });
    expect(missingName.statusCode).toBe(400);
    expect(missingName.json()).toMatchObject({ code: 'validation', field: 'name' });

    const badDay = await call({
      method: 'POST',
      url: '/clients',
      body: { name: 'Proseware', clientSince: '01/02/2020' },
    });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().field).toBe('clientSince');

    const badSource = await call({
      method: 'POST',
      url: '/clients',
      body: { name: 'Proseware', clientSince: '2020-01-01', source: 'salesforce' },
    });
    expect(badSource.json().field).toBe('source');

    const client = await createClientThroughApi({ name: 'Proseware', clientSince: '2020-01-01' });
    const empty = await call({ method: 'PATCH', url: `/clients/${client.id}`, body: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toContain('at least one field');
  });

  it('refuses a second client with the same external id from the same source', async () => {
    await createClientThroughApi({
      name: 'Litware',
      clientSince: '2020-01-01',
      source: 'halopsa',
      externalId: 'HALO-77',
    });
    const duplicate = await call({
      method: 'POST',
      url: '/clients',
      body: {
        name: 'Litware again',
        clientSince: '2020-01-01',
        source: 'halopsa',
        externalId: 'HALO-77',
      },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'conflict', field: 'externalId' });
    expect(duplicate.json().detail).toContain('HALO-77');

    const otherSource = await call({
      method: 'POST',
      url: '/clients',
      body: {
        name: 'Litware (Autotask)',
        clientSince: '2020-01-01',
        source: 'autotask',
        externalId: 'HALO-77',
      },
    });
    expect(otherSource.statusCode).toBe(201);

    const renamed = await call({
      method: 'PATCH',
      url: `/clients/${otherSource.json().id}`,
      body: { source: 'halopsa' },
    });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().field).toBe('externalId');
  });

  it('lets only client managers add clients', async () => {
    const response = await call({
      method: 'POST',
      url: '/clients',
      as: technician,
      body: { name: 'Fourth Coffee', clientSince: '2020-01-01' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
  });

  it('answers 404 for an unknown client and for another organisation’s', async () => {
    const foreign = await insertClient(testApp.db, otherOrgManager.orgId, { name: 'Foreign Ltd' });
    for (const id of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const read = await call({ method: 'GET', url: `/clients/${id}` });
      expect(read.statusCode).toBe(404);
      const change = await call({
        method: 'PATCH',
        url: `/clients/${id}`,
        body: { name: 'Mine now' },
      });
      expect(change.statusCode).toBe(404);
      const contact = await call({
        method: 'POST',
        url: `/clients/${id}/contacts`,
        body: { name: 'Eve' },
      });
      expect(contact.statusCode).toBe(404);
      const preview = await call({
        method: 'GET',
        url: `/clients/${id}/earliest-termination-date?noticeReceivedOn=2025-01-01`,
      });
      expect(preview.statusCode).toBe(404);
    }
    const theirs = await call({
      method: 'GET',
      url: `/clients/${foreign.id}`,
      as: otherOrgManager,
    });
    expect(theirs.json().name).toBe('Foreign Ltd');
  });
});

describe('listing clients', () => {
  let listOrg: Staff;

  beforeAll(async () => {
    listOrg = await createStaff({ app: testApp.app, roles: ['technician'] });
    const { db } = testApp;
    const orgId = listOrg.orgId;
    const alpine = await insertClient(db, orgId, {
      name: 'Alpine Ski House',
      clientSince: '2015-05-01',
    });
    await insertAgreement(db, orgId, alpine.id, { monthlyRecurringRevenue: 1200.5 });
    await insertAgreement(db, orgId, alpine.id, { monthlyRecurringRevenue: 99.25 });
    await insertAgreement(db, orgId, alpine.id, {
      monthlyRecurringRevenue: 5000,
      status: 'ended',
      endedOn: '2020-01-01',
    });
    await insertTicket(db, orgId, alpine.id);
    await insertTicket(db, orgId, alpine.id);
    await insertTicket(db, orgId, alpine.id, { status: 'completed', closedAt: new Date() });
    const bellows = await insertClient(db, orgId, {
      name: 'Bellows College',
      clientSince: '2021-01-01',
      status: 'in_closeout',
    });
    const closeout = buildCloseout({ orgId, clientId: bellows.id });
    await insertCloseout(db, closeout);
    await insertClient(db, orgId, {
      name: 'Coho Winery',
      clientSince: '2010-01-01',
      status: 'former',
    });
    await insertClient(db, orgId, { name: 'Coho Vineyard 100%', clientSince: '2012-01-01' });
  });

  const list = async (query: string): Promise<TClientPage> => {
    const response = await call({ method: 'GET', url: `/clients${query}`, as: listOrg });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('shows each client with the MRR of its active agreements, open tickets and open closeout', async () => {
    const page = await list('');
    expect(page.total).toBe(4);
    expect(page.items.map((client) => client.name)).toEqual([
      'Alpine Ski House',
      'Bellows College',
      'Coho Vineyard 100%',
      'Coho Winery',
    ]);
    expect(page.items[0]).toMatchObject({
      monthlyRecurringRevenue: 1299.75,
      openTickets: 2,
      openCloseoutId: null,
    });
    const bellows = page.items[1]!;
    expect(bellows.status).toBe('in_closeout');
    expect(bellows.openCloseoutId).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.items[2]).toMatchObject({ monthlyRecurringRevenue: 0, openTickets: 0 });
  });

  it('filters by status and name, sorts and pages', async () => {
    expect((await list('?status=former')).items.map((c) => c.name)).toEqual(['Coho Winery']);
    expect((await list('?q=coho')).items.map((c) => c.name)).toEqual([
      'Coho Vineyard 100%',
      'Coho Winery',
    ]);
    expect((await list('?q=100%25')).items.map((c) => c.name)).toEqual(['Coho Vineyard 100%']);
    expect((await list('?sort=-name')).items[0]!.name).toBe('Coho Winery');
    expect((await list('?sort=clientSince')).items[0]!.name).toBe('Coho Winery');
    const second = await list('?sort=name&page=2&pageSize=3');
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((c) => c.name)).toEqual(['Coho Winery']);
  });

  it('refuses a page larger than 200 and an unknown status', async () => {
    const big = await call({ method: 'GET', url: '/clients?pageSize=201', as: listOrg });
    expect(big.statusCode).toBe(400);
    expect(big.json().field).toBe('pageSize');
    const status = await call({ method: 'GET', url: '/clients?status=gone', as: listOrg });
    expect(status.json().field).toBe('status');
  });
});

describe('contacts, agreements and managed systems', () => {
  it('adds, changes and removes a contact', async () => {
    const client = await createClientThroughApi({ name: 'Adatum', clientSince: '2019-01-01' });
    const created = await call({
      method: 'POST',
      url: `/clients/${client.id}/contacts`,
      body: { name: 'Grace Decider', email: 'grace@adatum.example', isDecisionMaker: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    const contact = created.json();
    expect(contact).toMatchObject({
      name: 'Grace Decider',
      email: 'grace@adatum.example',
      phone: null,
      title: '',
      isDecisionMaker: true,
      isTechnicalContact: false,
    });

    const changed = await call({
      method: 'PATCH',
      url: `/clients/${client.id}/contacts/${contact.id}`,
      body: { title: 'Managing Partner', isTechnicalContact: true },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      title: 'Managing Partner',
      isDecisionMaker: true,
      isTechnicalContact: true,
    });

    const detail = await call({ method: 'GET', url: `/clients/${client.id}` });
    expect(detail.json().contacts).toEqual([changed.json()]);

    const removed = await call({
      method: 'DELETE',
      url: `/clients/${client.id}/contacts/${contact.id}`,
    });
    expect(removed.statusCode).toBe(204);
    const again = await call({
      method: 'DELETE',
      url: `/clients/${client.id}/contacts/${contact.id}`,
    });
    expect(again.statusCode).toBe(404);

    const actions = await testApp.db
      .select({ action: auditEvents.action, entityType: auditEvents.entityType })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, contact.id));
    expect(actions.map((event) => event.action)).toEqual([
      'create_contact',
      'update_contact',
      'delete_contact',
    ]);
    expect(new Set(actions.map((event) => event.entityType))).toEqual(new Set(['contact']));
  });

  it('refuses a contact with a bad email address', async () => {
    const client = await createClientThroughApi({ name: 'Adatum 2', clientSince: '2019-01-01' });
    const response = await call({
      method: 'POST',
      url: `/clients/${client.id}/contacts`,
      body: { name: 'Grace', email: 'not-an-address' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('email');
  });

  it('keeps an agreement’s dates in order and only ended agreements with an end day', async () => {
    const client = await createClientThroughApi({ name: 'Relecloud', clientSince: '2019-01-01' });
    const url = `/clients/${client.id}/agreements`;
    const base = {
      name: 'Managed services',
      monthlyRecurringRevenue: 1800,
      startDate: '2024-01-01',
    };

    const created = await call({
      method: 'POST',
      url,
      body: { ...base, termEndDate: '2026-12-31' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      ...base,
      termEndDate: '2026-12-31',
      noticePeriodDays: 30,
      status: 'active',
      endedOn: null,
    });

    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, termEndDate: '2023-12-31' }, 'termEndDate'],
      [{ ...base, monthlyRecurringRevenue: -1 }, 'monthlyRecurringRevenue'],
      [{ ...base, noticePeriodDays: 731 }, 'noticePeriodDays'],
      [{ ...base, status: 'ended' }, 'endedOn'],
      [{ ...base, endedOn: '2024-06-01' }, 'endedOn'],
      [{ ...base, status: 'ended', endedOn: '2023-06-01' }, 'endedOn'],
    ];
    for (const [body, field] of cases) {
      const refused = await call({ method: 'POST', url, body });
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().field, JSON.stringify(body)).toBe(field);
    }

    const agreementUrl = `${url}/${created.json().id}`;
    const endedWithoutDay = await call({
      method: 'PATCH',
      url: agreementUrl,
      body: { status: 'ended' },
    });
    expect(endedWithoutDay.statusCode).toBe(400);
    expect(endedWithoutDay.json().field).toBe('endedOn');
    const earlyTermEnd = await call({
      method: 'PATCH',
      url: agreementUrl,
      body: { startDate: '2027-01-01' },
    });
    expect(earlyTermEnd.json().field).toBe('termEndDate');

    const ended = await call({
      method: 'PATCH',
      url: agreementUrl,
      body: { status: 'ended', endedOn: '2025-03-31' },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({
      status: 'ended',
      endedOn: '2025-03-31',
      monthlyRecurringRevenue: 1800,
    });
    const detail = await call({ method: 'GET', url: `/clients/${client.id}` });
    expect(detail.json().monthlyRecurringRevenue).toBe(0);

    expect((await call({ method: 'DELETE', url: agreementUrl })).statusCode).toBe(204);
  });

  it('adds managed systems from the known categories', async () => {
    const client = await createClientThroughApi({
      name: 'Northwind Traders',
      clientSince: '2019-01-01',
    });
    const url = `/clients/${client.id}/managed-systems`;
    const created = await call({
      method: 'POST',
      url,
      body: { name: 'FortiGate 60F', category: 'firewall' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'FortiGate 60F',
      category: 'firewall',
      description: '',
    });

    const unknown = await call({
      method: 'POST',
      url,
      body: { name: 'Toaster', category: 'kitchen' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('category');

    const changed = await call({
      method: 'PATCH',
      url: `${url}/${created.json().id}`,
      body: { description: 'Head office' },
    });
    expect(changed.json()).toMatchObject({ category: 'firewall', description: 'Head office' });
    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, created.json().id),
          eq(auditEvents.action, 'update_managed_system'),
        ),
      );
    expect(event?.entityType).toBe('managed_system');
  });

  it('answers 404 for a record of another client or organisation', async () => {
    const mine = await createClientThroughApi({ name: 'Contoso A', clientSince: '2019-01-01' });
    const sibling = await createClientThroughApi({ name: 'Contoso B', clientSince: '2019-01-01' });
    const contact = (
      await call({ method: 'POST', url: `/clients/${sibling.id}/contacts`, body: { name: 'Bob' } })
    ).json();
    const viaWrongClient = await call({
      method: 'PATCH',
      url: `/clients/${mine.id}/contacts/${contact.id}`,
      body: { name: 'Robert' },
    });
    expect(viaWrongClient.statusCode).toBe(404);

    const viaOtherOrg = await call({
      method: 'DELETE',
      url: `/clients/${sibling.id}/contacts/${contact.id}`,
      as: otherOrgManager,
    });
    expect(viaOtherOrg.statusCode).toBe(404);
    const still = await call({ method: 'GET', url: `/clients/${sibling.id}` });
    expect(still.json().contacts).toHaveLength(1);
  });
});

describe('GET /clients/:clientId/earliest-termination-date', () => {
  it('proposes the day every active agreement allows, with the MRR at risk', async () => {
    const client = await createClientThroughApi({ name: 'Blue Yonder', clientSince: '2019-01-01' });
    const { db } = testApp;
    await insertAgreement(db, manager.orgId, client.id, {
      monthlyRecurringRevenue: 2000,
      noticePeriodDays: 60,
    });
    await insertAgreement(db, manager.orgId, client.id, {
      monthlyRecurringRevenue: 150.5,
      noticePeriodDays: 14,
      termEndDate: '2025-05-31',
    });
    await insertAgreement(db, manager.orgId, client.id, {
      monthlyRecurringRevenue: 999,
      noticePeriodDays: 365,
      status: 'ended',
      endedOn: '2024-01-01',
    });
    const url = `/clients/${client.id}/earliest-termination-date`;

    const byNotice = await call({ method: 'GET', url: `${url}?noticeReceivedOn=2025-03-01` });
    expect(byNotice.statusCode, byNotice.body).toBe(200);
    expect(byNotice.json()).toMatchObject({
      noticeReceivedOn: '2025-03-01',
      earliestTerminationDate: '2025-05-31',
      mrrAtRisk: 2150.5,
      activeAgreements: 2,
    });
    // The fixed term holds the client longer than either notice period: it sets the date.
    expect(
      byNotice
        .json()
        .agreementEndings.map((ending: Record<string, unknown>) => [
          ending.endsOn,
          ending.by,
          ending.noticePeriodDays,
          ending.setsTheDate,
        ]),
    ).toEqual([
      ['2025-04-30', 'notice_period', 60, false],
      ['2025-05-31', 'term_end', 14, true],
    ]);
    const byNoticePeriod = await call({ method: 'GET', url: `${url}?noticeReceivedOn=2025-04-15` });
    expect(byNoticePeriod.json().earliestTerminationDate).toBe('2025-06-14');
    expect(
      byNoticePeriod
        .json()
        .agreementEndings.filter((ending: { setsTheDate: boolean }) => ending.setsTheDate)
        .map((ending: { by: string; noticePeriodDays: number }) => [
          ending.by,
          ending.noticePeriodDays,
        ]),
    ).toEqual([['notice_period', 60]]);

    const missing = await call({ method: 'GET', url });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('noticeReceivedOn');
  });
});

describe('POST /clients/:clientId/returns', () => {
  async function formerClient(options: { endedAt: string; status?: 'terminated' | 'withdrawn' }) {
    const { db } = testApp;
    const client = await insertClient(db, manager.orgId, { status: 'former' });
    const closeout = buildCloseout({
      orgId: manager.orgId,
      clientId: client.id,
      status: options.status ?? 'terminated',
      stage: 'deactivation',
      endedAt: options.endedAt,
    });
    await insertCloseout(db, closeout);
    return { client, closeout };
  }

  const returnBody = {
    agreementSignedOn: '2025-10-01',
    monthlyRecurringRevenue: 1750,
    agreementName: 'Managed services 2025',
  };

  it('records the return, adds the agreement and makes the client active again', async () => {
    const { client, closeout } = await formerClient({ endedAt: '2025-06-30T15:00:00.000Z' });
    const response = await call({
      method: 'POST',
      url: `/clients/${client.id}/returns`,
      as: executive,
      body: returnBody,
    });
    expect(response.statusCode, response.body).toBe(201);
    const detail: TClientDetail = response.json();
    expect(detail.status).toBe('active');
    expect(detail.monthlyRecurringRevenue).toBe(1750);
    expect(detail.agreements).toEqual([
      expect.objectContaining({
        name: 'Managed services 2025',
        monthlyRecurringRevenue: 1750,
        startDate: '2025-10-01',
        status: 'active',
      }),
    ]);
    expect(detail.returns).toEqual([
      expect.objectContaining({
        closeoutId: closeout.id,
        agreementSignedOn: '2025-10-01',
        monthlyRecurringRevenue: 1750,
        recordedBy: executive.name,
      }),
    ]);
    expect(detail.closeouts).toEqual([
      {
        id: closeout.id,
        reference: closeout.reference,
        status: 'terminated',
        stage: 'deactivation',
        openedAt: closeout.openedAt,
        endedAt: '2025-06-30T15:00:00.000Z',
      },
    ]);

    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, client.id), eq(auditEvents.action, 'record_return')));
    expect(event).toMatchObject({
      closeoutId: closeout.id,
      entityType: 'client',
      actorId: executive.userId,
    });

    const again = await call({
      method: 'POST',
      url: `/clients/${client.id}/returns`,
      body: returnBody,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('is active');
  });

  it('accepts an agreement signed on the day the closeout ended', async () => {
    const { client } = await formerClient({ endedAt: '2025-10-01T23:30:00.000Z' });
    const response = await call({
      method: 'POST',
      url: `/clients/${client.id}/returns`,
      body: returnBody,
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('refuses an agreement signed before the closeout ended, and changes nothing', async () => {
    const { client, closeout } = await formerClient({ endedAt: '2025-10-02T08:00:00.000Z' });
    const response = await call({
      method: 'POST',
      url: `/clients/${client.id}/returns`,
      body: returnBody,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ field: 'agreementSignedOn' });
    expect(response.json().detail).toContain(`${closeout.reference} ended on 2025-10-02`);
    const detail = await call({ method: 'GET', url: `/clients/${client.id}` });
    expect(detail.json()).toMatchObject({ status: 'former', agreements: [], returns: [] });
    const rows = await testApp.db
      .select()
      .from(clientReturns)
      .where(eq(clientReturns.clientId, client.id));
    expect(rows).toEqual([]);
  });

  it('refuses a client that is not former, or whose last closeout did not end terminated', async () => {
    const active = await createClientThroughApi({ name: 'Still Here', clientSince: '2019-01-01' });
    const notFormer = await call({
      method: 'POST',
      url: `/clients/${active.id}/returns`,
      body: returnBody,
    });
    expect(notFormer.statusCode).toBe(409);
    expect(notFormer.json().detail).toBe('Still Here is active; only a former client can return.');

    const { client } = await formerClient({
      endedAt: '2025-01-01T00:00:00.000Z',
      status: 'withdrawn',
    });
    const withdrawn = await call({
      method: 'POST',
      url: `/clients/${client.id}/returns`,
      body: returnBody,
    });
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json().detail).toContain('no closeout that ended terminated');
  });

  it('refuses a signing day in the future, a bad body and the wrong roles', async () => {
    const { client } = await formerClient({ endedAt: '2025-01-01T00:00:00.000Z' });
    const url = `/clients/${client.id}/returns`;
    const future = await call({
      method: 'POST',
      url,
      body: { ...returnBody, agreementSignedOn: '2999-01-01' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().field).toBe('agreementSignedOn');
    const noName = await call({ method: 'POST', url, body: { ...returnBody, agreementName: '' } });
    expect(noName.json().field).toBe('agreementName');
    for (const caller of [accountManager, technician]) {
      expect((await call({ method: 'POST', url, as: caller, body: returnBody })).statusCode).toBe(
        403,
      );
    }
    const foreign = await call({ method: 'POST', url, as: otherOrgManager, body: returnBody });
    expect(foreign.statusCode).toBe(404);
  });
});
