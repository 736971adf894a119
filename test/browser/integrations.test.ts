import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeVendorServer,
  startFakeVendorServer,
  vendorFixture,
} from '../support/fake-vendor-server.js';
import { expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * An administrator connects the MSP's ConnectWise PSA from Settings → Integrations and tests
 * the connection; the server calls a local stand-in that answers like ConnectWise.
 */

let server: RunningServer;
let connectwise: FakeVendorServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  connectwise = await startFakeVendorServer(async (request) =>
    request.path === '/v4_6_release/apis/3.0/system/info'
      ? { json: await vendorFixture('connectwise', 'system-info') }
      : { status: 404, json: { code: 'NotFound', message: 'Not here' } },
  );
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, server.url);
  await signIn(page, server.userWithRole('admin'));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await connectwise?.close();
});

describe('connecting a PSA', () => {
  it('connects ConnectWise PSA from its own form and tests the connection', async () => {
    await page.goto('/settings/integrations');
    await page.getByRole('button', { name: 'Connect a PSA' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect a PSA' });
    await dialog.getByLabel(/^Site URL/).fill(connectwise.url);
    await dialog.getByLabel(/^Company ID/).fill('northwind');
    await dialog.getByLabel(/^Public key/).fill('Qx7pUbL1cKey');
    await dialog.getByLabel(/^Private key/).fill('Zr9pr1vateS3cret');
    await dialog.getByLabel(/^Client ID/).fill('3f0b5e2c-8a41-4d7e-9b6f-2c1d0e9a7b55');
    await expectAccessible(page, 'connect a PSA');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Test connection' }).click();
    await page
      .getByText(/Connected to ConnectWise/)
      .first()
      .waitFor();
    const signed = connectwise.requests.at(-1)!;
    expect(signed.headers.authorization).toMatch(/^Basic /);
    expect(await page.content()).not.toContain('Zr9pr1vateS3cret');
    await screenshot(page, '13-integrations-connected');
    await expectAccessible(page, 'integrations with a connection');
  });
});
