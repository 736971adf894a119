import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createStaff,
  createTeam,
  createTestApp,
  STAFF_PASSWORD,
  type Staff,
  signInWithPassword,
  type TestApp,
} from '../../../test/support/app.js';
import { openThroughMeeting, sha256Of } from '../../../test/support/closeout-api.js';
import {
  insertAgreement,
  insertClient,
  insertManagedSystem,
  insertTicket,
} from '../../../test/support/factories.js';
import { pdfFlatText, popplerMissing } from '../../../test/support/poppler.js';
import { auditEvents, contacts, mails } from '../../db/schema.js';
import { PORTAL_SESSION_COOKIE } from './auth.js';
import type { TPortalCloseout } from './schema.js';

let testApp: TestApp;
let manager: Staff;
let accountManager: Staff;
let technician: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  ({ manager, accountManager, technician } = await createTeam({
    app: testApp.app,
    roles: {
      manager: 'service_manager',
      accountManager: 'account_manager',
      technician: 'technician',
    },
  }));
});

afterAll(async () => {
  await testApp.close();
});

afterEach(() => {
  vi.useRealTimers();
});

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) PortalTest/1.0';
const CLIENT_IP = '203.0.113.7';

const call = (options: InjectOptions) => testApp.app.inject(options);

/** A client in the ticket review with two open tickets, two managed systems and a contact. */
async function clientInTicketReview(orgId = manager.orgId, staff = { manager, accountManager }) {
  const { db } = testApp;
  const suffix = randomUUID().slice(0, 6);
  const client = await insertClient(db, orgId, { name: `Fabrikam Dental ${suffix}` });
  await insertAgreement(db, orgId, client.id, { monthlyRecurringRevenue: 2100 });
  const tickets = [
    await insertTicket(db, orgId, client.id, { title: 'Printer offline' }),
    await insertTicket(db, orgId, client.id, { title: 'New laptop for reception' }),
  ];
  await insertManagedSystem(db, orgId, client.id, { name: 'FortiGate 60F', category: 'firewall' });
  await insertManagedSystem(db, orgId, client.id, {
    name: 'Microsoft 365',
    category: 'cloud_tenant',
  });
  const [contact] = await db
    .insert(contacts)
    .values({
      orgId,
      clientId: client.id,
      name: 'Grace Hopper',
      email: `grace.${suffix}@fabrikam.example`,
      isDecisionMaker: true,
    })
    .returning();
  const driver = await openThroughMeeting(testApp.app, client.id, staff);
  await driver.act(staff.manager.headers, 'pull-tickets');
  await driver.act(staff.manager.headers, 'ticket-dispositions', {
    dispositions: [
      { ticketId: tickets[0]!.id, disposition: 'complete' },
      { ticketId: tickets[1]!.id, disposition: 'cancel', reason: 'Project out of scope' },
    ],
  });
  return { client, contact: contact!, tickets, driver };
}

const seenTokens = new Set<string>();

/** The sign-in tokens mailed to an address since the last call. */
async function newTokensFor(address: string): Promise<string[]> {
  const rows = await testApp.db.select().from(mails).where(eq(mails.toAddress, address));
  const tokens = rows
    .flatMap((row) => [...row.text.matchAll(/\/portal\/sign-in\?token=([\w-]+)/g)])
    .map((match) => match[1]!)
    .filter((token) => !seenTokens.has(token));
  for (const token of tokens) seenTokens.add(token);
  return tokens;
}

async function latestTokenFor(address: string): Promise<string> {
  const tokens = await newTokensFor(address);
  expect(tokens.length, `a new sign-in link mailed to ${address}`).toBeGreaterThan(0);
  return tokens.at(-1)!;
}

