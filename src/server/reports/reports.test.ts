import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTeam,
  createTestApp,
  type Staff,
  type TestApp,
} from '../../../test/support/app.js';
import { CloseoutDriver } from '../../../test/support/closeout-api.js';
import { insertAgreement, insertClient } from '../../../test/support/factories.js';
import {
  pdfFlatText,
  pdfImages,
  pdfInfo,
  pdfPixels,
  pdfRawText,
  popplerMissing,
  solidPngDataUrl,
} from '../../../test/support/poppler.js';
import { DEFAULT_DEFINITION } from '../../blueprint/default-definition.js';
import { organisations, processDefinitions } from '../../db/schema.js';
import { PLAN_CSV_COLUMNS } from '../../documents/project-plan/csv.js';
import type { TCloseoutPlan, TDetailReport, TTaskReport } from './schema.js';

let testApp: TestApp;
let manager: Staff;
let technician: Staff;

const ORGANISATION = 'Harbour IT';
const TECHNICIAN = 'Field Engineer';
const PSA = 'HaloPSA';

beforeAll(async () => {
  testApp = await createTestApp();
  ({ manager, technician } = await createTeam({
    app: testApp.app,
    roles: { manager: 'service_manager', technician: 'technician' },
  }));
  await testApp.db
    .update(organisations)
    .set({
      personalisation: {
        organisationName: ORGANISATION,
        logo: solidPngDataUrl(40, 20, [200, 30, 30]),
        primaryColor: '#0b7285',
        roleNames: { technician: TECHNICIAN },
        systemNames: { psa: PSA },
      },
    })
    .where(eq(organisations.id, manager.orgId));
});

afterAll(async () => {
  await testApp.close();
});

const get = (url: string, as: Staff = technician) =>
  testApp.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as.headers });

const personalisedRoleName = (key: string) =>
  key === 'technician' ? TECHNICIAN : DEFAULT_DEFINITION.roles.find((r) => r.key === key)!.name;
const personalisedSystemName = (key: string) =>
  key === 'psa' ? PSA : DEFAULT_DEFINITION.systems.find((s) => s.key === key)!.name;

const taskKeysOf = (uses: TDetailReport['roles'][number]['uses']) =>
  uses.flatMap((use) => use.tasks.map((task) => task.key));

describe('the Detail Report', () => {
  it('lists every role, system, document and KPI with the tasks that use it, in the organisation’s names', async () => {
    const response = await get('/process/reports/detail');
    expect(response.statusCode, response.body).toBe(200);
    const report: TDetailReport = response.json();
    expect(report.process).toEqual({
      key: 'msp-11a',
      version: 1,
      name: DEFAULT_DEFINITION.name,
      organisationName: ORGANISATION,
    });

    expect(report.roles.map((role) => role.name)).toEqual(
      DEFAULT_DEFINITION.roles.map((role) => personalisedRoleName(role.key)),
    );
    for (const role of report.roles) {
      expect(taskKeysOf(role.uses), role.key).toEqual(
        DEFAULT_DEFINITION.tasks.filter((task) => task.roles.includes(role.key)).map((t) => t.key),
      );
    }
    expect(report.systems.map((system) => system.name)).toEqual(
      DEFAULT_DEFINITION.systems.map((system) => personalisedSystemName(system.key)),
    );
    for (const system of report.systems) {
      expect(taskKeysOf(system.uses), system.key).toEqual(
        DEFAULT_DEFINITION.tasks
          .filter((task) => task.systems.includes(system.key))
          .map((t) => t.key),
      );
    }
    expect(report.documents.map((document) => document.key)).toEqual(
      DEFAULT_DEFINITION.documents.map((document) => document.key),
    );
    for (const document of report.documents) {
      expect(taskKeysOf(document.uses), document.key).toEqual(
        DEFAULT_DEFINITION.tasks
          .filter((task) => task.documents.includes(document.key))
          .map((t) => t.key),
      );
    }
    expect(report.kpis.map((kpi) => kpi.key)).toEqual(DEFAULT_DEFINITION.kpis.map((k) => k.key));
    const retention = report.kpis.find((kpi) => kpi.key === 'client_retention_rate')!;
    expect(retention.formula).toMatch(/Provider-initiated closeouts are excluded/);
    expect(retention.uses.map((use) => use.stage.code)).toEqual(['11a.01']);
    expect(taskKeysOf(retention.uses)).toEqual(['t01', 't07', 't10']);

    // Grouped by sub-process in the process's order.
    const technicianUses = report.roles.find((role) => role.key === 'technician')!.uses;
    expect(technicianUses.map((use) => use.stage.code)).toEqual(['11a.03', '11a.04', '11b']);
  });
});

