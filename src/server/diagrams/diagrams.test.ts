import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTeam,
  createTestApp,
  type Staff,
  type TestApp,
} from '../../../test/support/app.js';
import { type CloseoutDriver, openThroughMeeting } from '../../../test/support/closeout-api.js';
import { defaultTaskKey, expectEveryStageAndTask } from '../../../test/support/default-process.js';
import { insertAgreement, insertClient, insertTicket } from '../../../test/support/factories.js';
import {
  pdfFlatText,
  pdfImages,
  pdfInfo,
  popplerMissing,
  solidPngDataUrl,
} from '../../../test/support/poppler.js';
import { DEFAULT_DEFINITION } from '../../blueprint/default-definition.js';
import { defaultPersonalisation } from '../../blueprint/personalise.js';
import { organisations } from '../../db/schema.js';
import { escapeXml } from '../../documents/diagrams/svg.js';

/**
 * The diagrams through the API: the process overview and the life cycle as SVG and PDF in the
 * organisation's names and logo, and a closeout's blueprint marked with where it stands.
 */

const ORGANISATION = 'Harbour IT';
const LOGO = solidPngDataUrl(48, 16, [11, 122, 117]);

let testApp: TestApp;
let manager: Staff;
let accountManager: Staff;
let outsider: Staff;
let driver: CloseoutDriver;

const get = (url: string, headers: Record<string, string> = manager.headers) =>
  testApp.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

beforeAll(async () => {
  testApp = await createTestApp();
  ({ manager, accountManager } = await createTeam({
    app: testApp.app,
    roles: { manager: 'service_manager', accountManager: 'account_manager' },
  }));
  outsider = await createStaff({ app: testApp.app, roles: ['service_manager'] });
  await testApp.db
    .update(organisations)
    .set({
      name: ORGANISATION,
      personalisation: {
        ...defaultPersonalisation(ORGANISATION),
        logo: LOGO,
        primaryColor: '#0b7a75',
        roleNames: { technician: 'Field Engineer' },
        systemNames: { rmm: 'NinjaOne' },
      },
    })
    .where(eq(organisations.id, manager.orgId));

  const client = await insertClient(testApp.db, manager.orgId, {
    name: `Fabrikam Dental ${randomUUID().slice(0, 4)}`,
  });
  await insertAgreement(testApp.db, manager.orgId, client.id, {
    monthlyRecurringRevenue: 3200,
    noticePeriodDays: 30,
  });
  await insertTicket(testApp.db, manager.orgId, client.id, { openedAt: daysAgo(12) });
  driver = await openThroughMeeting(testApp.app, client.id, { manager, accountManager });
});

afterAll(async () => {
  await testApp.close();
});