async function invite(closeoutId: string, body: Record<string, unknown>, staff = manager) {
  const response = await call({
    method: 'POST',
    url: `/api/v1/closeouts/${closeoutId}/portal-users`,
    headers: staff.headers,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

function signIn(token: string) {
  return call({
    method: 'POST',
    url: '/api/v1/portal/sign-in',
    payload: { token },
    headers: { 'user-agent': USER_AGENT },
    remoteAddress: CLIENT_IP,
  });
}

/** Signs in with a fresh link and returns the portal cookie header. */
async function portalCookieFor(address: string): Promise<string> {
  const response = await signIn(await latestTokenFor(address));
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((candidate) => candidate.name === PORTAL_SESSION_COOKIE);
  return `${PORTAL_SESSION_COOKIE}=${cookie!.value}`;
}

const portal = (cookie: string) => ({
  get: (path: string) => call({ method: 'GET', url: `/api/v1/portal${path}`, headers: { cookie } }),
  post: (path: string, payload: Record<string, unknown> = {}) =>
    call({
      method: 'POST',
      url: `/api/v1/portal${path}`,
      headers: { cookie, 'user-agent': USER_AGENT },
      remoteAddress: CLIENT_IP,
      payload,
    }),
});

describe('the client journey through the portal', () => {
  it('follows the closeout, agrees tickets, takes the hand-over and signs the transfer', async () => {
    const { client, contact, tickets, driver } = await clientInTicketReview();
    const closeoutId = driver.closeout.id;

    const invited = await invite(closeoutId, { contactId: contact.id });
    expect(invited).toMatchObject({
      name: 'Grace Hopper',
      email: contact.email,
      contactId: contact.id,
      status: 'invited',
      invitedBy: 'Sam Manager',
    });
    const [invitation] = await testApp.db
      .select()
      .from(mails)
      .where(and(eq(mails.toAddress, contact.email!), eq(mails.kind, 'portal_invitation')));
    expect(invitation?.closeoutId).toBe(closeoutId);

    const signedIn = await signIn(await latestTokenFor(contact.email!));
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json()).toMatchObject({
      name: 'Grace Hopper',
      client: { id: client.id, name: client.name },
    });
    const sessionCookie = signedIn.cookies.find((cookie) => cookie.name === PORTAL_SESSION_COOKIE)!;
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const grace = portal(`${PORTAL_SESSION_COOKIE}=${sessionCookie.value}`);

    const [signInEvent] = await testApp.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, invited.id), eq(auditEvents.action, 'portal_sign_in')));
    expect(signInEvent).toMatchObject({ actorKind: 'client_contact', actorName: 'Grace Hopper' });

    const listed = await call({
      method: 'GET',
      url: `/api/v1/closeouts/${closeoutId}/portal-users`,
      headers: technician.headers,
    });
    expect(listed.json().items).toEqual([expect.objectContaining({ status: 'active' })]);

    const first = (await grace.get('/closeout')).json() as TPortalCloseout;
    expect(first).toMatchObject({
      id: closeoutId,
      reference: driver.closeout.reference,
      status: 'open',
      stage: { key: 'ticket_review', name: driver.closeout.stage.name },
      terminationDate: driver.closeout.terminationDate,
      meeting: {
        location: 'Client office, boardroom',
        agreement: { finalBilling: expect.any(String) },
      },
      can: { respondToTickets: true, confirmHandover: false, signResponsibility: false },
    });
    expect(first.stages.map((stage) => stage.state)).toEqual([
      'done',
      'done',
      'current',
      'upcoming',
      'upcoming',
    ]);
    expect(first.stages[0]!.reachedAt).not.toBeNull();
    expect(first.stages[2]!.reachedAt).not.toBeNull();
    expect(first.milestones.map((milestone) => milestone.kind)).toEqual([
      'notice_received',
      'meeting',
      'deactivation_session',
      'termination',
    ]);
    expect(first).not.toHaveProperty('tasks');
    expect(first).not.toHaveProperty('retention');
    expect(first.tickets.map((ticket) => ticket.disposition)).toEqual(['complete', 'cancel']);

    const emptyQuestion = await grace.post(
      `/closeouts/${closeoutId}/tickets/${tickets[1]!.id}/response`,
      { agreed: false },
    );
    expect(emptyQuestion.statusCode).toBe(400);
    expect(emptyQuestion.json().field).toBe('question');
    const questioned = await grace.post(
      `/closeouts/${closeoutId}/tickets/${tickets[1]!.id}/response`,
      { agreed: false, question: 'We still need the laptop: can you finish it?' },
    );
    expect(questioned.statusCode, questioned.body).toBe(200);
    expect(questioned.json().tickets[1]).toMatchObject({
      clientAgreed: false,
      clientQuestion: 'We still need the laptop: can you finish it?',
    });
    for (const ticket of tickets) {
      const agreed = await grace.post(`/closeouts/${closeoutId}/tickets/${ticket.id}/response`, {
        agreed: true,
      });
      expect(agreed.statusCode, agreed.body).toBe(200);
    }
    const [response] = await testApp.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.closeoutId, closeoutId),
          eq(auditEvents.action, 'client_ticket_response'),
        ),
      );
    expect(response).toMatchObject({ actorKind: 'client_contact', actorName: 'Grace Hopper' });

    // The provider prepares the hand-over and moves on to the deactivation session.
    const staffView = await call({
      method: 'GET',
      url: `/api/v1/closeouts/${closeoutId}`,
      headers: manager.headers,
    });
    driver.closeout = staffView.json();
    await driver.act(manager.headers, 'advance-stage');
    await driver.act(technician.headers, 'handover-items/from-managed-systems');
    const [firewall, tenant] = driver.closeout.handoverItems;
    for (const item of [firewall!, tenant!]) {
      await driver.act(technician.headers, `handover-items/${item.id}/hand-over`);
    }
    const stored = await call({
      method: 'PUT',
      url: `/api/v1/closeouts/${closeoutId}/handover-items/${firewall!.id}/secret`,
      headers: technician.headers,
      payload: { username: 'admin', password: 'Tr0ub4dor&3', url: 'https://10.0.0.1' },
    });
    expect(stored.statusCode, stored.body).toBe(200);
    const checksum = await sha256Of(`backup-${client.id}`);
    await driver.act(technician.headers, 'backup-copies', {
      description: 'Full image of FS01',
      systemsCovered: ['FS01'],
      sizeBytes: 1_000_000,
      sha256: checksum,
      medium: 'encrypted_drive',
    });
    const copyId = driver.closeout.backupCopies[0]!.id;
    await driver.act(technician.headers, `backup-copies/${copyId}/deliver`);

    const inSession = (await grace.get(`/closeouts/${closeoutId}`)).json() as TPortalCloseout;
    expect(inSession.can).toEqual({
      respondToTickets: true,
      confirmHandover: true,
      confirmBackupReceipt: true,
      signResponsibility: true,
    });
    expect(inSession.handoverItems.map((item) => item.secret.status)).toEqual([
      'available',
      'none',
    ]);

    const revealed = await grace.post(
      `/closeouts/${closeoutId}/handover-items/${firewall!.id}/reveal`,
    );
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json().fields).toEqual([
      { key: 'url', label: 'Where to sign in', value: 'https://10.0.0.1' },
      { key: 'username', label: 'Username', value: 'admin' },
      { key: 'password', label: 'Password or key', value: 'Tr0ub4dor&3' },
    ]);
    const again = await grace.post(
      `/closeouts/${closeoutId}/handover-items/${firewall!.id}/reveal`,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('re-issue');
    const afterReveal = (await grace.get('/closeout')).json() as TPortalCloseout;
    expect(afterReveal.handoverItems[0]!.secret).toMatchObject({
      status: 'revealed',
      revealedBy: 'Grace Hopper',
    });

    const reissued = await call({
      method: 'POST',
      url: `/api/v1/closeouts/${closeoutId}/handover-items/${firewall!.id}/secret/reissue`,
      headers: technician.headers,
    });
    expect(reissued.statusCode, reissued.body).toBe(200);
    expect((await grace.get('/closeout')).json().handoverItems[0].secret.status).toBe('available');
    const secondIssue = await grace.post(
      `/closeouts/${closeoutId}/handover-items/${firewall!.id}/reveal`,
    );
    expect(secondIssue.statusCode, secondIssue.body).toBe(200);

    const confirmed = await grace.post(
      `/closeouts/${closeoutId}/handover-items/${firewall!.id}/confirm`,
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().handoverItems[0]).toMatchObject({ confirmedBy: 'Grace Hopper' });
    const problem = await grace.post(
      `/closeouts/${closeoutId}/handover-items/${tenant!.id}/problem`,
      { description: 'The global admin password is refused.' },
    );
    expect(problem.statusCode, problem.body).toBe(200);
    expect(problem.json().handoverItems[1].problems).toEqual([
      expect.objectContaining({ description: 'The global admin password is refused.' }),
    ]);
    const withIssue = await call({
      method: 'GET',
      url: `/api/v1/closeouts/${closeoutId}`,
      headers: manager.headers,
    });
    expect(withIssue.json().deactivationIssues).toEqual([
      expect.objectContaining({ systemName: tenant!.systemName, loggedBy: 'Grace Hopper' }),
    ]);

    const mismatch = await grace.post(`/closeouts/${closeoutId}/backup-copies/${copyId}/receipt`, {
      sha256: '0'.repeat(64),
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().field).toBe('sha256');
    const received = await grace.post(`/closeouts/${closeoutId}/backup-copies/${copyId}/receipt`, {
      sha256: checksum.toUpperCase(),
    });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().backupCopies[0]).toMatchObject({
      receivedBy: 'Grace Hopper',
      checksumVerified: true,
    });

    const statement = await grace.get(`/closeouts/${closeoutId}/responsibility-statement`);
    expect(statement.json().statement).toContain(client.name);
    const noConsent = await grace.post(`/closeouts/${closeoutId}/responsibility`, {
      fullName: 'Dr Grace Hopper',
      title: 'Managing Partner',
      consent: false,
      effectiveFrom: new Date().toISOString(),
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().field).toBe('consent');
    const backdated = await grace.post(`/closeouts/${closeoutId}/responsibility`, {
      fullName: 'Dr Grace Hopper',
      title: 'Managing Partner',
      consent: true,
      effectiveFrom: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().field).toBe('effectiveFrom');
    const effectiveFrom = new Date(Date.now() + 3_600_000).toISOString();
    const signed = await grace.post(`/closeouts/${closeoutId}/responsibility`, {
      fullName: 'Dr Grace Hopper',
      title: 'Managing Partner',
      consent: true,
      effectiveFrom,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().responsibility).toMatchObject({
      acceptedByName: 'Dr Grace Hopper',
      effectiveFrom,
      signedInPortal: {
        email: contact.email,
        ip: CLIENT_IP,
        statement: statement.json().statement,
      },
      receiptAvailable: true,
    });
    expect(signed.json().can.signResponsibility).toBe(false);

    const detail = await call({
      method: 'GET',
      url: `/api/v1/closeouts/${closeoutId}`,
      headers: manager.headers,
    });
    expect(detail.json().responsibilityAcceptance).toMatchObject({
      recordedBy: 'Grace Hopper',
      signature: { email: contact.email, ip: CLIENT_IP, userAgent: USER_AGENT },
    });

    const clientReceipt = await grace.get('/closeout/receipt.pdf');
    expect(clientReceipt.statusCode).toBe(200);
    expect(clientReceipt.headers['content-type']).toBe('application/pdf');
    const staffReceipt = await call({
      method: 'GET',
      url: `/api/v1/closeouts/${closeoutId}/responsibility-receipt.pdf`,
      headers: accountManager.headers,
    });
    expect(staffReceipt.statusCode).toBe(200);
    expect(staffReceipt.rawPayload.equals(clientReceipt.rawPayload)).toBe(true);
    if (popplerMissing === null) {
      const text = await pdfFlatText(clientReceipt.rawPayload);
      expect(text).toContain('Dr Grace Hopper');
      expect(text).toContain('Managing Partner');
      expect(text).toContain(statement.json().statement);
      expect(text).toContain(CLIENT_IP);
      // A checksum may wrap at the edge of its column.
      expect(text.replaceAll(' ', '')).toContain(await sha256Of(statement.json().statement));
    }
  });

  it('gets an expiring link to a backup copy handed over by download', async () => {
    const { contact, driver } = await clientInTicketReview();
    const archive = gzipSync(Buffer.from(`mailboxes of ${driver.closeout.client.name}`));
    await driver.act(technician.headers, 'backup-copies', {
      description: 'Mailbox export',
      systemsCovered: ['Microsoft 365'],
      sizeBytes: archive.length,
      sha256: createHash('sha256').update(archive).digest('hex'),
      medium: 'download_link',
    });
    const copyId = driver.closeout.backupCopies[0]!.id;
    await invite(driver.closeout.id, { contactId: contact.id });
    const grace = portal(await portalCookieFor(contact.email!));
    const early = await grace.post(
      `/closeouts/${driver.closeout.id}/backup-copies/${copyId}/download-link`,
    );
    expect(early.statusCode).toBe(409);
    expect((await grace.get('/closeout')).json().backupCopies[0].downloadable).toBe(false);

    const uploaded = await call({
      method: 'PUT',
      url: `/api/v1/closeouts/${driver.closeout.id}/backup-copies/${copyId}/archive?fileName=mailboxes.gz`,
      headers: { ...technician.headers, 'content-type': 'application/octet-stream' },
      payload: archive,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect((await grace.get('/closeout')).json().backupCopies[0].downloadable).toBe(true);
    const link = await grace.post(
      `/closeouts/${driver.closeout.id}/backup-copies/${copyId}/download-link`,
    );
    expect(link.statusCode, link.body).toBe(200);
    const { url, expiresAt } = link.json();
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const downloaded = await call({ method: 'GET', url: new URL(url).pathname });
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.rawPayload.equals(archive)).toBe(true);
  });

  it('has no receipt before the client signed', async () => {
    const { contact, driver } = await clientInTicketReview();
    await invite(driver.closeout.id, { contactId: contact.id });
    const cookie = await portalCookieFor(contact.email!);
    const receipt = await portal(cookie).get('/closeout/receipt.pdf');
    expect(receipt.statusCode).toBe(404);
    expect(receipt.json().detail).toContain('not signed yet');
  });
});

describe('inviting contacts', () => {
  it('needs the right role, an address, and one invitation per address', async () => {
    const { driver } = await clientInTicketReview();
    const closeoutId = driver.closeout.id;
    const byTechnician = await call({
      method: 'POST',
      url: `/api/v1/closeouts/${closeoutId}/portal-users`,
      headers: technician.headers,
      payload: { name: 'Linus', email: 'linus@fabrikam.example' },
    });
    expect(byTechnician.statusCode).toBe(403);

    const [withoutEmail] = await testApp.db
      .insert(contacts)
      .values({ orgId: manager.orgId, clientId: driver.closeout.client.id, name: 'No Mail' })
      .returning();
    const noAddress = await call({
      method: 'POST',
      url: `/api/v1/closeouts/${closeoutId}/portal-users`,
      headers: manager.headers,
      payload: { contactId: withoutEmail!.id },
    });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().field).toBe('contactId');

    const address = `it.${randomUUID().slice(0, 6)}@contoso.example`;
    const user = await invite(closeoutId, { name: 'Contoso IT', email: address }, accountManager);
    const twice = await call({
      method: 'POST',
      url: `/api/v1/closeouts/${closeoutId}/portal-users`,
      headers: manager.headers,
      payload: { name: 'Contoso IT', email: address.toUpperCase() },
    });
    expect(twice.statusCode).toBe(409);

    await newTokensFor(address);
    const resent = await call({
      method: 'POST',
      url: `/api/v1/closeouts/${closeoutId}/portal-users/${user.id}/resend`,
      headers: manager.headers,
    });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(await newTokensFor(address)).toHaveLength(1);
  });
});

