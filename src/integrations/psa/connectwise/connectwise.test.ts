import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeReply,
  type FakeVendorServer,
  type RecordedRequest,
  startFakeVendorServer,
  vendorFixture,
} from '../../../../test/support/fake-vendor-server.js';
import type { PsaConnector } from '../connector.js';
import { PsaError } from '../errors.js';
import { createConnectwiseConnector } from './connector.js';
import { connectwiseVendor } from './index.js';

const API = '/v4_6_release/apis/3.0';
const SECRETS = {
  publicKey: 'Qx7pUbL1cKey',
  privateKey: 'Zr9pr1vateS3cret',
  clientId: '3f0b5e2c-8a41-4d7e-9b6f-2c1d0e9a7b55',
};
/** base64("northwind+Qx7pUbL1cKey:Zr9pr1vateS3cret") */
const AUTHORIZATION = 'Basic bm9ydGh3aW5kK1F4N3BVYkwxY0tleTpacjlwcjF2YXRlUzNjcmV0';
/** The host ConnectWise writes into its `Link` headers, which is not the one we call. */
const LINK_HOST = 'https://cw-internal-07.myconnectwise.net';

const fixture = (name: string) => vendorFixture('connectwise', name);

let server: FakeVendorServer;

beforeEach(async () => {
  server = await startFakeVendorServer(() => ({ status: 404 }));
});

afterEach(async () => {
  await server.close();
});

function settingsFor(overrides: Record<string, unknown> = {}) {
  return connectwiseVendor.settingsSchema.parse({
    siteUrl: server.url,
    companyId: 'northwind',
    ...overrides,
  });
}

function connector(overrides: Record<string, unknown> = {}): PsaConnector {
  return connectwiseVendor.create({
    settings: settingsFor(overrides),
    secrets: connectwiseVendor.secretsSchema.parse(SECRETS),
  });
}

/** Answers each page number with its reply; any other request is a test failure. */
function answerPages(path: string, replies: Record<string, FakeReply>): void {
  server.handle((request) => {
    const reply = replies[request.query.get('page') ?? ''];
    if (request.path !== path || reply === undefined) {
      throw new Error(`unexpected ${request.method} ${request.path}?${request.query}`);
    }
    return reply;
  });
}

function linkHeader(path: string, query: string, links: Record<string, number>): string {
  return Object.entries(links)
    .map(([rel, page]) => `<${LINK_HOST}${path}?${query}&pageSize=1000&page=${page}>; rel="${rel}"`)
    .join(', ');
}

function seen(request: RecordedRequest) {
  return {
    method: request.method,
    path: request.path,
    query: Object.fromEntries(request.query),
  };
}

function expectSignedRequests(): void {
  expect(server.requests.length).toBeGreaterThan(0);
  for (const request of server.requests) {
    expect(request.headers.authorization).toBe(AUTHORIZATION);
    expect(request.headers.clientid).toBe(SECRETS.clientId);
  }
}

async function failureOf(promise: Promise<unknown>): Promise<PsaError> {
  const outcome = await promise.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(PsaError);
  return outcome as PsaError;
}

describe('connectwiseVendor', () => {
  it("describes every setting and secret and fills in ConnectWise's defaults", () => {
    const { settingsSchema, secretsSchema } = connectwiseVendor;
    expect(connectwiseVendor.vendor).toBe('connectwise');
    expect(connectwiseVendor.label).toBe('ConnectWise PSA');
    expect(settingsSchema.parse({ companyId: ' northwind ' })).toEqual({
      siteUrl: 'https://api-na.myconnectwise.net',
      companyId: 'northwind',
      codebase: 'v4_6_release',
      closedStatusName: '>Closed',
    });
    for (const field of [
      ...Object.values(settingsSchema.shape),
      ...Object.values(secretsSchema.shape),
    ]) {
      expect(field.description).toMatch(/\w{4,}/);
    }
    expect(Object.keys(secretsSchema.shape)).toEqual(['publicKey', 'privateKey', 'clientId']);
    expect(secretsSchema.safeParse({ ...SECRETS, privateKey: ' ' }).success).toBe(false);
    expect(settingsSchema.safeParse({ companyId: 'n', siteUrl: 'ftp://cw.example' }).success).toBe(
      false,
    );
  });
});

