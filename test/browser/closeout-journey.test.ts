import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * Closeouts worked from the notice to their end through the staff app, as the Service Manager
 * works them: one that ends terminated after every stage of 11a and 11b, one that ends retained
 * after a Service Improvement Program. Only the client's own records, which stand for what the
 * MSP's PSA holds, are set up through the API; every step of the process goes through the UI.
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

/** A calendar day counted from today, as a date input takes it (the browser runs in UTC). */
const day = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** A moment on such a day, as a datetime-local input takes it. */
const dayAt = (offsetDays: number, time: string): string => `${day(offsetDays)}T${time}`;

const BACKUP_SHA256 = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

type ClientFixture = {
  id: string;
  name: string;
  decisionMaker: string;
  tickets: { number: string; title: string }[];
};

/**
 * A client as the MSP's PSA would hand it over: a rolling agreement with a notice period, the
 * decision maker, two managed systems and a few open tickets.
 */
async function createClient(
  page: Page,
  client: { name: string; ticketPrefix: string; decisionMaker: string },
): Promise<ClientFixture> {
  const post = async <T>(path: string, data: object): Promise<T> => {
    const response = await page.request.post(`/api/v1${path}`, { data });
    expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as T;
  };
  const { id } = await post<{ id: string }>('/clients', {
    name: client.name,
    clientSince: '2021-03-01',
    industry: 'Dental practices',
  });
  await post(`/clients/${id}/agreements`, {
    name: 'Managed IT services',
    monthlyRecurringRevenue: 4200,
    startDate: '2021-03-01',
    noticePeriodDays: 30,
  });
  await post(`/clients/${id}/contacts`, {
    name: client.decisionMaker,
    email: `${client.decisionMaker.split(' ')[0]?.toLowerCase()}@example.com`,
    title: 'Practice Manager',
    isDecisionMaker: true,
    isTechnicalContact: true,
  });
  await post(`/clients/${id}/managed-systems`, { name: 'Microsoft 365', category: 'cloud_tenant' });
  await post(`/clients/${id}/managed-systems`, { name: 'Office firewall', category: 'firewall' });
  const tickets = [
    { number: `${client.ticketPrefix}-101`, title: 'Printer in reception drops off the network' },
    { number: `${client.ticketPrefix}-102`, title: 'New starter laptop for the hygienist' },
    { number: `${client.ticketPrefix}-103`, title: 'Migrate the old file share to SharePoint' },
  ];
  for (const [index, ticket] of tickets.entries()) {
    await post('/tickets', {
      clientId: id,
      ...ticket,
      priority: 'normal',
      openedAt: new Date(Date.now() - (10 + index) * DAY_MS).toISOString(),
    });
  }
  return { id, name: client.name, decisionMaker: client.decisionMaker, tickets };
}

/** A signed-in Service Manager in a browser context of their own. */
async function serviceManagerPage(): Promise<Page> {
  const page = await newPage(browser, server.url);
  await signIn(page, server.userWithRole('service_manager'));
  return page;
}

/**
 * Runs a step of the process in the UI and waits for the API to accept it: the closeout action
 * `path` (a string for its exact end, a pattern for one with ids in it).
 */
async function expectAction(page: Page, path: string | RegExp, step: () => Promise<unknown>) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => {
      if (candidate.request().method() !== 'POST') return false;
      const { pathname } = new URL(candidate.url());
      if (!pathname.startsWith('/api/v1/closeouts/')) return false;
      return typeof path === 'string' ? pathname.endsWith(`/${path}`) : path.test(pathname);
    }),
    step(),
  ]);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
}

