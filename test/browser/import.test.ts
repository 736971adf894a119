import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage, screenshot, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * A CSV import from the browser, as an administrator does it: choose the file, check the
 * columns, start, watch it run in the background, and download the report of the refused row.
 * The server's own job runner does the work, as in production.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, server.url);
  await signIn(page, server.userWithRole('admin'));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CLIENTS_CSV = [
  'external_id,name,client_since,industry',
  'BR-1,Harbour Physio,2020-05-01,Healthcare',
  'BR-2,,2021-01-01,Legal',
  'BR-3,Quayside Architects,2018-09-14,Architecture',
].join('\n');

describe('importing clients from a CSV file', () => {
  it('imports the good rows, reports the bad one, and lets the report be downloaded', async () => {
    await page.goto('/settings/import');
    await page.getByRole('heading', { level: 1, name: /Settings/ }).waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'harbour-clients.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CLIENTS_CSV),
    });

    await page.getByRole('table', { name: 'Column for each field' }).waitFor();
    await screenshot(page, '11-import-mapping');
    await expectAccessible(page, 'import: check the columns');
    await page.getByRole('button', { name: 'Start the import' }).click();

    await page.getByRole('button', { name: 'Import another file' }).waitFor({ timeout: 30_000 });
    await screenshot(page, '12-import-done');
    const summary = page
      .getByText(/Created/)
      .first()
      .locator('..');
    await expect.poll(() => summary.textContent()).toContain('2');
    const report = page.getByRole('link', { name: 'Download error report' });
    const href = await report.getAttribute('href');
    expect(href).not.toBeNull();
    const errors = await page.request.get(href!);
    expect(errors.ok()).toBe(true);
    const text = await errors.text();
    expect(text.split('\n')[0]).toMatch(/line/i);
    expect(text).toMatch(/^3,/m);

    const clients = await page.request.get('/api/v1/clients?q=Harbour%20Physio');
    expect(((await clients.json()) as { total: number }).total).toBe(1);
  });
});
