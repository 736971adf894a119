import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPersonalisation } from '../../src/blueprint/personalise.js';
import { mails, organisations } from '../../src/db/schema.js';
import { LOGO_MARKER } from '../../src/integrations/email/logo.js';
import { sendDueTaskDigests } from '../../src/notifications/task-digest.js';
import { createStaff, createTestApp, type Staff, type TestApp } from '../support/app.js';
import { CloseoutDriver, driveThroughMeeting } from '../support/closeout-api.js';
import { insertAgreement, insertClient, insertManagedSystem } from '../support/factories.js';
import { pdfFlatText, pdfImages, popplerMissing, solidPngDataUrl } from '../support/poppler.js';

/**
 * One organisation renames a role and a system and sets its logo: every output Closeout makes
 * from the process — diagrams, reports, the project plan, the closeout's documents and its
 * mails — must speak its words and carry its logo.
 */

const ROLE = 'Delivery Chief';
const SYSTEM = 'HaloPSA Cloud';
const COLOUR = '#0b7a4b';

let testApp: TestApp;
let manager: Staff;
let accountManager: Staff;
let closeoutId: string;

beforeAll(async () => {
  testApp = await createTestApp();
  manager = await createStaff({ app: testApp.app, roles: ['service_manager'], name: 'Sam Chief' });
  accountManager = await createStaff({
    app: testApp.app,
    orgId: manager.orgId,
    roles: ['account_manager'],
  });
  await testApp.db
    .update(organisations)
    .set({
      personalisation: {
        ...defaultPersonalisation('Northwind IT'),
        logo: solidPngDataUrl(40, 20, [200, 30, 30]),
        primaryColor: COLOUR,
        roleNames: { service_manager: ROLE },
        systemNames: { psa: SYSTEM },
      },
    })
    .where(eq(organisations.id, manager.orgId));
  const client = await insertClient(testApp.db, manager.orgId, { name: 'Fabrikam' });
  await insertAgreement(testApp.db, manager.orgId, client.id);
  await insertManagedSystem(testApp.db, manager.orgId, client.id);
  const driver = await CloseoutDriver.open(testApp.app, manager.headers, {
    clientId: client.id,
    trigger: 'client_notice',
    noticeReceivedOn: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10),
    noticeEvidence: 'Email from the client',
  });
  await driveThroughMeeting(driver, { manager, accountManager });
  await driver.act(manager.headers, 'handover-items/from-managed-systems');
  closeoutId = driver.closeout.id;
});

afterAll(async () => {
  await testApp.close();
});

const get = async (url: string) => {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/v1${url}`,
    headers: manager.headers,
  });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response;
};

const expectPdfInOurWords = async (url: string) => {
  const pdf = (await get(url)).rawPayload;
  if (popplerMissing !== null) return;
  expect(await pdfFlatText(pdf), url).toContain(ROLE);
  expect((await pdfImages(pdf)).length, `${url} carries the logo`).toBeGreaterThan(0);
};

describe('the organisation’s own words and logo', () => {
  it('are in the diagrams, as SVG and as PDF', async () => {
    for (const url of ['/process/diagrams/overview.svg', `/closeouts/${closeoutId}/diagram.svg`]) {
      const svg = (await get(url)).body;
      expect(svg, url).toContain(ROLE);
      expect(svg, url).toContain(SYSTEM);
      expect(svg, url).toContain('data:image/png;base64');
    }
    expect((await get('/process/diagrams/life-cycle.svg')).body).toContain('data:image/png;base64');
    await expectPdfInOurWords('/process/diagrams/overview.pdf');
  });

  it('are in the Detail Report and the Task Report', async () => {
    const detail = (await get('/process/reports/detail')).body;
    expect(detail).toContain(ROLE);
    expect(detail).toContain(SYSTEM);
    await expectPdfInOurWords('/process/reports/detail.pdf');
    await expectPdfInOurWords('/process/reports/task.pdf');
  });

  it('are in the closeout’s project plan and its documents', async () => {
    const csv = (await get(`/closeouts/${closeoutId}/plan.csv`)).body;
    expect(csv).toContain(ROLE);
    for (const document of ['meeting-agenda', 'session-agenda']) {
      await expectPdfInOurWords(`/closeouts/${closeoutId}/documents/${document}.pdf`);
    }
  });

  it('are in the mails: branded with the logo and colour, tasks for the renamed role', async () => {
    const invited = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/closeouts/${closeoutId}/portal-users`,
      headers: manager.headers,
      payload: { name: 'Dr Grace Hopper', email: 'grace@fabrikam.example' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const tomorrowMorning = new Date();
    tomorrowMorning.setUTCDate(tomorrowMorning.getUTCDate() + 1);
    tomorrowMorning.setUTCHours(8, 0, 0, 0);
    await sendDueTaskDigests({
      db: testApp.db,
      publicUrl: 'http://closeout.test',
      now: tomorrowMorning,
    });
    const queued = await testApp.db.select().from(mails).where(eq(mails.orgId, manager.orgId));
    const kinds = new Set(queued.map((mail) => mail.kind));
    expect(kinds).toEqual(new Set(['portal_invitation', 'task_digest']));
    for (const mail of queued) {
      expect(mail.html, mail.subject).toContain(LOGO_MARKER);
      expect(mail.html.toLowerCase(), mail.subject).toContain(COLOUR);
    }
    const digest = queued.find(
      (mail) => mail.kind === 'task_digest' && mail.toAddress === manager.email,
    );
    expect(digest?.text).toContain(ROLE);
  });
});
