import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * The process drawn as diagrams on the Process page, a closeout's marked blueprint and its plan,
 * and the files they download, as a service manager of the demo MSP sees them.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;

type Definition = { stages: { key: string; code: string; name: string }[] };

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

/** What a download link of the page answers, fetched with the signed-in user's session. */
async function fetchLink(link: Locator) {
  const href = await link.getAttribute('href');
  expect(href).not.toBeNull();
  const response = await page.request.get(href!);
  expect(response.status(), href!).toBe(200);
  return { type: response.headers()['content-type'] ?? '', body: await response.body() };
}

const zoomShown = async () =>
  Number((await page.getByText(/^\d+%$/).textContent())?.replace('%', ''));

async function sessionCloseoutId(): Promise<string> {
  const response = await page.request.get('/api/v1/closeouts?status=open&pageSize=200');
  const { items } = (await response.json()) as { items: { id: string; stage: string }[] };
  const closeout = items.find((candidate) => candidate.stage === 'deactivation_session');
  expect(closeout).toBeDefined();
  return closeout!.id;
}

describe('the process diagrams', () => {
  it('draws the overview with every stage code in view, zooms, and downloads it as SVG', async () => {
    const definition = (await (
      await page.request.get('/api/v1/process/definition')
    ).json()) as Definition;
    await page.goto('/process?view=diagrams');
    const frame = page.getByRole('region', { name: /Drag or use the arrow keys to pan/ });
    const svg = page.getByTestId('diagram-drawing').locator('svg');
    await svg.waitFor();

    // At first the whole diagram fits the frame: every stage code is drawn inside it.
    const frameBox = (await frame.boundingBox())!;
    for (const stage of definition.stages) {
      const code = svg.locator('g.stage text', { hasText: stage.code }).first();
      const box = await code.boundingBox();
      expect(box, stage.code).not.toBeNull();
      expect(box!.width, stage.code).toBeGreaterThan(0);
      expect(box!.x, stage.code).toBeGreaterThanOrEqual(frameBox.x - 1);
      expect(box!.x + box!.width, stage.code).toBeLessThanOrEqual(frameBox.x + frameBox.width + 1);
      expect(box!.y, stage.code).toBeGreaterThanOrEqual(frameBox.y - 1);
      expect(box!.y + box!.height, stage.code).toBeLessThanOrEqual(
        frameBox.y + frameBox.height + 1,
      );
    }

    const fitted = await zoomShown();
    const fittedWidth = (await svg.boundingBox())!.width;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(zoomShown).toBeGreaterThan(fitted);
    expect((await svg.boundingBox())!.width).toBeGreaterThan(fittedWidth);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(zoomShown).toBeLessThan(fitted);
    expect((await svg.boundingBox())!.width).toBeLessThan(fittedWidth);
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect.poll(zoomShown).toBe(fitted);

    const download = await fetchLink(
      page.getByRole('link', { name: 'Download the Process overview as SVG' }),
    );
    expect(download.type).toMatch(/^image\/svg\+xml/);
    const markup = download.body.toString();
    expect(markup).toMatch(/^<\?xml|^<svg/);
    for (const stage of definition.stages) expect(markup).toContain(stage.code);
  });

  it('switches to the life cycle diagram', async () => {
    await page.getByText('Life cycle', { exact: true }).click();
    await page.waitForURL(/diagram=life-cycle/);
    await page.getByTestId('diagram-drawing').locator('svg').waitFor();
    const download = await fetchLink(
      page.getByRole('link', { name: 'Download the Life cycle diagram as SVG' }),
    );
    expect(download.type).toMatch(/^image\/svg\+xml/);
  });
});

describe('a closeout’s blueprint and plan', () => {
  let closeoutId: string;

  beforeAll(async () => {
    closeoutId = await sessionCloseoutId();
  });

  it('marks the blueprint with where the closeout stands, and a task opens its stage', async () => {
    await page.goto(`/closeouts/${closeoutId}?tab=blueprint`);
    const drawing = page.getByTestId('diagram-drawing');
    await drawing.locator('svg').waitFor();
    const states = await drawing
      .locator('g.task[data-state]')
      .evaluateAll((tasks) => tasks.map((task) => task.getAttribute('data-state')));
    // A closeout in its deactivation session has finished work behind it and work ahead.
    expect(states).toContain('done');
    expect(states.length).toBeGreaterThan(5);
    await expect(drawing.textContent()).resolves.toContain('CURRENT STAGE');

    // The tasks are buttons named by their title.
    const task = page.getByRole('button', { name: /^2\. / });
    await expect(task.getAttribute('aria-description')).resolves.toMatch(
      /Open the stage of task\.$/,
    );
    await task.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.has('stage'));
    expect(new URL(page.url()).searchParams.get('tab')).toBeNull();

    await page.goto(`/closeouts/${closeoutId}?tab=blueprint`);
    const svg = await fetchLink(
      page.getByRole('link', { name: 'Download the closeout’s blueprint as SVG' }),
    );
    expect(svg.type).toMatch(/^image\/svg\+xml/);
    expect(svg.body.toString()).toContain('data-state="done"');
    await page.getByRole('button', { name: 'Download the closeout’s blueprint as PDF' }).click();
    const pdf = await fetchLink(page.getByRole('menuitem', { name: 'PDF, A3' }));
    expect(pdf.type).toMatch(/^application\/pdf/);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the plan as a Gantt chart and exports it as CSV', async () => {
    await page.goto(`/closeouts/${closeoutId}?tab=plan`);
    const chart = page.getByRole('figure', { name: /^Plan chart of CO-/ });
    await chart.waitFor();
    const label = (await chart.getAttribute('aria-label'))!;
    const taskCount = Number(/: (\d+) tasks/.exec(label)?.[1]);
    expect(taskCount).toBeGreaterThan(10);
    await chart.getByText('Today', { exact: true }).waitFor();

    const csv = await fetchLink(page.getByRole('link', { name: 'Export CSV' }));
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = csv.body.toString().trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(taskCount);
    const ics = await fetchLink(page.getByRole('link', { name: 'Add to calendar (.ics)' }));
    expect(ics.type).toMatch(/^text\/calendar/);
    expect(ics.body.toString()).toContain('BEGIN:VCALENDAR');

    await page.getByText('Table', { exact: true }).click();
    await page.waitForURL(/planView=table/);
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    await expect(page.getByRole('table').locator('tbody tr').count()).resolves.toBeGreaterThan(10);
  });
});
