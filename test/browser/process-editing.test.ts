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
 * An administrator edits the process as a draft and publishes it as version 2: the Process page
 * then shows version 2 and what it changed, while a closeout opened before keeps version 1 and
 * still makes its documents.
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

const ADDED_TASK = 'Call the client’s insurer about the cover ending';

describe('editing the process', () => {
  let openedBefore: { id: string; definition: { version: number } };
  let renamedFrom: string;
  let renamedTo: string;

  it('an open closeout follows version 1 of the process', async () => {
    const response = await page.request.get('/api/v1/closeouts?status=open&pageSize=200');
    expect(response.ok()).toBe(true);
    const closeouts = ((await response.json()) as { items: { id: string; stage: string }[] }).items;
    // Far along, so that its documents can be made.
    const closeout = closeouts.find((candidate) => candidate.stage === 'deactivation_session');
    const detail = await page.request.get(`/api/v1/closeouts/${closeout!.id}`);
    openedBefore = (await detail.json()) as typeof openedBefore;
    expect(openedBefore.definition.version).toBe(1);
  });

  it('renames a task and adds an optional one in the draft', async () => {
    await page.goto('/process');
    await page.getByRole('link', { name: 'Edit the process' }).click();
    await page.waitForURL(/\/process\/edit/);
    await page.getByRole('heading', { level: 1, name: 'Edit the process' }).waitFor();

    const firstTask = page.locator('.mantine-Accordion-control').first();
    await firstTask.click();
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    renamedFrom = await name.inputValue();
    renamedTo = `${renamedFrom} (and log it in the PSA)`;
    await name.fill(renamedTo);
    await expect(firstTask.textContent()).resolves.toContain(renamedTo);

    await page.getByRole('textbox', { name: 'Name of the new optional task' }).fill(ADDED_TASK);
    await page.getByRole('button', { name: 'Add optional task' }).click();
    await page.locator('.mantine-Accordion-control', { hasText: ADDED_TASK }).waitFor();
    // The new task opens for its details, marked optional.
    await expect(
      page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(),
    ).resolves.toBe(ADDED_TASK);
    await page.getByText('Optional', { exact: true }).first().waitFor();
    await page.getByText(/^Draft saved/).waitFor();
  });

  it('reviews the draft: the rename and the addition, ready to publish', async () => {
    await page.getByRole('tab', { name: 'Review and publish' }).click();
    await page.getByText('Ready to publish').waitFor();
    await page.getByRole('heading', { name: 'Changes against version 1' }).waitFor();

    const renamed = page
      .locator('.mantine-Paper-root', { hasText: renamedTo })
      .filter({ has: page.getByText('changed', { exact: true }) })
      .first();
    await expect(renamed.textContent()).resolves.toContain(`Name: ${renamedFrom} → ${renamedTo}`);
    const added = page
      .locator('.mantine-Paper-root', { hasText: ADDED_TASK })
      .filter({ has: page.getByText('added', { exact: true }) });
    await added.waitFor();

    await screenshot(page, 'process-editing-review');
    await expectAccessible(page, 'the review of the draft');
    // The README's picture of the review: the top of the page, 1280 pixels wide.
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.screenshot({
      path: join(ARTIFACTS, 'readme-process-editor-review.png'),
      clip: { x: 0, y: 0, width: 1280, height: 680 },
    });
    await page.setViewportSize({ width: 1440, height: 960 });
  });

  it('publishes version 2, which the Process page shows as current', async () => {
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish version 2?' });
    await dialog.getByText(/2 changes become version 2/).waitFor();
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();

    await page.waitForURL((url) => url.pathname === '/process');
    await page.getByText('Version 2 is published: new closeouts open with it.').waitFor();
    const overview = page.locator('.mantine-Paper-root').filter({
      has: page.getByRole('heading', { level: 2 }),
    });
    await overview.first().getByText('Version 2', { exact: true }).waitFor();
    await overview.first().getByText('Current', { exact: true }).waitFor();
    await expect(page.locator('input[aria-label="Process version"]').inputValue()).resolves.toBe(
      'Version 2 (current)',
    );

    await page.getByRole('tab', { name: /Versions/ }).click();
    await page.getByRole('heading', { name: 'What version 2 changed from version 1' }).waitFor();
    await page.getByText(renamedTo).first().waitFor();
    await page.getByText(ADDED_TASK).first().waitFor();
    await screenshot(page, 'process-editing-versions');
    await expectAccessible(page, 'the versions after publishing');

    await page.getByRole('tab', { name: /Stages and tasks/ }).click();
    await page.getByText(ADDED_TASK).first().waitFor();
  });

  it('leaves a closeout opened before on version 1, whose documents still download', async () => {
    await page.goto(`/closeouts/${openedBefore.id}?tab=documents`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const processFact = page
      .locator('.mantine-Stack-root')
      .filter({ has: page.getByText('Process', { exact: true }) })
      .filter({ hasText: /v\d+$/ })
      .last();
    await expect(processFact.textContent()).resolves.toMatch(/v1$/);
    // Its stages still name the task as version 1 did.
    const definition = await page.request.get('/api/v1/process/definitions/msp-11a/1');
    expect(JSON.stringify(await definition.json())).not.toContain(ADDED_TASK);

    const download = page.getByRole('link', { name: /^Download .*, A4$/ }).first();
    await download.waitFor();
    const href = await download.getAttribute('href');
    expect(href).toMatch(/\.pdf|paper=a4/);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
