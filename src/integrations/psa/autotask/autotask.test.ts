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
import { autotaskVendor } from './index.js';

/** The zone the fixtures were recorded in; the tests serve it from the fake server. */
const RECORDED_ZONE = 'https://webservices5.autotask.net';
const LOOKUP = '/atservicesrest/v1.0/zoneInformation';
const API = '/webservices5/ATServicesRest/v1.0';
const NEXT = '/webservices5/ATServicesRest/V1.0';

const SECRETS = {
  username: 'closeout-api@northwind-it.example',
  secret: 'kT9$wq-never-shown',
  integrationCode: 'XQ7ZRCLOSEOUT4MSPINTEGRATION',
};

let server: FakeVendorServer;

async function fixture(name: string): Promise<unknown> {
  const text = JSON.stringify(await vendorFixture('autotask', name));
  return JSON.parse(text.replaceAll(RECORDED_ZONE, `${server.url}/webservices5`));
}

/** Answers like a healthy Autotask: each route serves its fixture. */
const ROUTES: Record<string, string> = {
  [`GET ${LOOKUP}`]: 'zone-information',
  [`GET ${API}/Companies/entityInformation/fields`]: 'companies-fields',
  [`POST ${API}/Companies/query`]: 'companies-page-1',
  [`POST ${NEXT}/Companies/query/next`]: 'companies-page-2',
  [`POST ${API}/Contracts/query`]: 'contracts-page-1',
  [`POST ${NEXT}/Contracts/query/next`]: 'contracts-page-2',
  [`GET ${API}/Tickets/entityInformation/fields`]: 'tickets-fields',
  [`POST ${API}/Tickets/query`]: 'tickets-open-page-1',
  [`POST ${NEXT}/Tickets/query/next`]: 'tickets-open-page-2',
  [`PATCH ${API}/Tickets`]: 'ticket-updated',
  [`POST ${API}/Tickets/7301/Notes`]: 'ticket-note-created',
};

const ownCompanyQuery = (request: RecordedRequest) =>
  request.path === `${API}/Companies/query` &&
  JSON.stringify(request.json()).includes('{"op":"eq","field":"id","value":0}');

async function autotask(request: RecordedRequest): Promise<FakeReply> {
  if (ownCompanyQuery(request)) return { json: await fixture('own-company') };
  const name = ROUTES[`${request.method} ${request.path}`];
  if (name === undefined) return { status: 404, json: { errors: ['No such route.'] } };
  return { json: await fixture(name) };
}

function connect(settings: Record<string, unknown> = {}): PsaConnector {
  return autotaskVendor.create({
    settings: autotaskVendor.settingsSchema.parse({
      zoneLookupUrl: `${server.url}/atservicesrest`,
      ...settings,
    }),
    secrets: SECRETS,
  });
}

const calls = () => server.requests.map((request) => `${request.method} ${request.path}`);
const bodies = () =>
  server.requests.map((request) => (request.body === '' ? null : request.json()));

async function failure(promise: Promise<unknown>): Promise<PsaError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PsaError);
  const psaError = error as PsaError;
  expect(psaError.message).not.toContain(SECRETS.secret);
  expect(psaError.message).not.toContain(SECRETS.integrationCode);
  return psaError;
}

beforeEach(async () => {
  server = await startFakeVendorServer(autotask);
});

afterEach(async () => {
  await server.close();
});