describe('the Task Report', () => {
  it('lists every task by sub-process with its roles, systems, documents and due rule in words', async () => {
    const response = await get('/process/reports/task');
    expect(response.statusCode, response.body).toBe(200);
    const report: TTaskReport = response.json();
    expect(report.process.version).toBe(1);
    expect(report.stages.map((stage) => stage.code)).toEqual([
      '11a.01',
      '11a.02',
      '11a.03',
      '11a.04',
      '11b',
    ]);
    const tasks = report.stages.flatMap((stage) => stage.tasks);
    expect(tasks.map((task) => task.key)).toEqual(DEFAULT_DEFINITION.tasks.map((t) => t.key));
    const pull = tasks.find((task) => task.key === 't20')!;
    expect(pull).toMatchObject({
      lane: 'backstage',
      roles: [{ key: 'technician', name: TECHNICIAN }],
      systems: [{ key: 'psa', name: PSA }],
      due: 'Same day as the termination date',
      gate: true,
    });
    expect(tasks.find((task) => task.key === 't08')?.appliesWhen).toBe(
      'Only when: Provider terminates',
    );
    expect(report.stages[2]?.due).toBe('10 calendar days before the termination date');
  });

  it('reads an earlier version, and names a version that is not there', async () => {
    const other = await createStaff({ app: testApp.app, roles: ['technician'] });
    await testApp.db.insert(processDefinitions).values({
      orgId: other.orgId,
      key: 'msp-11a',
      version: 2,
      definition: { ...DEFAULT_DEFINITION, version: 2, name: 'Closeout, revised' },
      publishedBy: 'Ada Admin',
    });
    const current: TTaskReport = (await get('/process/reports/task', other)).json();
    expect(current.process).toMatchObject({ version: 2, name: 'Closeout, revised' });
    const earlier: TTaskReport = (await get('/process/reports/task?version=1', other)).json();
    expect(earlier.process).toMatchObject({ version: 1, name: DEFAULT_DEFINITION.name });

    const missing = await get('/process/reports/detail?version=2');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Process definition msp-11a version 2 was not found.');
    const bad = await get('/process/reports/detail?version=latest');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('version');
    const paper = await get('/process/reports/task.pdf?paper=a3');
    expect(paper.statusCode).toBe(400);
    expect(paper.json().field).toBe('paper');
  });

  it('needs a signed-in caller', async () => {
    for (const url of ['/process/reports/detail', '/process/reports/task.pdf']) {
      const response = await testApp.app.inject({ method: 'GET', url: `/api/v1${url}` });
      expect(response.statusCode, url).toBe(401);
    }
  });
});

