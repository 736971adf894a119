import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.js';
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

  it('settings', async () => {
    for (const section of ['organisation', 'users', 'reasons', 'names', 'integrations', 'import']) {
      await page.goto(`/settings/${section}`);
      await settle(/Settings/);
      await screenshot(page, `09-settings-${section}`);
      await expectAccessible(page, `settings (${section})`);
    }
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
