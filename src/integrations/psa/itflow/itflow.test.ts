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
import { createItflowConnector } from './connector.js';
import { itflowVendor } from './index.js';
import { toUtcMoment } from './wall-clock.js';

/** ITFlow installed in a folder, as its own docs show it (`http://127.0.0.1/itflow`). */
const API = '/itflow/api/v1';
const API_KEY = 'Xq3vTeP9sLm2Wd7K';
const CREDENTIAL_PASSWORD = 'hT6-credential-pw';

const fixture = (name: string) => vendorFixture('itflow', name);

let server: FakeVendorServer;

beforeEach(async () => {
  server = await startFakeVendorServer(() => ({ status: 404 }));
});

afterEach(async () => {
  await server.close();
});

function settingsFor(overrides: Record<string, unknown> = {}) {
  return itflowVendor.settingsSchema.parse({
    baseUrl: `${server.url}/itflow/`,
    timeZone: 'Europe/London',
    ...overrides,
  });
}

function secretsFor(overrides: Record<string, unknown> = {}) {
  return itflowVendor.secretsSchema.parse({
    apiKey: API_KEY,
    credentialPassword: CREDENTIAL_PASSWORD,
    ...overrides,
  });
}

/** Two rows a page, so that a handful of fixture rows spans several pages. */
function connector(
  options: { settings?: Record<string, unknown>; secrets?: Record<string, unknown> } = {},
): PsaConnector {
  return createItflowConnector({
    settings: settingsFor(options.settings),
    secrets: secretsFor(options.secrets),
    pageSize: 2,
  });
}

/**
 * Answers each call named as `METHOD module/function.php?query` (the query as sent, without
 * the key); any other call is a test failure.
 */
function answer(routes: Record<string, FakeReply>): void {
  server.handle((request) => {
    const reply = routes[routeOf(request)];
    if (reply === undefined) throw new Error(`unexpected ${routeOf(request)}`);
    return reply;
  });
}

function routeOf(request: RecordedRequest): string {
  const query = new URLSearchParams(request.query);
  query.delete('api_key');
  const path = request.path.replace(`${API}/`, '');
  return query.size === 0 ? `${request.method} ${path}` : `${request.method} ${path}?${query}`;
}

function seen(request: RecordedRequest) {
  return { method: request.method, path: request.path, query: Object.fromEntries(request.query) };
}

async function failureOf(promise: Promise<unknown>): Promise<PsaError> {
  const outcome = await promise.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(PsaError);
  return outcome as PsaError;
}

describe('itflowVendor', () => {
  it('describes every setting and secret and fills in ITFlow’s defaults', () => {
    const { settingsSchema, secretsSchema } = itflowVendor;
    expect(itflowVendor.vendor).toBe('itflow');
    expect(itflowVendor.label).toBe('ITFlow');
    expect(itflowVendor.documentsCredentials).toBe(true);
    expect(settingsSchema.parse({ baseUrl: 'https://itflow.example.com' })).toEqual({
      baseUrl: 'https://itflow.example.com',
      timeZone: 'UTC',
      cancelledTicketStatus: 'Resolved',
    });
    for (const field of [
      ...Object.values(settingsSchema.shape),
      ...Object.values(secretsSchema.shape),
    ]) {
      expect(field.description).toMatch(/\w{4,}/);
    }
    expect(Object.keys(secretsSchema.shape)).toEqual(['apiKey', 'credentialPassword']);
    expect(secretsSchema.safeParse({ apiKey: ' ' }).success).toBe(false);
    expect(secretsSchema.parse({ apiKey: API_KEY })).toEqual({ apiKey: API_KEY });
    const invalid = [
      { baseUrl: 'ftp://itflow.example.com' },
      { baseUrl: 'https://itflow.example.com', timeZone: 'Mars/Olympus_Mons' },
      { baseUrl: 'https://itflow.example.com', cancelledTicketStatus: 'Cancelled' },
    ];
    for (const settings of invalid) expect(settingsSchema.safeParse(settings).success).toBe(false);
  });
});

