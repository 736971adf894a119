import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeHandler,
  type FakeReply,
  type FakeVendorServer,
  type RecordedRequest,
  startFakeVendorServer,
  vendorFixture,
} from '../../../../test/support/fake-vendor-server.js';
import { PsaError } from '../errors.js';
import { createHalopsaConnector } from './connector.js';
import { halopsaVendor } from './index.js';
import type { HalopsaSettings } from './settings.js';
import { describeHaloError } from './vendor-errors.js';

const ACCESS_TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IjNGRjM0QTgwIiwidHlwIjoiYXQrand0In0.halo-test-token-1';
const secrets = {
  clientId: 'c9534241-dde9-4d04-9d45-32b1fbff22ed',
  clientSecret: '14c0c9af-2db1-48ab-b29c-51975df4afa2-739e4ef2',
};

const fixture = (name: string) => vendorFixture('halopsa', name);

/** Answers as Halo does, from the fixtures; the test replaces it to make Halo misbehave. */
const halo: FakeHandler = async (request) => {
  const page = request.query.get('page_no') === '2' ? 'page-2' : 'page-1';
  switch (`${request.method} ${request.path}`) {
    case 'POST /auth/token':
      return { json: await fixture('token') };
    case 'GET /api/Client':
      return { json: await fixture(`clients-${page}`) };
    case 'GET /api/ClientContract':
      return { json: await fixture(`contracts-${page}`) };
    case 'GET /api/Tickets':
      return { json: await fixture(`tickets-${page}`) };
    case 'GET /api/Tickets/2041':
      return { json: await fixture('ticket-2041-closed') };
    case 'GET /api/Tickets/2045':
      return { json: await fixture('ticket-2045-cancelled') };
    case 'GET /api/Tickets/2050':
      return { json: await fixture('ticket-2050-open') };
    case 'POST /api/Actions':
      return { status: 201, json: await fixture('action-created') };
    default:
      return { status: 404, json: 'The requested resource was not found.' };
  }
};

/** Halo as `halo`, except for the calls `answer` chooses to answer itself. */
function haloExcept(answer: (request: RecordedRequest) => FakeReply | undefined): FakeHandler {
  return (request) => answer(request) ?? halo(request);
}

let server: FakeVendorServer;

beforeEach(async () => {
  server = await startFakeVendorServer(halo);
});

afterEach(async () => {
  await server.close();
});

function settings(overrides: Partial<HalopsaSettings> = {}): HalopsaSettings {
  return {
    resourceServerUrl: `${server.url}/api`,
    authorisationServerUrl: `${server.url}/auth`,
    tenant: 'contoso',
    closedStatusId: 9,
    noteOutcome: 'Note',
    ...overrides,
  };
}

/** Pages of two, so the fixtures' three records span two pages. */
function connector(overrides: Partial<HalopsaSettings> = {}) {
  return createHalopsaConnector({ settings: settings(overrides), secrets }, { pageSize: 2 });
}

const tokenRequests = () => server.requests.filter((request) => request.path === '/auth/token');
const apiRequests = () => server.requests.filter((request) => request.path.startsWith('/api/'));
const queryOf = (request: RecordedRequest | undefined) =>
  Object.fromEntries(request?.query ?? new URLSearchParams());

async function failure(promise: Promise<unknown>): Promise<PsaError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PsaError);
  return error as PsaError;
}