describe.skipIf(popplerMissing)('the reports as PDF', () => {
  it('prints the Detail Report with every role, system, document and KPI, the logo and the version', async () => {
    const response = await get('/process/reports/detail.pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="msp-11a-v1-detail-report.pdf"',
    );
    const pdf = response.rawPayload;
    const text = await pdfFlatText(pdf);
    expect(text).toContain(`Detail Report: ${DEFAULT_DEFINITION.name}`);
    expect(text).toContain(`${ORGANISATION} · process version 1`);
    expect(text).toContain('Process msp-11a v1');
    for (const role of DEFAULT_DEFINITION.roles)
      expect(text).toContain(personalisedRoleName(role.key));
    expect(text).not.toContain('Technician ');
    for (const system of DEFAULT_DEFINITION.systems) {
      expect(text).toContain(personalisedSystemName(system.key));
    }
    for (const document of DEFAULT_DEFINITION.documents) expect(text).toContain(document.name);
    for (const kpi of DEFAULT_DEFINITION.kpis) expect(text).toContain(kpi.name);
    expect(text).toContain('11a.03: tasks 20, 21');

    const images = await pdfImages(pdf);
    expect(images.length).toBeGreaterThan(0);
    expect(images[0]).toMatchObject({ page: 1, width: 40, height: 20 });
    // Rendered, the header's logo box at the top left is the logo's red.
    const logo = await pdfPixels(pdf, { x: 56, y: 26, width: 20, height: 10 });
    expect(logo.every(([red, green, blue]) => red > 150 && green < 90 && blue < 90)).toBe(true);
  });

  it('prints the Task Report on US Letter with every task by sub-process', async () => {
    const response = await get('/process/reports/task.pdf?paper=letter');
    expect(response.statusCode, response.body).toBe(200);
    const pdf = response.rawPayload;
    const info = await pdfInfo(pdf);
    expect(Math.round(info.width)).toBe(612);
    const text = await pdfFlatText(pdf);
    for (const stage of DEFAULT_DEFINITION.stages)
      expect(text).toContain(`${stage.code} ${stage.name}`);
    // In the order it was written, cell by cell; a cell wraps long words and pdftotext joins
    // hyphenated lines, so compare without white space and hyphens.
    const squashed = (value: string) => value.replace(/[\s-]/g, '');
    const cells = squashed(await pdfRawText(pdf));
    for (const task of DEFAULT_DEFINITION.tasks) {
      expect(cells, task.key).toContain(squashed(`${task.number} ${task.name}`));
    }
    expect(text).toContain(TECHNICIAN);
    expect(text).toContain(PSA);
    expect(text).toContain('5 business days after the notice');
    expect(text).toContain(`Page ${info.pages} of ${info.pages}`);
    expect(text).toContain('Process msp-11a v1');
    expect((await pdfImages(pdf)).filter((image) => image.page === info.pages)).not.toEqual([]);
  });
});