/** Opens a closeout on the client's notice through the New closeout page, and goes to it. */
async function openCloseout(
  page: Page,
  client: ClientFixture,
  evidence: string,
  screenshotName: string,
) {
  await page.goto('/closeouts');
  await page.getByRole('link', { name: 'New closeout' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'New closeout' }).waitFor();
  const clientPicker = page.getByRole('textbox', { name: 'Client', exact: true });
  await clientPicker.fill(client.name.split(' ')[0]!);
  await page.getByRole('option', { name: client.name }).click();
  await page.getByRole('radio', { name: 'Client cancels' }).check();
  await page.getByLabel('Notice received on').fill(day(-3));
  await page.getByRole('textbox', { name: 'Evidence', exact: true }).fill(evidence);
  // The preview of the termination date comes from the client's agreement.
  await page.getByText('Managed IT services').first().waitFor();
  await screenshot(page, screenshotName);
  await page.getByRole('button', { name: 'Open closeout' }).click();
  await page.waitForURL(/\/closeouts\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: new RegExp(client.name) }).waitFor();
}

/** The section of a stage panel under its heading. */
const section = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: new RegExp(`^${title}`) });

const blockers = (page: Page): Locator =>
  page.getByRole('region', { name: 'What still blocks closing' });

async function advance(page: Page, stage: RegExp) {
  await expectAction(page, 'advance-stage', () =>
    blockers(page).getByRole('button', { name: stage }).click(),
  );
}

/** Marks a task of the stage's checklist done, with its evidence. */
async function completeTask(page: Page, name: string, evidence: string) {
  const task = page.getByRole('listitem').filter({ hasText: name });
  await task.getByRole('button', { name: /^Done: / }).click();
  await task.getByRole('textbox', { name: 'Evidence', exact: true }).fill(evidence);
  await expectAction(page, /\/tasks\/[0-9a-f-]{36}\/complete$/, () =>
    task.getByRole('button', { name: 'Mark done' }).click(),
  );
  await task.getByText(`Evidence: ${evidence}`).waitFor();
}