describe('the Autotask vendor module', () => {
  it('defaults to the public zone lookup and Autotask’s own Complete status and note picklists', () => {
    expect(autotaskVendor.vendor).toBe('autotask');
    expect(autotaskVendor.label).toBe('Autotask PSA');
    expect(autotaskVendor.settingsSchema.parse({})).toEqual({
      zoneLookupUrl: 'https://webservices.autotask.net/atservicesrest',
      completeStatusId: 5,
      noteTypeId: 1,
      notePublishId: 2,
    });
  });

  it('describes every setting and secret for the connection form', () => {
    const fields = [
      ...Object.values(autotaskVendor.settingsSchema.shape),
      ...Object.values(autotaskVendor.secretsSchema.shape),
    ];
    for (const field of fields) expect(field.description).toMatch(/\w{3,}/);
  });

  it('requires the three secrets of an API user', () => {
    const parsed = autotaskVendor.secretsSchema.safeParse({ username: 'api@msp.example' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toEqual([
      'secret',
      'integrationCode',
    ]);
  });
});

describe('testConnection', () => {
  it('finds the zone, then reads the MSP’s own company with the API user’s headers', async () => {
    const check = await connect().testConnection();

    expect(check.message).toBe(
      'Connected to Autotask PSA as Northwind Managed IT (zone America East 5).',
    );
    expect(calls()).toEqual([`GET ${LOOKUP}`, `POST ${API}/Companies/query`]);
    const [lookup, query] = server.requests;
    expect(Object.fromEntries(lookup!.query)).toEqual({ user: SECRETS.username });
    expect(query!.json()).toEqual({
      filter: [{ op: 'eq', field: 'id', value: 0 }],
      MaxRecords: 1,
    });
    for (const request of server.requests) {
      expect(request.headers).toMatchObject({
        apiintegrationcode: SECRETS.integrationCode,
        username: SECRETS.username,
        secret: SECRETS.secret,
      });
    }
  });

  it('finds the zone once per connector, and the picklists once per entity', async () => {
    const connector = connect();
    await connector.testConnection();
    await connector.listClients();
    await connector.listClients();

    expect(calls().filter((call) => call.includes('zoneInformation'))).toHaveLength(1);
    expect(calls().filter((call) => call.includes('entityInformation'))).toHaveLength(1);
  });

  it('looks the zone up again after a failed lookup', async () => {
    server.handle(() => ({ status: 503, text: 'Service Unavailable' }));
    const connector = connect();
    expect((await failure(connector.testConnection())).kind).toBe('unavailable');

    server.handle(autotask);
    await connector.testConnection();
    expect(calls()).toEqual([`GET ${LOOKUP}`, `GET ${LOOKUP}`, `POST ${API}/Companies/query`]);
  });
});

describe('listClients', () => {
  it('reads every customer page by page, posting the same query to each nextPageUrl', async () => {
    const clients = await connect().listClients();

    expect(clients).toEqual([
      {
        externalId: '174',
        name: 'Contoso Dental Group',
        clientSince: '2019-06-03',
        industry: 'Healthcare',
      },
      { externalId: '175', name: 'Fabrikam Legal LLP', clientSince: '2021-11-30', industry: '' },
      {
        externalId: '176',
        name: 'Tailspin Logistics',
        clientSince: '2024-02-14',
        industry: 'Transport & Logistics',
      },
    ]);
    expect(calls()).toEqual([
      `GET ${LOOKUP}`,
      `GET ${API}/Companies/entityInformation/fields`,
      `POST ${API}/Companies/query`,
      `POST ${NEXT}/Companies/query/next`,
    ]);
    const query = {
      filter: [
        { op: 'in', field: 'companyType', value: [1, 6] },
        { op: 'noteq', field: 'id', value: 0 },
      ],
      MaxRecords: 500,
    };
    expect(bodies().slice(2)).toEqual([query, query]);
    const secondPage = server.requests[3]!;
    expect(JSON.parse(secondPage.query.get('paging')!)).toEqual({
      pageSize: 500,
      previousIds: [],
      nextIds: [176],
    });
    expect(JSON.parse(secondPage.query.get('search')!)).toEqual({ filter: query.filter });
  });

  it('refuses a nextPageUrl on another server rather than send it the credentials', async () => {
    server.handle(async (request) => {
      if (request.path.endsWith('/Companies/query')) {
        const page = (await fixture('companies-page-1')) as {
          pageDetails: { nextPageUrl: string };
        };
        page.pageDetails.nextPageUrl = 'https://collector.example/V1.0/Companies/query/next';
        return { json: page };
      }
      return autotask(request);
    });

    const error = await failure(connect().listClients());
    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain('collector.example');
    expect(calls()).not.toContain(`POST ${NEXT}/Companies/query/next`);
  });
});

describe('listAgreements', () => {
  it('reads the client’s contracts across pages, spreading a recurring contract’s revenue over its months', async () => {
    const agreements = await connect().listAgreements('174');

    expect(agreements).toEqual([
      {
        externalId: '29684012',
        clientExternalId: '174',
        name: 'Managed Services 2025',
        monthlyRecurringRevenue: 2500,
        startDate: '2025-01-01',
        termEndDate: '2025-12-31',
        noticePeriodDays: null,
        status: 'active',
        endedOn: null,
      },
      {
        externalId: '29684013',
        clientExternalId: '174',
        name: 'Project Hours',
        monthlyRecurringRevenue: 0,
        startDate: '2025-03-15',
        termEndDate: '2026-03-14',
        noticePeriodDays: null,
        status: 'active',
        endedOn: null,
      },
      {
        externalId: '29684020',
        clientExternalId: '174',
        name: 'Managed Services 2023-24',
        monthlyRecurringRevenue: 0,
        startDate: '2023-01-01',
        termEndDate: '2024-12-31',
        noticePeriodDays: null,
        status: 'ended',
        endedOn: '2024-12-31',
      },
    ]);
    expect(calls()).toEqual([
      `GET ${LOOKUP}`,
      `POST ${API}/Contracts/query`,
      `POST ${NEXT}/Contracts/query/next`,
    ]);
    const query = { filter: [{ op: 'eq', field: 'companyID', value: 174 }], MaxRecords: 500 };
    expect(bodies().slice(1)).toEqual([query, query]);
  });

  it('refuses an id Autotask cannot have without calling it', async () => {
    const error = await failure(connect().listAgreements('contoso'));
    expect(error.kind).toBe('rejected');
    expect(server.requests).toHaveLength(0);
  });
});

describe('listOpenTickets', () => {
  it('reads the client’s tickets not Complete across pages, with their labels and UTC moments', async () => {
    const tickets = await connect().listOpenTickets('174');

    expect(tickets).toEqual([
      {
        externalId: '7301',
        clientExternalId: '174',
        number: 'T20260401.0003',
        title: 'Printer offline in reception',
        status: 'open',
        priority: 'Medium',
        openedAt: '2026-04-01T08:12:40.327Z',
        closedAt: null,
      },
      {
        externalId: '7302',
        clientExternalId: '174',
        number: 'T20260401.0007',
        title: 'New starter laptop',
        status: 'open',
        priority: 'Critical',
        openedAt: '2026-04-01T14:00:00.000Z',
        closedAt: null,
      },
      {
        externalId: '7310',
        clientExternalId: '174',
        number: 'T20260402.0001',
        title: 'Migrate shared mailbox',
        status: 'open',
        priority: '',
        openedAt: '2026-04-02T09:30:00.000Z',
        closedAt: null,
      },
    ]);
    expect(calls()).toEqual([
      `GET ${LOOKUP}`,
      `GET ${API}/Tickets/entityInformation/fields`,
      `POST ${API}/Tickets/query`,
      `POST ${NEXT}/Tickets/query/next`,
    ]);
    const query = {
      filter: [
        { op: 'eq', field: 'companyID', value: 174 },
        { op: 'noteq', field: 'status', value: 5 },
      ],
      MaxRecords: 500,
    };
    expect(bodies().slice(2)).toEqual([query, query]);
  });

  it('asks for the tickets not in the closing status the MSP set', async () => {
    await connect({ completeStatusId: 21 }).listOpenTickets('174');

    expect(bodies()[2]).toMatchObject({
      filter: [
        { op: 'eq', field: 'companyID', value: 174 },
        { op: 'noteq', field: 'status', value: 21 },
      ],
    });
  });
});

describe('getTickets', () => {
  it('reads the tickets by id and maps Complete to completed and a Cancelled status to cancelled', async () => {
    server.handle(async (request) =>
      request.path.endsWith('/Tickets/query')
        ? { json: await fixture('tickets-by-id') }
        : autotask(request),
    );

    const tickets = await connect().getTickets(['7301', '7302', '7311', 'T-0001', '7301', '9999']);

    expect(
      tickets.map(({ externalId, status, closedAt }) => ({ externalId, status, closedAt })),
    ).toEqual([
      { externalId: '7301', status: 'completed', closedAt: '2026-04-03T16:20:05.500Z' },
      { externalId: '7302', status: 'open', closedAt: null },
      { externalId: '7311', status: 'cancelled', closedAt: null },
    ]);
    expect(bodies()[2]).toEqual({
      filter: [{ op: 'in', field: 'id', value: [7301, 7302, 7311, 9999] }],
      MaxRecords: 500,
    });
  });

  it('asks for at most 500 ids at a time', async () => {
    const empty = { items: [], pageDetails: { count: 0, requestCount: 500, nextPageUrl: null } };
    server.handle((request) =>
      request.path.endsWith('/Tickets/query') ? { json: empty } : autotask(request),
    );
    const ids = Array.from({ length: 501 }, (_, index) => String(index + 1));

    await connect().getTickets(ids);

    const filters = bodies()
      .slice(2)
      .map((body) => (body as { filter: [{ value: number[] }] }).filter[0].value);
    expect(filters.map((values) => values.length)).toEqual([500, 1]);
    expect(filters[1]).toEqual([501]);
  });

  it('does not call Autotask for no ticket it could know', async () => {
    expect(await connect().getTickets([])).toEqual([]);
    expect(await connect().getTickets(['T-0001'])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('push-back', () => {
  it('closes a cancelled ticket with the Complete status, then notes why', async () => {
    await connect().closeCancelledTicket(
      '7301',
      'The client ended the contract; no longer needed.',
    );

    expect(calls()).toEqual([
      `GET ${LOOKUP}`,
      `PATCH ${API}/Tickets`,
      `POST ${API}/Tickets/7301/Notes`,
    ]);
    expect(bodies().slice(1)).toEqual([
      { id: 7301, status: 5 },
      {
        ticketID: 7301,
        title: 'Cancelled in the client closeout',
        description: 'The client ended the contract; no longer needed.',
        noteType: 1,
        publish: 2,
      },
    ]);
  });

  it('uses the closing status and note picklist values the MSP set', async () => {
    await connect({ completeStatusId: 21, noteTypeId: 3, notePublishId: 1 }).closeCancelledTicket(
      '7301',
      'Superseded.',
    );

    expect(bodies().slice(1)).toEqual([
      { id: 7301, status: 21 },
      expect.objectContaining({ noteType: 3, publish: 1 }),
    ]);
  });

  it('only adds a note to a completed ticket', async () => {
    await connect().noteCompletedTicket('7301', 'Confirmed fixed with the client at the review.');

    expect(calls()).toEqual([`GET ${LOOKUP}`, `POST ${API}/Tickets/7301/Notes`]);
    expect(bodies()[1]).toEqual({
      ticketID: 7301,
      title: 'Completed in the client closeout',
      description: 'Confirmed fixed with the client at the review.',
      noteType: 1,
      publish: 2,
    });
  });

  it('quotes Autotask’s own message when it refuses the change', async () => {
    server.handle(async (request) =>
      request.method === 'PATCH'
        ? { status: 400, json: await fixture('error-invalid-status') }
        : autotask(request),
    );

    const error = await failure(
      connect({ completeStatusId: 99 }).closeCancelledTicket('7301', 'x'),
    );

    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(400);
    expect(error.message).toContain(
      'It said: "Value does not exist for the required field status. Status 99 does not exist in the Ticket Status list."',
    );
    expect(calls()).not.toContain(`POST ${API}/Tickets/7301/Notes`);
  });

  it('takes a 500 carrying Autotask’s errors as a refusal, not an outage to retry', async () => {
    server.handle(async (request) =>
      request.method === 'PATCH'
        ? { status: 500, json: await fixture('error-invalid-status') }
        : autotask(request),
    );

    const error = await failure(
      connect({ completeStatusId: 99 }).closeCancelledTicket('7301', 'x'),
    );

    expect(error.kind).toBe('rejected');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Status 99 does not exist');
  });

  it('retries a bare 500 as an outage', async () => {
    server.handle((request) =>
      request.method === 'PATCH'
        ? { status: 500, text: 'Internal Server Error' }
        : autotask(request),
    );

    const error = await failure(connect().closeCancelledTicket('7301', 'x'));

    expect(error.kind).toBe('unavailable');
    expect(error.retryable).toBe(true);
  });

  it('reads an answer without the written record’s id as unexpected', async () => {
    server.handle((request) => (request.method === 'POST' ? { json: {} } : autotask(request)));

    const error = await failure(connect().noteCompletedTicket('7301', 'Done.'));

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain(`POST ${API}/Tickets/7301/Notes`);
    expect(error.message).toContain('itemId');
  });
});

describe('failures', () => {
  it('reports refused credentials as unauthorised, without the secret', async () => {
    server.handle((request) =>
      request.path === LOOKUP ? autotask(request) : { status: 401, text: '' },
    );

    const error = await failure(connect().listClients());

    expect(error.kind).toBe('unauthorised');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("Autotask PSA refused the connection's credentials");
  });

  it('reports the thread or hourly limit as rate limited, with Autotask’s wait', async () => {
    server.handle((request) =>
      request.path === LOOKUP
        ? autotask(request)
        : {
            status: 429,
            headers: { 'retry-after': '30' },
            json: { errors: ['API request threshold exceeded.'] },
          },
    );

    const error = await failure(connect().listOpenTickets('174'));

    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.message).toContain('API request threshold exceeded.');
  });

  it('reads a page without items as unexpected', async () => {
    server.handle((request) =>
      request.path.endsWith('/Contracts/query')
        ? { json: { item: null, pageDetails: null } }
        : autotask(request),
    );

    const error = await failure(connect().listAgreements('174'));

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain(`POST ${API}/Contracts/query`);
    expect(error.message).toContain('items');
  });

  it('reads a record without its documented fields as unexpected, saying which', async () => {
    server.handle((request) =>
      request.path.endsWith('/Companies/query')
        ? {
            json: {
              items: [{ id: 174, companyName: 'Contoso Dental Group' }, { id: 175 }],
              pageDetails: { count: 2, requestCount: 500, prevPageUrl: null, nextPageUrl: null },
            },
          }
        : autotask(request),
    );

    const error = await failure(connect().listClients());

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain('company 2 of the page, companyName');
  });
});