describe('the process diagrams as SVG', () => {
  it('draws the overview with every task, lane and line in the organisation’s names', async () => {
    const response = await get('/process/diagrams/overview.svg');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'inline; filename="msp-11a-v1-process-overview.svg"',
    );
    const svg = response.body;
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const task of DEFAULT_DEFINITION.tasks) {
      expect(svg).toContain(`${task.number}. ${escapeXml(task.name)}`);
    }
    for (const label of [
      'Client actions',
      'Onstage',
      'Backstage',
      'Support systems',
      'Line of interaction',
      'Line of visibility',
      'Line of internal interaction',
    ]) {
      expect(svg).toContain(label);
    }
    expect(svg).toContain('Field Engineer');
    expect(svg).toContain('NinjaOne');
    expect(svg).toContain(`<image href="${LOGO}"`);
    expect(svg).toContain(ORGANISATION);
  });

  it('draws the life cycle with the closeout modules highlighted and the renamed role', async () => {
    const response = await get('/process/diagrams/life-cycle.svg');
    expect(response.statusCode, response.body).toBe(200);
    const svg = response.body;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('data-module="11a" data-state="covered"');
    expect(svg).toContain('data-module="11b" data-state="covered"');
    expect(svg).toContain('Field Engineer');
    expect(svg).toContain(`<image href="${LOGO}"`);
  });

  it('refuses a format, a paper or a version it does not have, naming it', async () => {
    const format = await get('/process/diagrams/overview.png');
    expect(format.statusCode).toBe(400);
    expect(format.json()).toMatchObject({ code: 'validation', field: 'format' });
    const paper = await get('/process/diagrams/overview.pdf?paper=a0');
    expect(paper.statusCode).toBe(400);
    expect(paper.json()).toMatchObject({ field: 'paper' });
    const version = await get('/process/diagrams/overview.svg?version=9');
    expect(version.statusCode).toBe(404);
    expect(version.json()).toMatchObject({ code: 'not_found' });
  });

  it('is for signed-in staff only', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/process/diagrams/overview.svg',
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('a closeout’s blueprint', () => {
  it('marks what is done, what is open and the current stage', async () => {
    const { closeout } = driver;
    expect(closeout.stage.code).toBe('11a.03');
    const response = await get(`/closeouts/${closeout.id}/diagram.svg`);
    expect(response.statusCode, response.body).toBe(200);
    const svg = response.body;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain(`Closeout ${closeout.reference}: ${escapeXml(closeout.client.name)}`);
    expect(svg).toContain('11a.03  ·  CURRENT STAGE');
    const stateOf = (number: string) =>
      new RegExp(
        `data-task="${defaultTaskKey(number)}" data-stage="[^"]+" data-state="([a-z]+)"`,
      ).exec(svg)?.[1];
    expect(stateOf('2')).toBe('done');
    expect(stateOf('13')).toBe('done');
    // The review of the open ticket is what keeps the closeout in its stage.
    expect(stateOf('18')).toBe('blocking');
    expect(stateOf('26')).toBeUndefined();
    expect(svg).toContain('Field Engineer');
  });

  it('is not found in another organisation', async () => {
    const response = await get(`/closeouts/${driver.closeout.id}/diagram.svg`, outsider.headers);
    expect(response.statusCode).toBe(404);
  });
});

describe.skipIf(popplerMissing)('the diagrams as PDF', () => {
  it('prints the overview on 11×17 with every sub-process and task, the logo and the names', async () => {
    const response = await get('/process/diagrams/overview.pdf?paper=tabloid');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="msp-11a-v1-process-overview-11x17.pdf"',
    );
    const pdf = response.rawPayload;
    expect(await pdfInfo(pdf)).toMatchObject({ pages: 1, width: 1224, height: 792 });
    const text = await pdfFlatText(pdf);
    expectEveryStageAndTask(text);
    expect(text).toContain('Field Engineer');
    expect(text).toContain('NinjaOne');
    expect(await pdfImages(pdf)).toContainEqual(expect.objectContaining({ width: 48, height: 16 }));
  });

  it('prints the life cycle and the closeout’s blueprint on A3', async () => {
    const lifeCycle = await get('/process/diagrams/life-cycle.pdf');
    expect(lifeCycle.statusCode, lifeCycle.body).toBe(200);
    expect(lifeCycle.headers['content-disposition']).toBe(
      'attachment; filename="harbour-it-life-cycle-a3.pdf"',
    );
    const lifeText = await pdfFlatText(lifeCycle.rawPayload);
    expect(lifeText).toContain('Client Service Closeout');
    expect(lifeText).toContain('Field Engineer');

    const { closeout } = driver;
    const blueprint = await get(`/closeouts/${closeout.id}/diagram.pdf`);
    expect(blueprint.statusCode, blueprint.body).toBe(200);
    expect(blueprint.headers['content-disposition']).toBe(
      `attachment; filename="closeout-${closeout.reference.toLowerCase()}-blueprint-a3.pdf"`,
    );
    const text = await pdfFlatText(blueprint.rawPayload);
    expect(text).toContain(`Closeout ${closeout.reference}`);
    expect(text).toContain('CURRENT STAGE');
    expect(text).toContain('Field Engineer');
  });
});