describe('testConnection', () => {
  it('signs in with the API keys and client id on the configured site and codebase', async () => {
    server.handle(async () => ({ json: await fixture('system-info') }));

    const check = await connector({
      siteUrl: `${server.url}/`,
      codebase: 'v2025_1',
    }).testConnection();

    expect(check.message).toBe(
      'Connected to ConnectWise PSA as company "northwind" (v2025.1.105047).',
    );
    expect(server.requests.map(seen)).toEqual([
      { method: 'GET', path: '/v2025_1/apis/3.0/system/info', query: {} },
    ]);
    expectSignedRequests();
  });
});

describe('listClients', () => {
  it('reads every page the Link header names, from the configured site', async () => {
    const path = `${API}/company/companies`;
    const query = 'conditions=deletedFlag%3Dfalse&orderBy=id%20asc';
    answerPages(path, {
      '1': {
        json: await fixture('companies-page-1'),
        headers: { link: linkHeader(path, query, { next: 2, last: 2 }) },
      },
      '2': {
        json: await fixture('companies-page-2'),
        headers: { link: linkHeader(path, query, { first: 1, prev: 1 }) },
      },
    });

    const clients = await connector().listClients();

    expect(clients).toEqual([
      {
        externalId: '12',
        name: 'Northwind Traders',
        clientSince: '2019-04-15',
        industry: 'Manufacturing',
      },
      {
        externalId: '19',
        name: 'Contoso Dental Group',
        clientSince: '2021-09-01',
        industry: 'Healthcare',
      },
      { externalId: '27', name: 'Fabrikam Legal LLP', clientSince: null, industry: '' },
    ]);
    const filter = { conditions: 'deletedFlag=false', orderBy: 'id asc', pageSize: '1000' };
    expect(server.requests.map(seen)).toEqual([
      { method: 'GET', path, query: { ...filter, page: '1' } },
      { method: 'GET', path, query: { ...filter, page: '2' } },
    ]);
    expectSignedRequests();
  });
});

describe('listAgreements', () => {
  it('reads pages until one comes back short, with billing cycles turned into monthly revenue', async () => {
    const path = `${API}/finance/agreements`;
    answerPages(path, {
      '1': { json: await fixture('agreements-page-1') },
      '2': { json: await fixture('agreements-page-2') },
      '3': { json: [] },
    });
    const small = createConnectwiseConnector({
      settings: settingsFor(),
      secrets: SECRETS,
      pageSize: 2,
    });

    const agreements = await small.listAgreements('12');

    expect(agreements).toEqual([
      {
        externalId: '301',
        clientExternalId: '12',
        name: 'Managed Services - Gold',
        monthlyRecurringRevenue: 4250,
        startDate: '2022-01-01',
        termEndDate: '2026-12-31',
        noticePeriodDays: null,
        status: 'active',
        endedOn: null,
      },
      {
        externalId: '302',
        clientExternalId: '12',
        name: 'Backup & Disaster Recovery',
        monthlyRecurringRevenue: 500,
        startDate: '2023-04-01',
        termEndDate: null,
        noticePeriodDays: null,
        status: 'active',
        endedOn: null,
      },
      {
        externalId: '318',
        clientExternalId: '12',
        name: 'Microsoft 365 Licensing',
        monthlyRecurringRevenue: 300,
        startDate: '2024-01-01',
        termEndDate: '2025-12-31',
        noticePeriodDays: null,
        status: 'ended',
        endedOn: '2025-03-14',
      },
      {
        externalId: '325',
        clientExternalId: '12',
        name: 'Block Time - 20 Hours',
        monthlyRecurringRevenue: 0,
        startDate: '2023-07-01',
        termEndDate: '2024-06-30',
        noticePeriodDays: null,
        status: 'ended',
        endedOn: '2024-06-30',
      },
    ]);
    const filter = { conditions: 'company/id=12', orderBy: 'id asc', pageSize: '2' };
    expect(server.requests.map(seen)).toEqual([
      { method: 'GET', path, query: { ...filter, page: '1' } },
      { method: 'GET', path, query: { ...filter, page: '2' } },
      { method: 'GET', path, query: { ...filter, page: '3' } },
    ]);
  });

  it('refuses a client id ConnectWise cannot have, without calling it', async () => {
    const error = await failureOf(connector().listAgreements('NorthwindTraders'));
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('"NorthwindTraders" is not a ConnectWise PSA company id');
    expect(server.requests).toEqual([]);
  });
});

