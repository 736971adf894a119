import { createHash } from 'node:crypto';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCloseoutDetail } from '../../src/server/closeouts/schema.js';
import type { TMail, TMailPage } from '../../src/server/mails/schema.js';
import { expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * The client portal's whole journey: the MSP invites the client's decision maker from the
 * closeout page; the invitation mail's link signs her in, in a browser of her own; she reveals a
 * credential and confirms it works, checks the backup copy she received by its SHA-256 and
 * confirms receipt, and signs the transfer of responsibility; the MSP then sees those gates met.
 * The closeout up to its deactivation session is prepared through the staff API.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const CLIENT = 'Lakeside Physiotherapy';
const CONTACT = { name: 'Ingrid Solberg', email: 'ingrid@lakeside-physio.example' };
const SECRET = {
  username: 'admin@lakeside-physio.example',
  password: 'Tide-Harbour-42-Lantern',
  url: 'https://admin.microsoft.com',
  mfaRecoveryCodes: ['4821-0931', '7712-5540'],
};
/** The backup copy's bytes as the client receives them, and the checksum the MSP recorded. */
const BACKUP_BYTES = Buffer.from('Lakeside Physiotherapy — mailbox export\n'.repeat(2_000));
const BACKUP_SHA256 = createHash('sha256').update(BACKUP_BYTES).digest('hex');

/** The staff API through a signed-in browser context: every change must be accepted. */
function staffApi(request: APIRequestContext) {
  let closeout: TCloseoutDetail | null = null;
  const post = async <T>(path: string, data: object, status = 201): Promise<T> => {
    const response = await request.post(`/api/v1${path}`, { data });
    expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(status);
    return (await response.json()) as T;
  };
  return {
    post,
    get closeout(): TCloseoutDetail {
      if (closeout === null) throw new Error('No closeout opened yet.');
      return closeout;
    },
    async open(data: object) {
      closeout = await post<TCloseoutDetail>('/closeouts', data);
      return closeout;
    },
    /** A closeout action with the version last seen as If-Match. */
    async act(path: string, data: object = {}) {
      const current = this.closeout;
      const response = await request.post(`/api/v1/closeouts/${current.id}/${path}`, {
        data,
        headers: { 'if-match': `"${current.version}"` },
      });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
      closeout = (await response.json()) as TCloseoutDetail;
      return closeout;
    },
  };
}

/** A client at its deactivation session: meeting held, the ticket review done, the hand-over ready. */
async function prepareCloseout(page: Page) {
  const api = staffApi(page.request);
  const { id: clientId } = await api.post<{ id: string }>('/clients', {
    name: CLIENT,
    clientSince: '2020-05-01',
    industry: 'Healthcare',
  });
  await api.post(`/clients/${clientId}/agreements`, {
    name: 'Managed IT services',
    monthlyRecurringRevenue: 3100,
    startDate: '2020-05-01',
    noticePeriodDays: 30,
  });
  await api.post(`/clients/${clientId}/contacts`, {
    ...CONTACT,
    title: 'Clinic Manager',
    isDecisionMaker: true,
    isTechnicalContact: true,
  });
  await api.post(`/clients/${clientId}/managed-systems`, {
    name: 'Microsoft 365',
    category: 'cloud_tenant',
  });
  await api.post('/tickets', {
    clientId,
    number: 'LSP-201',
    title: 'Shared mailbox for bookings',
    priority: 'normal',
    openedAt: daysFromNow(-12).toISOString(),
  });

  await api.open({
    clientId,
    trigger: 'client_notice',
    noticeReceivedOn: isoDay(daysFromNow(-20)),
    noticeEvidence: 'Letter from Ingrid Solberg: the clinic joins a group with its own IT.',
  });
  await api.act('acknowledge-notice');
  await api.act('compile-health-snapshot');
  await api.act('record-reasons', { primary: 'acquisition_or_merger', notes: 'Joins a group.' });
  await api.act('decide-retention', {
    decision: 'accept_cancellation',
    rationale: 'The group runs its own IT.',
  });
  await api.act('advance-stage');
  await api.act('schedule-meeting', {
    scheduledAt: daysFromNow(-6).toISOString(),
    location: 'Video call',
    agenda: 'Dates, open tickets, hand-over, billing',
  });
  await api.act('record-meeting', {
    heldAt: daysFromNow(-5).toISOString(),
    attendees: [{ name: CONTACT.name, email: CONTACT.email, organisation: 'client' }],
    minutes: 'Dates and hand-over agreed.',
    agreement: {
      terminationDate: isoDay(daysFromNow(25)),
      deactivationSessionAt: daysFromNow(1).toISOString(),
      ticketHandling: 'The bookings mailbox is set up before the end.',
      deliverables: 'Admin credentials and a copy of the mailboxes.',
      finalBilling: 'Pro rata to the termination date.',
      transitionContact: { kind: 'own_it', name: CONTACT.name, email: CONTACT.email },
    },
  });
  await api.act('record-meeting-summary-sent');
  await api.act('advance-stage');

  await api.act('pull-tickets');
  const [review] = api.closeout.ticketReviews;
  if (review === undefined) throw new Error('The ticket review pulled no ticket.');
  await api.act('ticket-dispositions', {
    dispositions: [{ ticketId: review.ticketId, disposition: 'complete', reason: 'A small job.' }],
  });
  await api.act(`ticket-reviews/${review.ticketId}/client-response`, { agreed: true });
  await api.act(`ticket-reviews/${review.ticketId}/outcome`, { outcome: 'completed' });
  await api.act('advance-stage');

  await api.act('handover-items/from-managed-systems');
  const [item] = api.closeout.handoverItems;
  if (item === undefined) throw new Error('No handover item was generated.');
  await api.act(`handover-items/${item.id}/hand-over`);
  const stored = await page.request.put(
    `/api/v1/closeouts/${api.closeout.id}/handover-items/${item.id}/secret`,
    { data: SECRET },
  );
  expect(stored.status(), await stored.text()).toBe(200);

  await api.act('backup-copies', {
    description: 'Export of every mailbox',
    systemsCovered: ['Microsoft 365'],
    sizeBytes: BACKUP_BYTES.length,
    sha256: BACKUP_SHA256,
    medium: 'encrypted_drive',
  });
  const [copy] = api.closeout.backupCopies;
  if (copy === undefined) throw new Error('No backup copy was recorded.');
  await api.act(`backup-copies/${copy.id}/deliver`);
  return api.closeout;
}

/** The newest invitation in the outbox (no SMTP here), read as the administrator reads it. */
async function invitationLink(): Promise<string> {
  const admin = await newPage(browser, server.url);
  const credentials = server.userWithRole('admin');
  const signedIn = await admin.request.post('/api/v1/auth/sign-in', {
    data: { email: credentials.email, password: credentials.password },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const list = await admin.request.get('/api/v1/mails?kind=portal_invitation');
  expect(list.status(), await list.text()).toBe(200);
  const page = (await list.json()) as TMailPage;
  const invitation = page.items.find((mail) => mail.to.address === CONTACT.email);
  expect(invitation, 'the invitation mail').toBeDefined();
  const mail = (await (await admin.request.get(`/api/v1/mails/${invitation!.id}`)).json()) as TMail;
  await admin.context().close();
  const link = mail.text.match(/https?:\/\/\S+\/portal\/sign-in\S*/)?.[0];
  expect(link, `a sign-in link in:\n${mail.text}`).toBeDefined();
  // The mail names the server's public address; the test's server listens elsewhere.
  const { pathname, search } = new URL(link!);
  return `${pathname}${search}`;
}

describe('the client portal', () => {
  it('takes the client from the invitation to the signed transfer, and the MSP sees it', async () => {
    const staff = await newPage(browser, server.url);
    await signIn(staff, server.userWithRole('service_manager'));
    const closeout = await prepareCloseout(staff);

    // ---- The MSP invites the client's decision maker from the closeout page ----
    await staff.goto(`/closeouts/${closeout.id}`);
    const card = staff.getByRole('region', { name: 'Client portal' });
    await card.getByText('Nobody invited yet').waitFor();
    await card.getByRole('button', { name: 'Invite' }).click();
    const invite = staff.getByRole('dialog', { name: 'Invite to the client portal' });
    await invite.getByRole('textbox', { name: 'Contact' }).click();
    await staff.getByRole('option', { name: new RegExp(CONTACT.name) }).click();
    await screenshot(staff, 'portal-00-invite');
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    await card.getByText(CONTACT.email).waitFor();
    await card.getByText('Invited', { exact: true }).waitFor();

    // ---- The invitation's link, opened in a browser of the client's own ----
    const link = await invitationLink();
    const client = await newPage(browser, server.url);
    await client.goto(link);
    await client.waitForURL((url) => url.pathname === '/portal');
    await client
      .getByRole('heading', { level: 1, name: `Closeout ${closeout.reference}` })
      .waitFor();
    await client.getByText(`Client portal · ${CLIENT}`).waitFor();
    await screenshot(client, 'portal-01-home');
    await expectAccessible(client, 'the portal home');

    // The link works once.
    const again = await newPage(browser, server.url);
    await again.goto(link);
    await again.getByRole('heading', { name: 'This sign-in link no longer works' }).waitFor();
    await screenshot(again, 'portal-01b-used-link');
    await again.getByRole('link', { name: 'Email me a new link' }).click();
    await again.getByLabel(/Your email address/).fill(CONTACT.email);
    await again.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await again.getByRole('heading', { name: 'Check your mail' }).waitFor();
    await screenshot(again, 'portal-01c-check-your-mail');
    await expectAccessible(again, 'the portal sign-in');
    await again.context().close();

    // ---- Reveal the credential once, then confirm it works ----
    const credential = client.getByRole('article', { name: /^Microsoft 365: / });
    await credential.getByRole('button', { name: /^Reveal: / }).click();
    const reveal = client.getByRole('dialog');
    await reveal.getByText(/shown once/).waitFor();
    await reveal.getByRole('button', { name: 'Reveal it now' }).click();
    await credential.getByText(SECRET.password).waitFor();
    await credential.getByText(SECRET.username).waitFor();
    await screenshot(client, 'portal-02-revealed');
    await credential.getByRole('button', { name: /^It works: / }).click();
    await credential.getByText(/^Works · confirmed/).waitFor();
    // Revealed once: back on the page, a second reveal needs the MSP to re-issue it.
    await client.reload();
    await credential.getByText(/ask your provider to re-issue it/).waitFor();
    await expect(credential.getByRole('button', { name: /^Reveal: / }).count()).resolves.toBe(0);
    await expect(credential.getByText(SECRET.password).count()).resolves.toBe(0);

    // ---- The backup copy, checked by the SHA-256 the browser computes ----
    const copy = client.getByRole('article', { name: 'Export of every mailbox' });
    await copy.locator('input[type="file"]').setInputFiles({
      name: 'lakeside-mailboxes.zip',
      mimeType: 'application/zip',
      buffer: BACKUP_BYTES,
    });
    await copy.getByText(/^Matches the checksum of the copy/).waitFor();
    await expect(
      copy.getByRole('textbox', { name: /SHA-256 of the file you received/ }).inputValue(),
    ).resolves.toBe(BACKUP_SHA256);
    await screenshot(client, 'portal-03-backup-checked');
    await copy.getByRole('button', { name: 'Confirm receipt' }).click();
    await copy.getByText(/checksum verified\.$/).waitFor();

    // ---- Sign the transfer of responsibility ----
    const transfer = client.getByRole('region', { name: 'Transfer of responsibility' });
    await transfer.getByText(/I accept responsibility for the administration/).waitFor();
    await transfer.getByRole('textbox', { name: /Your full name/ }).fill(CONTACT.name);
    await transfer.getByRole('textbox', { name: /Your title/ }).fill('Clinic Manager');
    await transfer.getByRole('checkbox', { name: /I have read the statement/ }).check();
    await screenshot(client, 'portal-04-sign');
    await transfer.getByRole('button', { name: 'Sign' }).click();
    const receipt = transfer.getByRole('link', { name: 'Download receipt (PDF)' });
    await receipt.waitFor();
    await transfer.getByText(CONTACT.name).waitFor();
    const pdf = await client.request.get((await receipt.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(client, 'portal-05-signed');
    await expectAccessible(client, 'the portal home once signed');

    // On a phone, in dark mode.
    await client.setViewportSize({ width: 390, height: 844 });
    await client.getByRole('button', { name: 'Switch to dark mode' }).click();
    await screenshot(client, 'portal-06-phone-dark');
    await expectAccessible(client, 'the portal home on a phone, dark');
    await client.context().close();

    // ---- The MSP sees the client's confirmations and signature as met gates ----
    await staff.reload();
    await staff.getByRole('heading', { level: 1, name: new RegExp(CLIENT) }).waitFor();
    const blockers = staff.getByRole('region', { name: 'What still blocks closing' });
    await blockers.waitFor();
    const blocking = (await blockers.getByRole('link').allInnerTexts()).map((name) => name.trim());
    for (const gate of [
      'Administration credentials received',
      'Backup copy received',
      'Responsibility accepted',
    ]) {
      expect(blocking).not.toContain(gate);
    }
    const detail = (await (
      await staff.request.get(`/api/v1/closeouts/${closeout.id}`)
    ).json()) as TCloseoutDetail;
    const unmet = [...detail.unmetStageGates, ...detail.unmetClosingGates].map((gate) => gate.gate);
    expect(unmet).not.toContain('credentials_confirmed');
    expect(unmet).not.toContain('backup_received');
    expect(unmet).not.toContain('responsibility_accepted');
    expect(detail.handoverItems.every((item) => item.confirmedAt !== null)).toBe(true);
    expect(detail.backupCopies[0]?.checksumVerified).toBe(true);
    expect(detail.responsibilityAcceptance?.acceptedByName).toBe(CONTACT.name);
    expect(detail.responsibilityAcceptance?.signature?.email).toBe(CONTACT.email);

    await card.getByText('Signed in', { exact: true }).waitFor();
    await card.getByRole('link', { name: 'Download receipt (PDF)' }).waitFor();
    await screenshot(staff, 'portal-07-staff-gates-met');
    await staff.context().close();
  });
});