describe('testConnection', () => {
  it('reads one client with the key as the api_key parameter', async () => {
    answer({ 'GET clients/read.php?limit=1': { json: await fixture('clients-first') } });
    const itflow = itflowVendor.create({ settings: settingsFor(), secrets: secretsFor() });

    const check = await itflow.testConnection();

    expect(check.message).toBe(
      `Connected to ITFlow at ${server.url}/itflow; the API key can read its clients.`,
    );
    expect(server.requests.map(seen)).toEqual([
      {
        method: 'GET',
        path: `${API}/clients/read.php`,
        query: { api_key: API_KEY, limit: '1' },
      },
    ]);
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('connects to an ITFlow without clients, which answers "No resource"', async () => {
    answer({ 'GET clients/read.php?limit=1': { json: await fixture('no-resource') } });

    await expect(connector().testConnection()).resolves.toEqual({
      message: expect.stringContaining('Connected to ITFlow'),
    });
  });
});

describe('listClients', () => {
  it('reads every page with limit and offset and leaves out leads', async () => {
    answer({
      'GET clients/read.php?limit=2&offset=0': { json: await fixture('clients-page-1') },
      'GET clients/read.php?limit=2&offset=2': { json: await fixture('clients-page-2') },
    });

    const clients = await connector().listClients();

    expect(clients).toEqual([
      {
        externalId: '7',
        name: 'Contoso Dental Ltd',
        // Created at 00:30 in London on 3 June, which is still 2 June in UTC.
        clientSince: '2019-06-03',
        industry: 'Healthcare',
      },
      { externalId: '11', name: 'Northwind Legal LLP', clientSince: '2021-01-11', industry: '' },
    ]);
    expect(server.requests.map((request) => request.query.get('api_key'))).toEqual([
      API_KEY,
      API_KEY,
    ]);
  });
});

describe('listAgreements', () => {
  it('has none to read: ITFlow’s API has no recurring invoices or contracts', async () => {
    await expect(connector().listAgreements('7')).resolves.toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

describe('listOpenTickets', () => {
  it('reads the client’s tickets page after page until "No resource" and keeps those not ended', async () => {
    answer({
      'GET tickets/read.php?client_id=7&limit=2&offset=0': {
        json: await fixture('tickets-page-1'),
      },
      'GET tickets/read.php?client_id=7&limit=2&offset=2': {
        json: await fixture('tickets-page-2'),
      },
      'GET tickets/read.php?client_id=7&limit=2&offset=4': { json: await fixture('no-resource') },
    });

    const tickets = await connector().listOpenTickets('7');

    expect(tickets).toEqual([
      {
        externalId: '101',
        clientExternalId: '7',
        number: 'TCK-1041',
        title: 'New starter laptop for reception',
        status: 'open',
        priority: 'Medium',
        // London keeps GMT until the end of March.
        openedAt: '2026-03-10T09:15:00.000Z',
        closedAt: null,
      },
      expect.objectContaining({ externalId: '102', number: 'TCK-1042', status: 'open' }),
      {
        externalId: '104',
        clientExternalId: '7',
        number: 'TCK-1044',
        title: 'Move mailboxes to the new tenant',
        status: 'open',
        priority: 'Critical',
        // British Summer Time: an hour ahead of UTC.
        openedAt: '2026-04-01T09:30:00.000Z',
        closedAt: null,
      },
    ]);
    expect(server.requests).toHaveLength(3);
  });

  it('leaves out another client’s tickets, which a key limited to one client reads whatever the filter', async () => {
    const page = (await fixture('tickets-page-1')) as { data: Record<string, unknown>[] };
    const otherClient = page.data.map((row) => ({ ...row, ticket_client_id: '9' }));
    answer({
      'GET tickets/read.php?client_id=7&limit=2&offset=0': {
        json: { ...page, data: [otherClient[0], page.data[1]] },
      },
      'GET tickets/read.php?client_id=7&limit=2&offset=2': { json: await fixture('no-resource') },
    });

    const tickets = await connector().listOpenTickets('7');

    expect(tickets.map((ticket) => ticket.externalId)).toEqual(['102']);
  });

  it('refuses a client id ITFlow cannot have, without calling it', async () => {
    const error = await failureOf(connector().listOpenTickets('7 OR 1=1'));
    expect(error.kind).toBe('rejected');
    expect(server.requests).toEqual([]);
  });
});

describe('getTickets', () => {
  it('reads each ticket by id, maps resolved and closed ones to completed and leaves out unknown ids', async () => {
    answer({
      'GET tickets/read.php?ticket_id=103': { json: await fixture('ticket-103') },
      'GET tickets/read.php?ticket_id=105': { json: await fixture('ticket-105') },
      'GET tickets/read.php?ticket_id=999': { json: await fixture('no-resource') },
    });

    const tickets = await connector().getTickets(['103', '105', '999', 'TCK-1041', '103']);

    expect(tickets).toEqual([
      {
        externalId: '103',
        clientExternalId: '7',
        number: 'TCK-1043',
        title: 'Renew SSL certificate for booking site',
        status: 'completed',
        priority: 'High',
        openedAt: '2026-03-25T08:00:00.000Z',
        closedAt: '2026-04-02T15:45:30.000Z',
      },
      {
        externalId: '105',
        clientExternalId: '7',
        number: 'TCK-1045',
        title: 'Replace failed NAS disk',
        status: 'completed',
        priority: 'High',
        openedAt: '2026-02-02T07:45:00.000Z',
        // Resolved on the 4th; ITFlow only closed it on the 9th.
        closedAt: '2026-02-04T12:00:00.000Z',
      },
    ]);
    expect(server.requests.map(seen)).toEqual(
      ['103', '105', '999'].map((id) => ({
        method: 'GET',
        path: `${API}/tickets/read.php`,
        query: { api_key: API_KEY, ticket_id: id },
      })),
    );
  });

  it('reads a ticket closed by status alone, without a closing time, as completed', async () => {
    const answered = (await fixture('ticket-105')) as { data: Record<string, unknown>[] };
    const bulkClosed = { ...answered.data[0], ticket_resolved_at: null, ticket_closed_at: null };
    answer({ 'GET tickets/read.php?ticket_id=105': { json: { ...answered, data: [bulkClosed] } } });

    const [ticket] = await connector().getTickets(['105']);

    expect(ticket).toMatchObject({ status: 'completed', closedAt: null });
  });
});

describe('closeCancelledTicket', () => {
  const NOTE = 'Cancelled by the closeout review:\nthe client leaves on 30 April <Contoso & co>';
  const REPLY =
    'Cancelled by the closeout review:<br>the client leaves on 30 April &lt;Contoso &amp; co&gt;';

  it('resolves the ticket, then adds the reason as an internal reply, both for the ticket’s client', async () => {
    answer({
      'GET tickets/read.php?ticket_id=102': { json: await fixture('ticket-102') },
      'POST tickets/resolve.php': { json: await fixture('update-ok') },
      'POST ticket_replies/create.php': { json: await fixture('create-ok') },
    });

    await connector().closeCancelledTicket('102', NOTE);

    expect(server.requests.map(seen)).toEqual([
      {
        method: 'GET',
        path: `${API}/tickets/read.php`,
        query: { api_key: API_KEY, ticket_id: '102' },
      },
      { method: 'POST', path: `${API}/tickets/resolve.php`, query: {} },
      { method: 'POST', path: `${API}/ticket_replies/create.php`, query: {} },
    ]);
    const [, resolve, reply] = server.requests;
    expect(resolve?.headers['content-type']).toBe('application/json');
    expect(resolve?.json()).toEqual({ api_key: API_KEY, ticket_id: '102', client_id: '7' });
    expect(reply?.headers['content-type']).toBe('application/json');
    expect(reply?.json()).toEqual({
      api_key: API_KEY,
      ticket_id: '102',
      client_id: '7',
      ticket_reply: REPLY,
      ticket_reply_type: 'Internal',
      ticket_reply_time_worked: '00:00:00',
    });
  });

  it('closes instead when the connection says cancelled tickets end Closed', async () => {
    answer({
      'GET tickets/read.php?ticket_id=103': { json: await fixture('ticket-103') },
      'POST tickets/close.php': { json: await fixture('update-ok') },
      'POST ticket_replies/create.php': { json: await fixture('create-ok') },
    });

    await connector({ settings: { cancelledTicketStatus: 'Closed' } }).closeCancelledTicket(
      '103',
      NOTE,
    );

    expect(server.requests.map(routeOf)).toEqual([
      'GET tickets/read.php?ticket_id=103',
      'POST tickets/close.php',
      'POST ticket_replies/create.php',
    ]);
    expect(server.requests[1]?.json()).toEqual({
      api_key: API_KEY,
      ticket_id: '103',
      client_id: '7',
    });
  });

  it('only adds the reply to a ticket already resolved, as a retry after a failed reply finds it', async () => {
    answer({
      'GET tickets/read.php?ticket_id=103': { json: await fixture('ticket-103') },
      'POST ticket_replies/create.php': { json: await fixture('create-ok') },
    });

    await connector().closeCancelledTicket('103', NOTE);

    expect(server.requests.map(routeOf)).toEqual([
      'GET tickets/read.php?ticket_id=103',
      'POST ticket_replies/create.php',
    ]);
  });

  it('says so when ITFlow has no such ticket, and writes nothing', async () => {
    answer({ 'GET tickets/read.php?ticket_id=999': { json: await fixture('no-resource') } });

    const error = await failureOf(connector().closeCancelledTicket('999', NOTE));

    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('ITFlow has no ticket 999');
    expect(server.requests).toHaveLength(1);
  });

  it('quotes ITFlow when it refuses the resolve with success "False"', async () => {
    answer({
      'GET tickets/read.php?ticket_id=102': { json: await fixture('ticket-102') },
      'POST tickets/resolve.php': { json: await fixture('update-failed') },
    });

    const error = await failureOf(connector().closeCancelledTicket('102', NOTE));

    expect(error.kind).toBe('rejected');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('POST /itflow/api/v1/tickets/resolve.php');
    expect(error.message).toContain('It said: "Auth success but update query failed');
    expect(server.requests).toHaveLength(2);
  });
});

describe('noteCompletedTicket', () => {
  it('only adds an internal reply, naming the ticket’s client', async () => {
    answer({
      'GET tickets/read.php?ticket_id=103': { json: await fixture('ticket-103') },
      'POST ticket_replies/create.php': { json: await fixture('create-ok') },
    });

    await connector().noteCompletedTicket('103', 'Completed before the handover.');

    expect(server.requests.map(routeOf)).toEqual([
      'GET tickets/read.php?ticket_id=103',
      'POST ticket_replies/create.php',
    ]);
    expect(server.requests[1]?.json()).toEqual({
      api_key: API_KEY,
      ticket_id: '103',
      client_id: '7',
      ticket_reply: 'Completed before the handover.',
      ticket_reply_type: 'Internal',
      ticket_reply_time_worked: '00:00:00',
    });
  });
});

describe('listCredentials', () => {
  it('reads every page with the credential password and keeps the logins in use, never their passwords', async () => {
    const query = `client_id=7&api_key_decrypt_password=${CREDENTIAL_PASSWORD}`;
    answer({
      [`GET credentials/read.php?${query}&limit=2&offset=0`]: {
        json: await fixture('credentials-page-1'),
      },
      [`GET credentials/read.php?${query}&limit=2&offset=2`]: {
        json: await fixture('credentials-page-2'),
      },
    });

    const credentials = await connector().listCredentials?.('7');

    expect(credentials).toEqual([
      {
        externalId: '31',
        clientExternalId: '7',
        systemName: 'Firewall',
        username: 'admin',
        uri: 'https://192.168.10.1:8443',
        description: 'FortiGate 60F at the main surgery',
      },
      {
        externalId: '36',
        clientExternalId: '7',
        systemName: 'Microsoft 365',
        username: 'breakglass@contosodental.onmicrosoft.com',
        uri: 'https://admin.microsoft.com',
        description: 'Global admin (break-glass)',
      },
    ]);
    const read = JSON.stringify(credentials);
    for (const secret of ['Fg60F-Winter2026!', 'M365-BreakGlass-7731', 'JBSWY3DPEHPK3PXP']) {
      expect(read).not.toContain(secret);
    }
  });

  it('asks for the credential password when none is stored, without calling ITFlow', async () => {
    const itflow = connector({ secrets: { credentialPassword: undefined } });

    const error = await failureOf(itflow.listCredentials?.('7') ?? Promise.resolve());

    expect(error.kind).toBe('unauthorised');
    expect(error.message).toContain('credential password');
    expect(server.requests).toEqual([]);
  });

  it('says the credential password is wrong when ITFlow could decrypt none of the logins', async () => {
    answer({
      [`GET credentials/read.php?client_id=7&api_key_decrypt_password=${CREDENTIAL_PASSWORD}&limit=2&offset=0`]:
        { json: await fixture('credentials-undecryptable') },
    });

    const error = await failureOf(connector().listCredentials?.('7') ?? Promise.resolve());

    expect(error.kind).toBe('unauthorised');
    expect(error.message).toContain('could not decrypt');
    expect(error.message).not.toContain(CREDENTIAL_PASSWORD);
  });
});

describe('toUtcMoment', () => {
  it('reads ITFlow’s wall clock in its time zone, on both sides of a daylight-saving change', () => {
    expect(toUtcMoment('2026-03-08 01:30:00', 'America/New_York')).toBe('2026-03-08T06:30:00.000Z');
    // The first hour of summer time in New York, which starts at 07:00 UTC.
    expect(toUtcMoment('2026-03-08 03:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // The last hour of winter time in Berlin, which ends at 01:00 UTC.
    expect(toUtcMoment('2026-03-29 01:30:00', 'Europe/Berlin')).toBe('2026-03-29T00:30:00.000Z');
    expect(toUtcMoment('2026-07-01 12:00:00', 'Asia/Kolkata')).toBe('2026-07-01T06:30:00.000Z');
    expect(toUtcMoment('2026-07-01 12:00:00', 'UTC')).toBe('2026-07-01T12:00:00.000Z');
  });
});

describe('failures', () => {
  it('turns a 401 for a bad key into unauthorised, quoting ITFlow but never the key', async () => {
    server.handle(async () => ({ status: 401, json: await fixture('key-refused') }));

    const error = await failureOf(connector().listClients());

    expect(error.kind).toBe('unauthorised');
    expect(error.status).toBe(401);
    expect(error.message).toContain(
      'It said: "Authentication failed. API key is invalid or has expired."',
    );
    expect(error.message).not.toContain(API_KEY);
  });

  it('turns the same refusal answered with HTTP 200 into unauthorised', async () => {
    server.handle(async () => ({ json: await fixture('key-refused') }));

    const error = await failureOf(connector().testConnection());

    expect(error.kind).toBe('unauthorised');
    expect(error.message).toContain('API key is invalid or has expired');
    expect(error.message).not.toContain(API_KEY);
  });

  it('turns a 429 into rate_limited, with how long Retry-After asks to wait', async () => {
    server.handle(async () => ({
      status: 429,
      headers: { 'retry-after': '60' },
      json: await fixture('rate-limited'),
    }));

    const error = await failureOf(connector().getTickets(['102']));

    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(60_000);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('Rate limit exceeded');
  });

  it('turns a 4xx error body into rejected, quoting ITFlow’s message', async () => {
    answer({
      'GET tickets/read.php?ticket_id=102': { json: await fixture('ticket-102') },
      'POST tickets/resolve.php': { status: 400, json: await fixture('body-refused') },
    });

    const error = await failureOf(connector().closeCancelledTicket('102', 'Cancelled.'));

    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(400);
    expect(error.message).toContain('It said: "Request body must be a JSON object."');
  });

  it('turns a read that is not ITFlow’s {success, data} answer into unexpected_response', async () => {
    server.handle(() => ({ json: { status: 'ok', tickets: [] } }));

    const error = await failureOf(connector().listOpenTickets('7'));

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain('GET /itflow/api/v1/tickets/read.php');
    expect(error.message).toContain('success');
  });

  it('turns a success without data into unexpected_response', async () => {
    server.handle(() => ({ json: { success: 'True', count: 0 } }));

    const error = await failureOf(connector().listClients());

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain('without the "data" of a list of clients');
  });

  it('names the row and field that is not what ITFlow documents, without quoting its values', async () => {
    const page = (await fixture('tickets-page-1')) as { data: Record<string, unknown>[] };
    const garbled = { ...page.data[1], ticket_created_at: '12/03/2026 14:02' };
    server.handle(() => ({ json: { ...page, data: [page.data[0], garbled] } }));

    const error = await failureOf(connector().listOpenTickets('7'));

    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain('row 2 that is not a list of tickets: ticket_created_at');
    expect(error.message).not.toContain('12/03/2026');
  });
});