describe('listOpenTickets', () => {
  it("reads every page of the client's tickets that are not closed", async () => {
    const path = `${API}/service/tickets`;
    const query = 'conditions=company%2Fid%3D12%20and%20closedFlag%3Dfalse&orderBy=id%20asc';
    answerPages(path, {
      '1': {
        json: await fixture('tickets-open-page-1'),
        headers: { link: linkHeader(path, query, { next: 2, last: 2 }) },
      },
      '2': { json: await fixture('tickets-open-page-2') },
    });

    const tickets = await connector().listOpenTickets('12');

    expect(tickets).toEqual([
      {
        externalId: '41872',
        clientExternalId: '12',
        number: '41872',
        title: 'Printer on 2nd floor offline',
        status: 'open',
        priority: 'Priority 3 - Normal Response',
        openedAt: '2026-03-02T14:05:33.000Z',
        closedAt: null,
      },
      {
        externalId: '41873',
        clientExternalId: '12',
        number: '41873',
        title: 'Set up mailbox for new starter',
        status: 'open',
        priority: 'Priority 2 - Quick Response',
        openedAt: '2026-03-04T09:12:01.000Z',
        closedAt: null,
      },
      {
        externalId: '41880',
        clientExternalId: '12',
        number: '41880',
        title: 'Quarterly firewall firmware update',
        status: 'open',
        priority: 'Priority 4 - Schedule Maintenance',
        openedAt: '2026-03-09T22:47:10.000Z',
        closedAt: null,
      },
    ]);
    const filter = {
      conditions: 'company/id=12 and closedFlag=false',
      orderBy: 'id asc',
      pageSize: '1000',
    };
    expect(server.requests.map(seen)).toEqual([
      { method: 'GET', path, query: { ...filter, page: '1' } },
      { method: 'GET', path, query: { ...filter, page: '2' } },
    ]);
    expectSignedRequests();
  });
});

describe('getTickets', () => {
  it('looks tickets up by id and tells completed from cancelled among the closed ones', async () => {
    const path = `${API}/service/tickets`;
    answerPages(path, { '1': { json: await fixture('tickets-by-id') } });

    const tickets = await connector().getTickets([
      '41872',
      '41873',
      '41880',
      'T-20260412.0003',
      '41872',
    ]);

    expect(
      tickets.map(({ externalId, status, closedAt }) => ({ externalId, status, closedAt })),
    ).toEqual([
      { externalId: '41872', status: 'completed', closedAt: '2026-03-11T16:30:00.000Z' },
      { externalId: '41873', status: 'cancelled', closedAt: '2026-03-12T08:02:45.000Z' },
      { externalId: '41880', status: 'open', closedAt: null },
    ]);
    expect(server.requests.map(seen)).toEqual([
      {
        method: 'GET',
        path,
        query: {
          conditions: 'id in (41872,41873,41880)',
          orderBy: 'id asc',
          page: '1',
          pageSize: '1000',
        },
      },
    ]);
  });

  it('asks for at most 100 ids at a time, and not at all for ids that cannot be tickets', async () => {
    server.handle(() => ({ json: [] }));
    const ids = Array.from({ length: 150 }, (_, index) => String(50_001 + index));

    expect(await connector().getTickets(ids)).toEqual([]);
    expect(await connector().getTickets(['T-1', '0', ''])).toEqual([]);

    const asked = server.requests.map((request) =>
      (request.query.get('conditions') ?? '').replace(/^id in \((.*)\)$/, '$1').split(','),
    );
    expect(asked).toEqual([ids.slice(0, 100), ids.slice(100)]);
  });
});

