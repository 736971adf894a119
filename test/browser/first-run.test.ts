import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * The set-up promise: on a new installation the server prints the first administrator's
 * sign-in; signing in with it leads through the set-up, and the organisation, the colour and the
 * administrator's own account are what was entered there.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ empty: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('signs the first administrator in and through the set-up to the dashboard', async () => {
  const printed = /Sign in as (\S+) with the password (\S+)/.exec(server.output());
  expect(printed, server.output()).not.toBeNull();
  const [, email, password] = printed!;

  const page = await newPage(browser, server.url);
  await signIn(page, { email: email!, password: password! });
  await page.waitForURL(/\/setup$/);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await screenshot(page, '00-first-run-setup');
  await expectAccessible(page, 'first-run set-up');

  await page.getByLabel('Organisation name').fill('Harbour IT Services');
  await page.getByRole('textbox', { name: 'Brand colour' }).fill('#0b7285');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Your name').fill('Hana Harbour');
  await page.getByLabel('Your email').fill('hana@harbour-it.example');
  await page.getByLabel('New password').fill('a long and memorable phrase');
  await page.getByRole('button', { name: 'Finish setup' }).click();
  await page.getByText('Harbour IT Services is ready').waitFor();
  await page.getByRole('button', { name: 'Go to the dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: /Welcome back, Hana/ }).waitFor();
  await expect(page.getByText('Harbour IT Services').first().isVisible()).resolves.toBe(true);

  // The printed password is spent; the administrator's own one works.
  await page.getByRole('button', { name: /account menu of Hana Harbour/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  const stale = await page.request.post('/api/v1/auth/sign-in', {
    data: { email: email!, password: password! },
  });
  expect(stale.status()).toBe(401);
  await signIn(page, { email: 'hana@harbour-it.example', password: 'a long and memorable phrase' });
  await page.getByRole('heading', { level: 1, name: /Welcome back, Hana/ }).waitFor();
});