describe('the closeout’s plan', () => {
  async function openCloseout() {
    const client = await insertClient(testApp.db, manager.orgId, {
      name: `Fabrikam Dental ${randomUUID().slice(0, 4)}`,
    });
    await insertAgreement(testApp.db, manager.orgId, client.id, { noticePeriodDays: 30 });
    const driver = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      noticeEvidence: 'Email from the managing partner.',
    });
    await driver.act(manager.headers, `tasks/${driver.taskId('t05')}/assign`, {
      assigneeUserId: technician.userId,
    });
    return driver;
  }

  it('dates every task of every stage, projecting the stages not reached yet', async () => {
    const driver = await openCloseout();
    const response = await get(`/closeouts/${driver.closeout.id}/plan`);
    expect(response.statusCode, response.body).toBe(200);
    const plan: TCloseoutPlan = response.json();
    expect(plan.closeout).toMatchObject({
      reference: driver.closeout.reference,
      status: 'open',
    });
    expect(plan.process).toMatchObject({ version: 1, organisationName: ORGANISATION });
    const applicable = DEFAULT_DEFINITION.tasks.filter((task) => task.appliesWhen === undefined);
    expect(plan.tasks.map((task) => task.taskKey)).toEqual(applicable.map((task) => task.key));
    const undated = DEFAULT_DEFINITION.tasks.filter((task) => task.due === null && !task.entry);
    expect(plan.tasks.filter((task) => task.date === null).map((task) => task.taskKey)).toEqual(
      undated.filter((task) => task.appliesWhen === undefined).map((task) => task.key),
    );
    expect(plan.tasks.find((task) => task.taskKey === 't05')).toMatchObject({
      status: 'open',
      dateKind: 'due',
      assignee: { id: technician.userId, name: 'Tom Technician' },
    });
    expect(plan.tasks.find((task) => task.taskKey === 't30')).toMatchObject({
      status: 'planned',
      dateKind: 'projected',
      roles: [{ key: 'technician', name: TECHNICIAN }],
      systems: [{ key: 'rmm', name: 'RMM' }],
    });
    expect(plan.tasks.find((task) => task.taskKey === 't03')?.systems).toEqual([
      { key: 'closeout', name: 'Closeout' },
      { key: 'psa', name: PSA },
    ]);
    expect(plan.anchors.find((anchor) => anchor.anchor === 'termination')).toMatchObject({
      date: driver.closeout.earliestTerminationDate,
      kind: 'projected',
    });
  });

  it('exports the plan as CSV with every task and its date', async () => {
    const driver = await openCloseout();
    const plan: TCloseoutPlan = (await get(`/closeouts/${driver.closeout.id}/plan`)).json();
    const response = await get(`/closeouts/${driver.closeout.id}/plan.csv`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${driver.closeout.reference}-plan.csv"`,
    );
    const rows: Record<string, string>[] = parse(response.body, { columns: true, bom: true });
    expect(Object.keys(rows[0]!)).toEqual([...PLAN_CSV_COLUMNS]);
    expect(rows.map((row) => [row['Task number'], row.Task, row.Date])).toEqual(
      plan.tasks.map((task) => [task.number ?? '', task.name, task.date ?? '']),
    );
    expect(rows.every((row) => row.Process === `${DEFAULT_DEFINITION.name}, version 1`)).toBe(true);
    const removeAgents = rows.find((row) => row['Task number'] === '30')!;
    expect(removeAgents).toMatchObject({
      Roles: TECHNICIAN,
      Systems: 'RMM',
      Status: 'Planned',
      'Date basis': 'Projected',
      'Sub-process': '11b Service Deactivation',
    });
    expect(rows.find((row) => row['Task number'] === '5')).toMatchObject({
      Assignee: 'Tom Technician',
      Systems: `${PSA}; RMM`,
    });
  });

  it('exports the plan as a calendar of all-day events with stable UIDs', async () => {
    const driver = await openCloseout();
    const plan: TCloseoutPlan = (await get(`/closeouts/${driver.closeout.id}/plan`)).json();
    const response = await get(`/closeouts/${driver.closeout.id}/plan.ics`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = new ICAL.Component(ICAL.parse(response.body))
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    const dated = plan.tasks.filter((task) => task.date !== null);
    expect(events).toHaveLength(dated.length);
    for (const [index, task] of dated.entries()) {
      const event = events[index]!;
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(task.date);
      expect(event.summary).toBe(
        `${driver.closeout.reference}: Task ${task.number}: ${task.name}${task.status === 'done' ? ' (done)' : ''}`,
      );
      expect(event.uid).toBe(`${driver.closeout.id}.${task.taskKey}@localhost`);
    }
    const removeAgents = events.find((event) => event.summary.includes('Task 30:'))!;
    expect(removeAgents.description).toContain(`Roles: ${TECHNICIAN}`);
    const pull = events.find((event) => event.summary.includes('Task 5:'))!;
    expect(pull.description).toContain(`Systems: ${PSA}, RMM`);
    expect(removeAgents.component.getFirstPropertyValue('status')).toBe('TENTATIVE');

    const again = await get(`/closeouts/${driver.closeout.id}/plan.ics`);
    const uids = (body: string) =>
      new ICAL.Component(ICAL.parse(body))
        .getAllSubcomponents('vevent')
        .map((component) => component.getFirstPropertyValue('uid'));
    expect(uids(again.body)).toEqual(uids(response.body));
  });

  it('answers 404 for a closeout of another organisation and 400 for a malformed id', async () => {
    const driver = await openCloseout();
    const outsider = await createStaff({ app: testApp.app, roles: ['service_manager'] });
    for (const suffix of ['plan', 'plan.csv', 'plan.ics']) {
      const response = await get(`/closeouts/${driver.closeout.id}/${suffix}`, outsider);
      expect(response.statusCode, suffix).toBe(404);
    }
    const bad = await get('/closeouts/not-a-closeout/plan');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('closeoutId');
  });
});