describe('signing in to the portal', () => {
  it('answers the same whether or not the address is known, and mails only known ones', async () => {
    const { contact, driver } = await clientInTicketReview();
    await invite(driver.closeout.id, { contactId: contact.id });
    await newTokensFor(contact.email!);
    const stranger = `nobody.${randomUUID().slice(0, 6)}@example.com`;
    const known = await call({
      method: 'POST',
      url: '/api/v1/portal/sign-in-links',
      payload: { email: contact.email!.toUpperCase() },
    });
    const unknown = await call({
      method: 'POST',
      url: '/api/v1/portal/sign-in-links',
      payload: { email: stranger },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json().message.replace(contact.email!, '')).toBe(
      unknown.json().message.replace(stranger, ''),
    );
    expect(await newTokensFor(contact.email!)).toHaveLength(1);
    expect(await testApp.db.select().from(mails).where(eq(mails.toAddress, stranger))).toEqual([]);
  });

  it('refuses a link that expired, and a link used once already', async () => {
    const { contact, driver } = await clientInTicketReview();
    await invite(driver.closeout.id, { contactId: contact.id });
    const first = await latestTokenFor(contact.email!);
    const used = await signIn(first);
    expect(used.statusCode).toBe(200);
    const reused = await signIn(first);
    expect(reused.statusCode).toBe(410);
    expect(reused.json().detail).toContain('already used');

    await call({
      method: 'POST',
      url: '/api/v1/portal/sign-in-links',
      payload: { email: contact.email },
    });
    const late = await latestTokenFor(contact.email!);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * 60 * 1000);
    const expired = await signIn(late);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toContain('expired');
    vi.useRealTimers();

    const unknown = await signIn('not-a-token');
    expect(unknown.statusCode).toBe(401);
  });

  it('lets only one of two simultaneous uses of a link through', async () => {
    const { contact, driver } = await clientInTicketReview();
    await invite(driver.closeout.id, { contactId: contact.id });
    const token = await latestTokenFor(contact.email!);
    const answers = await Promise.all([signIn(token), signIn(token)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 410]);
  });

  it('limits link requests per address and per network address', async () => {
    const address = `limited.${randomUUID().slice(0, 6)}@example.com`;
    const request = (email: string, remoteAddress: string) =>
      call({
        method: 'POST',
        url: '/api/v1/portal/sign-in-links',
        payload: { email },
        remoteAddress,
      });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await request(address, `198.51.100.${attempt}`)).statusCode).toBe(202);
    }
    const sixth = await request(address, '198.51.100.99');
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(sixth.json().code).toBe('rate_limited');

    for (let attempt = 0; attempt < 30; attempt++) {
      expect((await request(`someone.${attempt}@example.com`, '192.0.2.50')).statusCode).toBe(202);
    }
    const fromBusyAddress = await request('one.more@example.com', '192.0.2.50');
    expect(fromBusyAddress.statusCode).toBe(429);
    expect(fromBusyAddress.headers['retry-after']).toBeDefined();
  });

  it("ends a revoked contact's session and refuses its links", async () => {
    const { contact, driver } = await clientInTicketReview();
    const user = await invite(driver.closeout.id, { contactId: contact.id });
    const cookie = await portalCookieFor(contact.email!);
    await call({
      method: 'POST',
      url: '/api/v1/portal/sign-in-links',
      payload: { email: contact.email },
    });
    const pending = await latestTokenFor(contact.email!);
    expect((await portal(cookie).get('/me')).statusCode).toBe(200);

    const revoked = await call({
      method: 'POST',
      url: `/api/v1/closeouts/${driver.closeout.id}/portal-users/${user.id}/revoke`,
      headers: manager.headers,
    });
    expect(revoked.json().status).toBe('revoked');
    expect((await portal(cookie).get('/me')).statusCode).toBe(401);
    const refused = await signIn(pending);
    expect(refused.statusCode).toBe(403);
    await call({
      method: 'POST',
      url: '/api/v1/portal/sign-in-links',
      payload: { email: contact.email },
    });
    expect(await newTokensFor(contact.email!)).toEqual([]);
  });

  it('signs out', async () => {
    const { contact, driver } = await clientInTicketReview();
    await invite(driver.closeout.id, { contactId: contact.id });
    const cookie = await portalCookieFor(contact.email!);
    const out = await call({ method: 'POST', url: '/api/v1/portal/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await portal(cookie).get('/me')).statusCode).toBe(401);
  });
});