describe('halopsaVendor', () => {
  it('fills in Halo’s closed status and note outcome, and describes every field for the form', () => {
    const parsed = halopsaVendor.settingsSchema.parse({
      resourceServerUrl: 'https://contoso.halopsa.com/api',
      authorisationServerUrl: 'https://contoso.halopsa.com/auth',
    });

    expect(halopsaVendor.vendor).toBe('halopsa');
    expect(halopsaVendor.label).toBe('HaloPSA');
    expect(parsed).toEqual({
      resourceServerUrl: 'https://contoso.halopsa.com/api',
      authorisationServerUrl: 'https://contoso.halopsa.com/auth',
      tenant: '',
      closedStatusId: 9,
      noteOutcome: 'Note',
    });
    const fields = [
      ...Object.values(halopsaVendor.settingsSchema.shape),
      ...Object.values(halopsaVendor.secretsSchema.shape),
    ];
    for (const field of fields) expect(field.description).toMatch(/\w/);
    expect(Object.keys(halopsaVendor.secretsSchema.shape)).toEqual(['clientId', 'clientSecret']);
  });

  it('refuses addresses that are not web addresses and an empty secret', () => {
    expect(
      halopsaVendor.settingsSchema.safeParse({
        resourceServerUrl: 'contoso.halopsa.com',
        authorisationServerUrl: 'https://contoso.halopsa.com/auth',
      }).success,
    ).toBe(false);
    expect(
      halopsaVendor.secretsSchema.safeParse({ clientId: 'id', clientSecret: ' ' }).success,
    ).toBe(false);
  });

  it('reads Halo’s largest pages by default', async () => {
    const connection = halopsaVendor.create({ settings: settings(), secrets });

    const clients = await connection.listClients();

    expect(connection.vendor).toBe('halopsa');
    expect(clients).toHaveLength(2);
    expect(apiRequests().map(queryOf)).toEqual([
      { pageinate: 'true', page_size: '100', page_no: '1' },
    ]);
  });
});