describe('a closeout, worked through the staff app', () => {
  it('ends terminated after the assessment, the meeting, the ticket review and the session', async () => {
    const page = await serviceManagerPage();
    const client = await createClient(page, {
      name: 'Harbourview Dental',
      ticketPrefix: 'HVD',
      decisionMaker: 'Nora Lindqvist',
    });

    await openCloseout(
      page,
      client,
      'Email from Nora Lindqvist: we are moving to a provider closer to our new practice.',
      'journey-00-new-closeout',
    );

    // ---- 11a.01 Internal Retention Assessment ----
    await expectAction(page, 'acknowledge-notice', () =>
      page.getByRole('button', { name: 'Record the acknowledgment' }).click(),
    );
    await expectAction(page, 'compile-health-snapshot', () =>
      page.getByRole('button', { name: 'Compile the snapshot' }).click(),
    );
    await section(page, 'Health snapshot').getByText('Open tickets').waitFor();

    const reasons = section(page, 'Reasons for cancelling');
    await reasons.getByRole('textbox', { name: 'Primary reason' }).click();
    await page.getByRole('option', { name: 'Moving to another provider' }).click();
    // A chip is a visually hidden checkbox under its label: the label is what a user clicks.
    await reasons.getByText('Responsiveness', { exact: true }).click();
    await expect(
      reasons.getByRole('checkbox', { name: 'Responsiveness' }).isChecked(),
    ).resolves.toBe(true);
    await reasons
      .getByLabel('Notes from the conversation')
      .fill('The new practice is 200 km away.');
    await expectAction(page, 'record-reasons', () =>
      reasons.getByRole('button', { name: 'Record the reasons' }).click(),
    );

    const decision = section(page, 'Retention decision');
    await decision.getByRole('radio', { name: 'Accept the cancellation' }).check();
    await decision.getByLabel('Rationale').fill('The move makes on-site support impractical.');
    await expectAction(page, 'decide-retention', () =>
      decision.getByRole('button', { name: 'Record the decision' }).click(),
    );
    await screenshot(page, 'journey-01-retention-assessment');
    await advance(page, /Advance to 11a\.02/);

    // ---- 11a.02 Service Closeout Meeting ----
    const schedule = page.getByRole('form', { name: 'Schedule the meeting' });
    await schedule.getByLabel('Date and time').fill(dayAt(-1, '10:00'));
    await schedule.getByLabel('Location').fill('Video call');
    await expectAction(page, 'schedule-meeting', () =>
      schedule.getByRole('button', { name: 'Schedule the meeting' }).click(),
    );

    const meeting = page.getByRole('form', { name: 'Record the meeting' });
    await meeting.getByLabel('Held at').fill(dayAt(-1, '10:00'));
    await meeting.getByLabel('Attendee 1: name').fill(client.decisionMaker);
    await meeting.getByLabel('Attendee 1: email').fill('nora@example.com');
    await meeting.getByLabel('Minutes').fill('Dates, tickets, hand-over and billing agreed.');
    await meeting.getByLabel('Deactivation session').fill(dayAt(7, '14:00'));
    await meeting
      .getByLabel('How open tickets are handled')
      .fill('Two tickets are completed; the migration is cancelled with a handover note.');
    await meeting
      .getByLabel('What the client receives')
      .fill('Admin credentials for every system and a copy of the backup data.');
    await meeting.getByLabel('Final billing').fill('Billing stops on the termination date.');
    await meeting
      .getByRole('textbox', { name: 'Transition contact', exact: true })
      .fill(client.decisionMaker);
    await meeting.getByLabel('Contact email').fill('nora@example.com');
    await screenshot(page, 'journey-02-meeting-form');
    await expectAccessible(page, 'the meeting panel with its record filled');
    await expectAction(page, 'record-meeting', () =>
      meeting.getByRole('button', { name: 'Record the meeting' }).click(),
    );
    await expectAction(page, 'record-meeting-summary-sent', () =>
      page.getByRole('button', { name: 'Mark the summary sent' }).click(),
    );
    await advance(page, /Advance to 11a\.03/);

    // ---- 11a.03 Open Ticket Review ----
    await expectAction(page, 'pull-tickets', () =>
      page.getByRole('button', { name: "Pull the client's open tickets" }).click(),
    );
    const tickets = page.getByRole('table', { name: 'Open tickets' });
    const [first, second, third] = client.tickets as [
      ClientFixture['tickets'][number],
      ClientFixture['tickets'][number],
      ClientFixture['tickets'][number],
    ];
    await tickets.getByRole('checkbox', { name: `Select ticket ${first.number}` }).check();
    await tickets.getByRole('checkbox', { name: `Select ticket ${second.number}` }).check();
    const bulk = page.getByRole('form', { name: 'Bulk disposition' });
    await bulk.getByText('2 selected').waitFor();
    await bulk.getByLabel('Reason').fill('Small jobs, done before the termination date.');
    await screenshot(page, 'journey-03-ticket-review-bulk');
    await expectAccessible(page, 'the ticket review with two tickets selected');
    await expectAction(page, 'ticket-dispositions', () =>
      bulk.getByRole('button', { name: 'Apply to 2 tickets' }).click(),
    );

    const drawer = page.getByRole('dialog');
    await tickets.getByRole('link', { name: third.title }).click();
    await drawer.getByRole('radio', { name: /^Cancel/ }).click();
    await drawer.getByLabel('Reason').fill('Not worth starting before the termination date.');
    await drawer
      .getByLabel('Handover note')
      .fill('The share is read-only; the SharePoint site is prepared but empty.');
    await expectAccessible(page, 'a ticket review with its disposition filled');
    await expectAction(page, 'ticket-dispositions', () =>
      drawer.getByRole('button', { name: 'Save disposition' }).click(),
    );
    await expectAction(page, /\/client-response$/, () =>
      drawer.getByRole('button', { name: 'Client agreed' }).click(),
    );
    await expectAction(page, /\/outcome$/, () =>
      drawer.getByRole('button', { name: 'Close as cancelled' }).click(),
    );
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    for (const ticket of [first, second]) {
      await tickets.getByRole('link', { name: ticket.title }).click();
      await expectAction(page, /\/client-response$/, () =>
        drawer.getByRole('button', { name: 'Client agreed' }).click(),
      );
      await expectAction(page, /\/outcome$/, () =>
        drawer.getByRole('button', { name: 'Mark completed' }).click(),
      );
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    }
    await screenshot(page, 'journey-04-ticket-review-done');
    await advance(page, /Advance to 11a\.04/);

    // ---- 11a.04 Service Deactivation Session ----
    await expectAction(page, 'handover-items/from-managed-systems', () =>
      page.getByRole('button', { name: "Generate from the client's managed systems" }).click(),
    );
    for (const system of ['Microsoft 365', 'Office firewall']) {
      const credentials = page.getByRole('region', { name: system });
      await expectAction(page, /\/hand-over$/, () =>
        credentials.getByRole('button', { name: 'Mark handed over' }).click(),
      );
      await credentials.getByRole('button', { name: 'Client confirmed' }).click();
      await expect(credentials.getByLabel('Confirmed by').inputValue()).resolves.toBe(
        client.decisionMaker,
      );
      await expectAction(page, /\/confirm$/, () =>
        credentials.getByRole('button', { name: 'Record confirmation' }).click(),
      );
    }

    await page.getByRole('button', { name: 'Record a backup copy' }).click();
    const copyForm = page.getByRole('form', { name: 'Record a backup copy' });
    await copyForm
      .getByLabel('Description')
      .fill('Full export of the mailboxes and the file share');
    const systemsCovered = copyForm.getByLabel('Systems covered');
    await systemsCovered.fill('Microsoft 365');
    await systemsCovered.press('Enter');
    await copyForm.getByLabel('Size').fill('120');
    await copyForm.getByRole('textbox', { name: 'Medium' }).click();
    await page.getByRole('option', { name: 'Encrypted drive' }).click();
    await copyForm.getByLabel('SHA-256').fill(BACKUP_SHA256);
    await screenshot(page, 'journey-05-backup-copy-form');
    await expectAccessible(page, 'the session panel with the backup copy filled');
    await expectAction(page, 'backup-copies', () =>
      copyForm.getByRole('button', { name: 'Record backup copy' }).click(),
    );
    const copy = page.getByRole('article', {
      name: 'Full export of the mailboxes and the file share',
    });
    await expectAction(page, /\/deliver$/, () =>
      copy.getByRole('button', { name: 'Mark delivered' }).click(),
    );
    await copy.getByRole('button', { name: 'Confirm receipt' }).click();
    await copy.getByLabel('SHA-256 the client computed').fill(BACKUP_SHA256.toUpperCase());
    await copy.getByText('Matches the checksum we recorded').waitFor();
    await expectAction(page, /\/confirm-receipt$/, () =>
      copy.getByRole('button', { name: 'Confirm receipt' }).click(),
    );
    await copy.getByText('checksum verified').waitFor();

    await expectAction(page, 'record-session-held', () =>
      page.getByRole('button', { name: 'Record session held' }).click(),
    );

    // Everything but the client's signature is done: closing is still blocked by it.
    await section(page, 'Deactivation session')
      .getByText(/^Held /)
      .waitFor();
    const closeButton = blockers(page).getByRole('button', { name: 'Close as terminated' });
    await expect(closeButton.isDisabled()).resolves.toBe(true);
    await blockers(page)
      .getByText(/A closeout closes from its last stage/)
      .waitFor();
    const blocking = await blockers(page).getByRole('link').allInnerTexts();
    expect(blocking.map((gate) => gate.trim())).toEqual(['Responsibility accepted']);
    const acceptance = page.getByRole('form', { name: 'Record the acceptance of responsibility' });
    await acceptance.getByLabel('Signed by').fill(client.decisionMaker);
    await acceptance.getByLabel('Their title').fill('Practice Manager');
    await screenshot(page, 'journey-06-deactivation-session');
    await expectAccessible(page, 'the session panel with the acceptance filled');
    await expectAction(page, 'accept-responsibility', () =>
      acceptance.getByRole('button', { name: 'Record the signed acceptance' }).click(),
    );
    await advance(page, /Advance to 11b/);

    // ---- 11b Service Deactivation ----
    // Nothing on the checklist holds the closing; its tasks are worked before and after it.
    await completeTask(
      page,
      'Uninstall monitoring and management agents',
      'Agents removed from all 14 devices; the RMM report is filed with the closeout.',
    );
    await blockers(page).getByText('Nothing blocks closing.').waitFor();
    await expect(closeButton.isDisabled()).resolves.toBe(false);
    await closeButton.click();
    const closing = page.getByRole('dialog', { name: /as terminated/ });
    await closing.getByLabel('Closing note').fill('A smooth hand-over; Nora may come back.');
    await expectAction(page, 'close', () =>
      closing.getByRole('button', { name: 'Close as terminated' }).click(),
    );
    await page.getByRole('region', { name: 'Outcome' }).getByText('Terminated').waitFor();
    await expect(
      page.getByRole('heading', { level: 1 }).getByText('Terminated').isVisible(),
    ).resolves.toBe(true);
    await completeTask(
      page,
      'Stop backup jobs',
      'Backup jobs stopped; the data is kept 30 days per policy, then destroyed.',
    );
    await screenshot(page, 'journey-07-terminated');

    await page.getByRole('tab', { name: 'Timeline' }).click();
    const timeline = page.getByRole('tabpanel', { name: 'Timeline' });
    for (const event of [
      'opened the closeout',
      'decided: Accept the cancellation',
      'recorded the closeout meeting as held',
      'set the disposition of 2 tickets',
      "recorded the client's acceptance of responsibility",
      'moved the closeout on to 11b Service Deactivation',
      'closed the closeout as terminated',
      /Reasons: primary: — → Moving to another provider/,
    ]) {
      await timeline.getByText(event).first().waitFor();
    }
    await screenshot(page, 'journey-08-timeline');
    await page.context().close();
  });

  it('ends retained when the Service Improvement Program keeps the client', async () => {
    const page = await serviceManagerPage();
    const manager = server.userWithRole('service_manager');
    const client = await createClient(page, {
      name: 'Meadowbank Orthodontics',
      ticketPrefix: 'MBO',
      decisionMaker: 'Owen Achterberg',
    });
    await openCloseout(
      page,
      client,
      'Letter from Owen Achterberg: response times are too slow.',
      'journey-09-new-closeout',
    );

    const decision = section(page, 'Retention decision');
    await decision.getByRole('radio', { name: 'Attempt retention' }).check();
    await decision.getByLabel('Rationale').fill('A long-standing client; the issues are fixable.');
    await expectAction(page, 'decide-retention', () =>
      decision.getByRole('button', { name: 'Record the decision' }).click(),
    );

    const program = section(page, 'Service Improvement Program');
    const actions = [
      { description: 'Weekly service review with the practice manager', due: day(7) },
      { description: 'Dedicated technician for the practice', due: day(14) },
    ];
    for (const action of actions) {
      const form = program.getByRole('form', { name: 'New improvement action' });
      await form.getByLabel('New improvement action').fill(action.description);
      await form.getByRole('textbox', { name: 'Owner' }).click();
      await page.getByRole('option', { name: manager.name }).click();
      await form.getByLabel('Due').fill(action.due);
      await expectAction(page, 'sip-actions', () =>
        form.getByRole('button', { name: 'Add the action' }).click(),
      );
      await program.getByText(action.description).waitFor();
    }
    for (const action of actions) {
      // Ticked once the API has accepted it: the box shows the recorded state.
      await expectAction(page, /\/sip-actions\/[0-9a-f-]{36}$/, () =>
        program.getByRole('checkbox', { name: `${action.description}: done` }).click(),
      );
    }
    await program.getByText('2 of 2 actions done').waitFor();
    await screenshot(page, 'journey-10-sip');

    const conclude = program.getByRole('form', { name: 'Conclude the program' });
    await conclude.getByRole('radio', { name: 'Retained', exact: true }).check();
    await conclude.getByLabel('Note').fill('Owen confirmed the practice stays.');
    await expectAction(page, 'conclude-sip', () =>
      conclude.getByRole('button', { name: 'Conclude the program' }).click(),
    );
    await page.getByRole('region', { name: 'Outcome' }).getByText('Retained').first().waitFor();
    await expect(
      page.getByRole('heading', { level: 1 }).getByText('Retained').isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, 'journey-11-retained');
    await page.context().close();
  });
});