describe('isolation', () => {
  it("shows a contact only its own client's closeout", async () => {
    const a = await clientInTicketReview();
    const b = await clientInTicketReview();
    await invite(a.driver.closeout.id, { contactId: a.contact.id });
    await invite(b.driver.closeout.id, { contactId: b.contact.id });
    const asB = portal(await portalCookieFor(b.contact.email!));

    expect((await asB.get('/closeout')).json().id).toBe(b.driver.closeout.id);
    expect(
      (await asB.get('/closeouts')).json().items.map((item: { id: string }) => item.id),
    ).toEqual([b.driver.closeout.id]);
    expect((await asB.get(`/closeouts/${a.driver.closeout.id}`)).statusCode).toBe(404);
    const meddling = await asB.post(
      `/closeouts/${a.driver.closeout.id}/tickets/${a.tickets[0]!.id}/response`,
      { agreed: true },
    );
    expect(meddling.statusCode).toBe(404);
    expect(
      (await asB.get(`/closeouts/${a.driver.closeout.id}/responsibility-statement`)).statusCode,
    ).toBe(404);
    expect(
      (await asB.get(`/closeouts/${a.driver.closeout.id}/responsibility-receipt.pdf`)).statusCode,
    ).toBe(404);
    const untouched = await call({
      method: 'GET',
      url: `/api/v1/closeouts/${a.driver.closeout.id}`,
      headers: manager.headers,
    });
    expect(untouched.json().ticketReviews[0].clientAgreed).toBe(false);
  });

  it('keeps another organisation’s contacts out too', async () => {
    const otherManager = await createStaff({ app: testApp.app, roles: ['service_manager'] });
    const otherAccount = await createStaff({
      app: testApp.app,
      orgId: otherManager.orgId,
      roles: ['account_manager'],
    });
    const other = await clientInTicketReview(otherManager.orgId, {
      manager: otherManager,
      accountManager: otherAccount,
    });
    const ours = await clientInTicketReview();
    await invite(other.driver.closeout.id, { contactId: other.contact.id }, otherManager);
    const outsider = portal(await portalCookieFor(other.contact.email!));
    expect((await outsider.get(`/closeouts/${ours.driver.closeout.id}`)).statusCode).toBe(404);
    const staffOfOther = await call({
      method: 'GET',
      url: `/api/v1/closeouts/${ours.driver.closeout.id}/portal-users`,
      headers: otherManager.headers,
    });
    expect(staffOfOther.statusCode).toBe(404);
  });

  it('refuses a portal session on staff endpoints and a staff session on portal endpoints', async () => {
    const { contact, driver } = await clientInTicketReview();
    await invite(driver.closeout.id, { contactId: contact.id });
    const portalCookie = await portalCookieFor(contact.email!);
    for (const url of [
      '/api/v1/auth/me',
      '/api/v1/closeouts',
      `/api/v1/closeouts/${driver.closeout.id}`,
      `/api/v1/closeouts/${driver.closeout.id}/responsibility-receipt.pdf`,
    ]) {
      const response = await call({ method: 'GET', url, headers: { cookie: portalCookie } });
      expect(response.statusCode, url).toBe(401);
    }
    const staffAction = await call({
      method: 'POST',
      url: `/api/v1/closeouts/${driver.closeout.id}/ticket-reviews/${driver.closeout.ticketReviews[0]!.ticketId}/client-response`,
      headers: { cookie: portalCookie, 'if-match': `"${driver.closeout.version}"` },
      payload: { agreed: true },
    });
    expect(staffAction.statusCode).toBe(401);

    const staffCookie = await signInWithPassword(testApp.app, manager.email, STAFF_PASSWORD);
    for (const headers of [{ cookie: staffCookie }, manager.headers]) {
      expect((await call({ method: 'GET', url: '/api/v1/portal/me', headers })).statusCode).toBe(
        401,
      );
      expect(
        (await call({ method: 'GET', url: '/api/v1/portal/closeout', headers })).statusCode,
      ).toBe(401);
    }
  });
});
