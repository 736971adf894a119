import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  expectAccessible,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
} from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * Every main screen of the staff app on the demo MSP: it renders its content (not an error),
 * has no serious or critical accessibility violation, and leaves a screenshot behind
 * (test-artifacts/screenshots) for people to look at.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;

type CloseoutSummary = { id: string; stage: string; status: string; client: { id: string } };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, server.url);
  await signIn(page, server.userWithRole('service_manager'));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openCloseouts(): Promise<CloseoutSummary[]> {
  const response = await page.request.get('/api/v1/closeouts?status=open&pageSize=200');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: CloseoutSummary[] }).items;
}

/**
 * A picture for the README (test-artifacts/screenshots/readme-*.png): the viewport at 1280
 * pixels, with `top` (text on the page) just under the header, small enough for the
 * documentation. A diagram on the screen is fitted to its new frame first.
 */
async function readmeShot(target: Page, name: string, top?: RegExp) {
  await target.setViewportSize({ width: 1280, height: 860 });
  const fit = target.getByRole('button', { name: 'Fit', exact: true });
  if ((await fit.count()) > 0) await fit.click();
  if (top === undefined) await target.evaluate(() => window.scrollTo(0, 0));
  else {
    await target
      .getByText(top)
      .first()
      .evaluate((element) => {
        window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 72);
      });
  }
  await target.waitForTimeout(200);
  await target.screenshot({ path: join(ARTIFACTS, `readme-${name}.png`) });
  await target.setViewportSize({ width: 1440, height: 960 });
}

/** Waits until the screen has settled: no loader left, the heading shown. */
async function settle(heading: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Loader-root').length === 0);
}