describe('push-back', () => {
  it('closes a cancelled ticket with the closed status setting, then records why in a resolution note', async () => {
    const ticketPath = `${API}/service/tickets/41880`;
    const closed = await fixture('ticket-closed');
    const note = await fixture('note-created');
    server.handle((request) => {
      if (request.method === 'PATCH' && request.path === ticketPath) return { json: closed };
      if (request.method === 'POST' && request.path === `${ticketPath}/notes`) {
        return { status: 201, json: note };
      }
      throw new Error(`unexpected ${request.method} ${request.path}`);
    });

    await connector({ closedStatusName: 'Closed - Cancelled' }).closeCancelledTicket(
      '41880',
      'Cancelled in the closeout of Northwind Traders: the client is leaving.',
    );

    expect(server.requests.map(seen)).toEqual([
      { method: 'PATCH', path: ticketPath, query: {} },
      { method: 'POST', path: `${ticketPath}/notes`, query: {} },
    ]);
    const [patch, post] = server.requests;
    expect(patch?.headers['content-type']).toBe('application/json');
    expect(patch?.json()).toEqual([
      { op: 'replace', path: 'status', value: { name: 'Closed - Cancelled' } },
    ]);
    expect(post?.json()).toEqual({
      text: 'Cancelled in the closeout of Northwind Traders: the client is leaving.',
      resolutionFlag: true,
    });
    expectSignedRequests();
  });

  it('adds only an internal note to a completed ticket, leaving its status alone', async () => {
    const note = await fixture('note-created');
    server.handle(() => ({ status: 201, json: { ...(note as object), ticketId: 41872 } }));

    await connector().noteCompletedTicket('41872', 'Completed before the closeout of Northwind.');

    expect(server.requests.map(seen)).toEqual([
      { method: 'POST', path: `${API}/service/tickets/41872/notes`, query: {} },
    ]);
    expect(server.requests[0]?.json()).toEqual({
      text: 'Completed before the closeout of Northwind.',
      internalAnalysisFlag: true,
    });
  });

  it('stops, without a note, when the closed status setting does not close the ticket', async () => {
    const closed = (await fixture('ticket-closed')) as Record<string, unknown>;
    server.handle(() => ({
      json: { ...closed, status: { id: 19, name: 'Waiting Client' }, closedFlag: false },
    }));

    const error = await failureOf(connector().closeCancelledTicket('41880', 'Client leaving.'));

    expect(error.kind).toBe('rejected');
    expect(error.message).toBe(
      'ConnectWise PSA set ticket 41880 to "Waiting Client", which does not close tickets on its board. Choose a closed status in Settings → Integrations.',
    );
    expect(server.requests.map((request) => request.method)).toEqual(['PATCH']);
  });

  it("quotes ConnectWise's own reason when it refuses the change, and adds no note", async () => {
    const refusal = await fixture('error-invalid-status');
    server.handle(() => ({ status: 400, json: refusal }));

    const error = await failureOf(connector().closeCancelledTicket('41880', 'Client leaving.'));

    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(400);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(
      `It said: "ticket object is invalid: Service Status '>Closed' not found for Service Board 1 (status/name)"`,
    );
    expect(server.requests.map((request) => request.method)).toEqual(['PATCH']);
  });
});

describe('failures', () => {
  it('reports refused credentials as unauthorised, without any key in the message', async () => {
    server.handle(() => ({ status: 401, text: '' }));

    const error = await failureOf(connector().testConnection());

    expect(error.kind).toBe('unauthorised');
    expect(error.status).toBe(401);
    expect(error.message).toContain(`HTTP 401 on ${API}/system/info`);
    for (const secret of [...Object.values(SECRETS), AUTHORIZATION]) {
      expect(error.message).not.toContain(secret);
    }
  });

  it('reports 429 as rate limited with the wait ConnectWise asked for', async () => {
    server.handle(() => ({
      status: 429,
      headers: { 'retry-after': '30' },
      json: { code: 'TooManyRequests', message: 'Request limit exceeded' },
    }));

    const error = await failureOf(connector().listOpenTickets('12'));

    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('Request limit exceeded');
  });

  it('reports a 200 that is not a list of records as an unexpected response', async () => {
    const companies = await fixture('companies-page-1');
    server.handle(() => ({ json: { companies } }));

    const error = await failureOf(connector().listClients());

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toBe(
      `ConnectWise PSA answered GET ${API}/company/companies with something other than a list of companies: Invalid input: expected array, received object.`,
    );
  });

  it('names the field when a record lacks one the API documents', async () => {
    const [first] = (await fixture('tickets-open-page-1')) as Record<string, unknown>[];
    server.handle(() => ({ json: [{ ...first, _info: { lastUpdated: '2026-03-02T14:05:33Z' } }] }));

    const error = await failureOf(connector().listOpenTickets('12'));

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain('a list of service tickets');
    expect(error.message).toContain('at 0._info.dateEntered');
  });

  it('refuses a Link header whose next page does not lead further', async () => {
    const path = `${API}/company/companies`;
    server.handle(async () => ({
      json: await fixture('companies-page-1'),
      headers: { link: linkHeader(path, 'conditions=deletedFlag%3Dfalse', { next: 1 }) },
    }));

    const error = await failureOf(connector().listClients());

    expect(error.kind).toBe('unexpected_response');
    expect(server.requests).toHaveLength(1);
  });
});