describe('signing in', () => {
  it('tests the connection with a client-credentials token and one client', async () => {
    const check = await connector().testConnection();

    expect(check.message).toBe(`Connected to HaloPSA at ${new URL(server.url).host}.`);
    const [signIn, call] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect(signIn?.method).toBe('POST');
    expect(signIn?.path).toBe('/auth/token');
    expect(queryOf(signIn)).toEqual({ tenant: 'contoso' });
    expect(signIn?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(signIn?.headers.authorization).toBeUndefined();
    expect(signIn?.json()).toEqual({
      grant_type: 'client_credentials',
      client_id: secrets.clientId,
      client_secret: secrets.clientSecret,
      scope: 'all',
    });
    expect(call?.method).toBe('GET');
    expect(call?.path).toBe('/api/Client');
    expect(queryOf(call)).toEqual({ count: '1' });
    expect(call?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
  });

  it('asks for no tenant on a Halo of the MSP’s own, and allows trailing slashes', async () => {
    await connector({
      tenant: '',
      resourceServerUrl: `${server.url}/api/`,
      authorisationServerUrl: `${server.url}/auth/`,
    }).testConnection();

    expect(server.requests.map((request) => request.path)).toEqual(['/auth/token', '/api/Client']);
    expect(queryOf(tokenRequests()[0])).toEqual({});
  });

  it('keeps the token for later calls until shortly before it expires', async () => {
    const halo365 = connector();
    await halo365.listClients();
    await halo365.listOpenTickets('12');

    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toHaveLength(4);
    for (const request of apiRequests()) {
      expect(request.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    }

    server.handle(
      haloExcept((request) =>
        request.path === '/auth/token'
          ? { json: { access_token: 'short-lived', token_type: 'Bearer', expires_in: 30 } }
          : undefined,
      ),
    );
    const shortLived = connector();
    await shortLived.testConnection();
    await shortLived.testConnection();

    expect(tokenRequests()).toHaveLength(3);
  });

  it('shares one sign-in between calls made together', async () => {
    const halo365 = connector();
    await Promise.all([halo365.testConnection(), halo365.listAgreements('12')]);

    expect(tokenRequests()).toHaveLength(1);
  });

  it('signs in again once when Halo no longer accepts the token, and retries the call', async () => {
    let issued = 0;
    server.handle((request) => {
      if (request.path === '/auth/token') {
        issued += 1;
        return {
          json: { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 3600 },
        };
      }
      if (request.headers.authorization === 'Bearer token-1') {
        return {
          status: 401,
          json: { message: 'Authorization has been denied for this request.' },
        };
      }
      return halo(request);
    });

    const clients = await connector().listClients();

    expect(clients).toHaveLength(3);
    expect(
      server.requests.map((request) => [request.path, request.headers.authorization ?? null]),
    ).toEqual([
      ['/auth/token', null],
      ['/api/Client', 'Bearer token-1'],
      ['/auth/token', null],
      ['/api/Client', 'Bearer token-2'],
      ['/api/Client', 'Bearer token-2'],
    ]);
  });

  it('reports refused credentials when the fresh token is refused too', async () => {
    server.handle(
      haloExcept((request) =>
        request.path.startsWith('/api/')
          ? { status: 401, json: { message: 'Authorization has been denied for this request.' } }
          : undefined,
      ),
    );

    const error = await failure(connector().listClients());

    expect(error.kind).toBe('unauthorised');
    expect(error.status).toBe(401);
    expect(error.message).toContain('Authorization has been denied for this request.');
    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests()).toHaveLength(2);
  });

  it('reports a wrong client ID or secret as refused credentials, without the secret', async () => {
    server.handle(
      haloExcept((request) =>
        request.path === '/auth/token'
          ? { status: 400, json: { error: 'invalid_client' } }
          : undefined,
      ),
    );
    const invalidClient = await fixture('token-invalid-client');

    const error = await failure(connector().testConnection());

    expect(invalidClient).toEqual({ error: 'invalid_client' });
    expect(error.kind).toBe('unauthorised');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('"invalid_client"');
    expect(error.message).toContain('Settings → Integrations');
    expect(error.message).not.toContain(secrets.clientSecret);
    expect(apiRequests()).toHaveLength(0);
  });

  it('reports a token answer without an access token as unexpected', async () => {
    server.handle(
      haloExcept((request) =>
        request.path === '/auth/token' ? { json: { token_type: 'Bearer' } } : undefined,
      ),
    );

    const error = await failure(connector().testConnection());

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toBe(
      "HaloPSA's authorisation server answered POST /auth/token without an access token.",
    );
  });
});

describe('reading the client’s side', () => {
  it('lists every client across pages', async () => {
    const clients = await connector().listClients();

    expect(
      apiRequests().map((request) => [request.method, request.path, queryOf(request)]),
    ).toEqual([
      ['GET', '/api/Client', { pageinate: 'true', page_size: '2', page_no: '1' }],
      ['GET', '/api/Client', { pageinate: 'true', page_size: '2', page_no: '2' }],
    ]);
    expect(clients).toEqual([
      { externalId: '12', name: 'Fabrikam Dental Group', clientSince: null, industry: '' },
      { externalId: '17', name: 'Northwind Traders', clientSince: null, industry: '' },
      { externalId: '23', name: 'Tailspin Toys', clientSince: null, industry: '' },
    ]);
  });

  it('stops paging once Halo has sent as many records as it counts', async () => {
    const firstPage = (await fixture('clients-page-1')) as { clients: unknown[] };
    server.handle(
      haloExcept((request) =>
        request.path === '/api/Client'
          ? { json: { ...firstPage, record_count: firstPage.clients.length } }
          : undefined,
      ),
    );

    const clients = await connector().listClients();

    expect(clients).toHaveLength(2);
    expect(apiRequests()).toHaveLength(1);
  });

  it('lists the client’s contracts across pages, with monthly revenue, days and endings', async () => {
    const agreements = await connector().listAgreements('12');

    expect(apiRequests().map((request) => [request.path, queryOf(request)])).toEqual([
      ['/api/ClientContract', { client_id: '12', pageinate: 'true', page_size: '2', page_no: '1' }],
      ['/api/ClientContract', { client_id: '12', pageinate: 'true', page_size: '2', page_no: '2' }],
    ]);
    expect(agreements).toEqual([
      {
        externalId: '101',
        clientExternalId: '12',
        name: 'Managed Services - Fabrikam',
        monthlyRecurringRevenue: 2450,
        startDate: '2022-04-01',
        termEndDate: '2026-03-31',
        noticePeriodDays: null,
        status: 'active',
        endedOn: null,
      },
      {
        externalId: '102',
        clientExternalId: '12',
        name: 'Backup & DR',
        monthlyRecurringRevenue: 300,
        startDate: '2023-01-01',
        termEndDate: null,
        noticePeriodDays: null,
        status: 'active',
        endedOn: null,
      },
      {
        externalId: '87',
        clientExternalId: '12',
        name: 'Prepaid Support Block',
        monthlyRecurringRevenue: 0,
        startDate: '2021-01-01',
        termEndDate: '2023-12-31',
        noticePeriodDays: null,
        status: 'ended',
        endedOn: '2023-12-31',
      },
    ]);
  });

  it('lists the client’s open tickets across pages, with moments in UTC', async () => {
    const tickets = await connector().listOpenTickets('12');

    expect(apiRequests().map((request) => [request.path, queryOf(request)])).toEqual([
      [
        '/api/Tickets',
        { client_id: '12', open_only: 'true', pageinate: 'true', page_size: '2', page_no: '1' },
      ],
      [
        '/api/Tickets',
        { client_id: '12', open_only: 'true', pageinate: 'true', page_size: '2', page_no: '2' },
      ],
    ]);
    expect(tickets).toEqual([
      {
        externalId: '2041',
        clientExternalId: '12',
        number: '2041',
        title: 'Printer offline in reception',
        status: 'open',
        priority: 'Priority 3',
        openedAt: '2025-05-02T08:14:37.100Z',
        closedAt: null,
      },
      {
        externalId: '2045',
        clientExternalId: '12',
        number: '2045',
        title: 'New starter: laptop for J. Rivera',
        status: 'open',
        priority: 'Priority 4',
        openedAt: '2025-05-06T13:02:00.000Z',
        closedAt: null,
      },
      {
        externalId: '2050',
        clientExternalId: '12',
        number: '2050',
        title: 'Firewall firmware update',
        status: 'open',
        priority: 'Priority 2',
        openedAt: '2025-05-09T22:45:00.000Z',
        closedAt: null,
      },
    ]);
  });

  it('reads tickets one by one: closed as completed, a cancelled status as cancelled, unknown left out', async () => {
    const tickets = await connector().getTickets(['2041', '2045', '2050', '9999', 'T-1', '2041']);

    expect(apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/Tickets/2041',
      'GET /api/Tickets/2045',
      'GET /api/Tickets/2050',
      'GET /api/Tickets/9999',
    ]);
    expect(tickets).toEqual([
      {
        externalId: '2041',
        clientExternalId: '12',
        number: '2041',
        title: 'Printer offline in reception',
        status: 'completed',
        priority: 'Medium',
        openedAt: '2025-05-02T08:14:37.100Z',
        closedAt: '2025-05-12T16:20:05.000Z',
      },
      {
        externalId: '2045',
        clientExternalId: '12',
        number: '2045',
        title: 'New starter: laptop for J. Rivera',
        status: 'cancelled',
        priority: 'Low',
        openedAt: '2025-05-06T13:02:00.000Z',
        closedAt: '2025-05-13T09:00:00.500Z',
      },
      {
        externalId: '2050',
        clientExternalId: '12',
        number: '2050',
        title: 'Firewall firmware update',
        status: 'open',
        priority: 'High',
        openedAt: '2025-05-09T22:45:00.000Z',
        closedAt: null,
      },
    ]);
  });

  it('reads Halo’s moments as UTC wherever Closeout runs', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Australia/Sydney';
    try {
      const [ticket] = await connector().getTickets(['2041']);

      expect(ticket?.openedAt).toBe('2025-05-02T08:14:37.100Z');
      expect(ticket?.closedAt).toBe('2025-05-12T16:20:05.000Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('counts the MSP’s own closed status as closed', async () => {
    server.handle(
      haloExcept((request) =>
        request.path === '/api/Tickets/2050'
          ? { json: { id: 2050, client_id: 12, status_id: 4, dateoccurred: '2025-05-09' } }
          : undefined,
      ),
    );

    const [ticket] = await connector({ closedStatusId: 4 }).getTickets(['2050']);

    expect(ticket).toMatchObject({
      status: 'completed',
      title: '',
      priority: '',
      openedAt: '2025-05-09T00:00:00.000Z',
      closedAt: null,
    });
  });
});

describe('writing the review back', () => {
  const why = 'Cancelled in the offboarding review: the client leaves on 31 May.';

  it('closes a cancelled ticket with a note that says why', async () => {
    await connector().closeCancelledTicket('2041', why);

    const [action] = apiRequests();
    expect(apiRequests()).toHaveLength(1);
    expect(action?.method).toBe('POST');
    expect(action?.path).toBe('/api/Actions');
    expect(action?.headers['content-type']).toBe('application/json');
    expect(action?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(action?.json()).toEqual([
      { ticket_id: 2041, note: why, outcome: 'Note', new_status: 9 },
    ]);
  });

  it('closes with the status and outcome the MSP chose', async () => {
    await connector({ closedStatusId: 17, noteOutcome: 'Private Note' }).closeCancelledTicket(
      '2041',
      why,
    );

    expect(apiRequests()[0]?.json()).toEqual([
      { ticket_id: 2041, note: why, outcome: 'Private Note', new_status: 17 },
    ]);
  });

  it('only adds a note to a completed ticket', async () => {
    await connector().noteCompletedTicket('2050', 'Completed before the client left.');

    const [action] = apiRequests();
    expect(action?.method).toBe('POST');
    expect(action?.path).toBe('/api/Actions');
    expect(action?.json()).toEqual([
      { ticket_id: 2050, note: 'Completed before the client left.', outcome: 'Note' },
    ]);
  });

  it('refuses an ID that cannot be a Halo ticket without calling Halo', async () => {
    const error = await failure(connector().noteCompletedTicket('T-20260412.0003', why));

    expect(error.kind).toBe('rejected');
    expect(error.message).toBe('"T-20260412.0003" is not a HaloPSA ticket ID.');
    expect(server.requests).toHaveLength(0);
  });
});

describe('when Halo refuses or misbehaves', () => {
  it('passes on how long Halo asks us to wait', async () => {
    server.handle(
      haloExcept((request) =>
        request.path === '/api/Tickets'
          ? { status: 429, headers: { 'retry-after': '30' }, text: 'Too many requests' }
          : undefined,
      ),
    );

    const error = await failure(connector().listOpenTickets('12'));

    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.retryable).toBe(true);
  });

  it('quotes Halo’s own message when it refuses a request', async () => {
    const refusal = await fixture('error-exception');
    server.handle(
      haloExcept((request) =>
        request.path === '/api/Actions' ? { status: 400, json: refusal } : undefined,
      ),
    );

    const error = await failure(connector().closeCancelledTicket('2041', 'Cancelled.'));

    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(400);
    expect(error.message).toContain(
      'It said: "The outcome "Note" cannot be used on tickets of type Incident."',
    );
  });

  it('reports a page that is not the documented shape as unexpected', async () => {
    server.handle(
      haloExcept((request) =>
        request.path === '/api/Client'
          ? { json: { record_count: 1, clients: [{ id: '12', name: 'Fabrikam Dental Group' }] } }
          : undefined,
      ),
    );

    const error = await failure(connector().listClients());

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toMatch(
      /^HaloPSA answered GET \/api\/Client with something that is not a page of clients \(.+ at clients\.0\.id\)\.$/,
    );
  });

  it('reports a ticket with an unreadable date as unexpected', async () => {
    server.handle(
      haloExcept((request) =>
        request.path === '/api/Tickets/2041'
          ? { json: { id: 2041, client_id: 12, status_id: 2, dateoccurred: '02/05/2025' } }
          : undefined,
      ),
    );

    const error = await failure(connector().getTickets(['2041']));

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain('at dateoccurred');
  });
});

describe('describeHaloError', () => {
  it('reads each of the shapes Halo answers errors in', () => {
    expect(describeHaloError(' Ticket not found ')).toBe('Ticket not found');
    expect(describeHaloError({ resultCode: 400, errorMessage: 'Invalid client' })).toBe(
      '400: Invalid client',
    );
    expect(describeHaloError({ ClassName: 'System.Exception', Message: 'No access' })).toBe(
      'No access',
    );
    expect(describeHaloError({ error: 'invalid_client', error_description: 'Bad secret' })).toBe(
      'Bad secret',
    );
    expect(
      describeHaloError({
        title: 'One or more validation errors occurred.',
        errors: { '[0].ticket_id': ['The ticket_id field is required.'] },
      }),
    ).toBe(
      'One or more validation errors occurred. [0].ticket_id: The ticket_id field is required.',
    );
    expect(describeHaloError({ error: 'invalid_client' })).toBe('invalid_client');
    expect(describeHaloError({ unrelated: true })).toBeNull();
    expect(describeHaloError(null)).toBeNull();
  });
});