describe('the staff app, screen by screen', () => {
  it('sign-in', async () => {
    const signedOut = await newPage(browser, server.url);
    await signedOut.goto('/closeouts');
    await signedOut.waitForURL(/\/sign-in\?next=%2Fcloseouts/);
    await signedOut.getByRole('heading', { level: 1, name: 'Sign in to Closeout' }).waitFor();
    await screenshot(signedOut, '01-sign-in');
    await expectAccessible(signedOut, 'sign-in');
    await signedOut.context().close();
  });

  it('dashboard', async () => {
    await page.goto('/');
    await settle(/Welcome back/);
    await expect(page.getByText('Client retention rate').first().isVisible()).resolves.toBe(true);
    await screenshot(page, '02-dashboard');
    await expectAccessible(page, 'dashboard');
  });

  it('closeouts list', async () => {
    await page.goto('/closeouts');
    await settle('Closeouts');
    await page.getByRole('table').first().waitFor();
    await screenshot(page, '03-closeouts');
    await expectAccessible(page, 'closeouts list');
  });

  it('new closeout', async () => {
    await page.goto('/closeouts/new');
    await settle(/New closeout/i);
    await screenshot(page, '04-new-closeout');
    await expectAccessible(page, 'new closeout');
  });

  it('closeout page in every stage', async () => {
    const closeouts = await openCloseouts();
    const stages = [...new Set(closeouts.map((closeout) => closeout.stage))];
    expect(stages.length).toBeGreaterThanOrEqual(4);
    for (const stage of stages) {
      const closeout = closeouts.find((candidate) => candidate.stage === stage)!;
      await page.goto(`/closeouts/${closeout.id}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForFunction(
        () => document.querySelectorAll('.mantine-Loader-root').length === 0,
      );
      await screenshot(page, `05-closeout-${stage}`);
      await expectAccessible(page, `closeout page (${stage})`);
    }
  });

  it('clients and a client', async () => {
    await page.goto('/clients');
    await settle('Clients');
    await screenshot(page, '06-clients');
    await expectAccessible(page, 'clients');
    const [closeout] = await openCloseouts();
    await page.goto(`/clients/${closeout!.client.id}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await screenshot(page, '07-client');
    await expectAccessible(page, 'client');
  });

  it('process', async () => {
    await page.goto('/process');
    await settle(/Process/);
    await screenshot(page, '08-process');
    await expectAccessible(page, 'process');
  });

  it('process diagrams, reports and versions', async () => {
    for (const [view, name] of [
      ['diagrams', '08-process-diagrams'],
      ['diagrams&diagram=life-cycle', '08-process-life-cycle'],
      ['detail-report', '08-process-detail-report'],
      ['task-report', '08-process-task-report'],
      ['versions', '08-process-versions'],
    ] as const) {
      await page.goto(`/process?view=${view}`);
      await settle(/Process/);
      if (view.startsWith('diagrams'))
        await page.getByTestId('diagram-drawing').locator('svg').waitFor();
      else await page.getByRole('table').first().waitFor();
      await screenshot(page, name);
      await expectAccessible(page, `process (${view})`);
    }
    await page.goto('/process?view=diagrams');
    await settle(/Process/);
    await page.getByTestId('diagram-drawing').locator('svg').waitFor();
    await readmeShot(page, 'process-overview-diagram', /^The service blueprint of this version/);
  });

  it('process editor', async () => {
    const admin = await newPage(browser, server.url);
    await signIn(admin, server.userWithRole('admin'));
    for (const view of ['tasks', 'stages', 'roles', 'systems', 'documents', 'kpis']) {
      await admin.goto(`/process/edit?view=${view}`);
      await admin.getByRole('heading', { level: 1, name: 'Edit the process' }).waitFor();
      await admin.getByRole('tab', { name: /Review and publish/ }).waitFor();
      if (view === 'tasks') {
        await admin.locator('.mantine-Accordion-control').first().click();
        await admin.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
      }
      await screenshot(admin, `11-process-editor-${view}`);
      await expectAccessible(admin, `process editor (${view})`);
    }
    await admin.goto('/process/edit?view=review');
    await admin.getByRole('button', { name: /Publish version 2/ }).waitFor();
    await screenshot(admin, '11-process-editor-review');
    await expectAccessible(admin, 'process editor (review)');
    await admin.context().close();
  });

  it('closeout tabs, the deactivation session and the client portal card', async () => {
    const closeouts = await openCloseouts();
    const session = closeouts.find((closeout) => closeout.stage === 'deactivation_session')!;
    expect(session).toBeDefined();
    const open = async (search: string) => {
      await page.goto(`/closeouts/${session.id}${search}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.getByRole('heading', { name: 'Client portal' }).waitFor();
      await page.waitForFunction(
        () => document.querySelectorAll('.mantine-Loader-root').length === 0,
      );
    };

    await open('?tab=blueprint');
    await page.getByTestId('diagram-drawing').locator('svg g.task[data-state]').first().waitFor();
    await screenshot(page, '12-closeout-blueprint');
    await expectAccessible(page, 'closeout blueprint');
    await readmeShot(page, 'closeout-blueprint', /^Where this closeout stands/);

    await open('?tab=plan');
    await page.getByRole('figure', { name: /Plan chart of/ }).waitFor();
    await screenshot(page, '12-closeout-plan');
    await expectAccessible(page, 'closeout plan (chart)');
    await readmeShot(page, 'closeout-plan', /^Every task of/);

    await open('?tab=plan&planView=table');
    await page.getByRole('table').first().waitFor();
    await screenshot(page, '12-closeout-plan-table');
    await expectAccessible(page, 'closeout plan (table)');

    await open('?tab=documents');
    await page
      .getByRole('link', { name: /^Download .*, A4$/ })
      .first()
      .waitFor();
    await screenshot(page, '12-closeout-documents');
    await expectAccessible(page, 'closeout documents');
    await readmeShot(page, 'closeout-documents', /^Each document is filled in/);

    await open('?tab=tasks');
    await screenshot(page, '12-closeout-tasks');
    await expectAccessible(page, 'closeout tasks with evidence');

    await open('');
    await page
      .getByText(/Stored · issued/)
      .first()
      .waitFor();
    await page
      .getByRole('button', { name: /^Reveal the secret of/ })
      .first()
      .waitFor();
    await screenshot(page, '12-closeout-deactivation-session');
    await expectAccessible(page, 'deactivation session with the vault');
    await readmeShot(
      page,
      'deactivation-session-vault',
      /^The client confirms each credential in the client portal/,
    );
  });

  it('settings', async () => {
    for (const section of [
      'organisation',
      'users',
      'reasons',
      'names',
      'integrations',
      'import',
      'outbox',
    ]) {
      await page.goto(`/settings/${section}`);
      await settle(/Settings/);
      await screenshot(page, `09-settings-${section}`);
      await expectAccessible(page, `settings (${section})`);
    }
  });

  it('the outbox and a mail in it, as an administrator', async () => {
    const admin = await newPage(browser, server.url);
    await signIn(admin, server.userWithRole('admin'));
    await admin.goto('/settings/outbox');
    await admin.getByRole('table', { name: 'Mails' }).waitFor();
    await screenshot(admin, '09-settings-outbox-admin');
    await expectAccessible(admin, 'the outbox');
    await admin.getByRole('table', { name: 'Mails' }).locator('tbody tr button').first().click();
    await admin
      .getByRole('dialog')
      .getByTitle(/^Mail: /)
      .waitFor();
    await screenshot(admin, '09-settings-outbox-mail');
    await expectAccessible(admin, 'a mail of the outbox');
    await admin.context().close();
  });

  it('dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => localStorage.removeItem('closeout-color-scheme'));
    await page.goto('/');
    await settle(/Welcome back/);
    await expect(
      page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme')),
    ).resolves.toBe('dark');
    await screenshot(page, '10-dashboard-dark');
    await expectAccessible(page, 'dashboard in dark mode');
    await page.goto('/process?view=diagrams');
    await settle(/Process/);
    await page.getByTestId('diagram-drawing').locator('svg').waitFor();
    await screenshot(page, '10-process-diagrams-dark');
    await expectAccessible(page, 'process diagrams in dark mode');
    const [closeout] = await openCloseouts();
    await page.goto(`/closeouts/${closeout!.id}?tab=plan`);
    await page.getByRole('figure', { name: /Plan chart of/ }).waitFor();
    await screenshot(page, '10-closeout-plan-dark');
    await expectAccessible(page, 'closeout plan in dark mode');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('a deep link survives a reload and the back button', async () => {
    await page.goto('/closeouts?status=open');
    await settle('Closeouts');
    await page.reload();
    await settle('Closeouts');
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
    await page.goto('/process');
    await settle(/Process/);
    await page.goBack();
    await settle('Closeouts');
    expect(new URL(page.url()).pathname).toBe('/closeouts');
  });
});
