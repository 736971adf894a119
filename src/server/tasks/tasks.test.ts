import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import { CloseoutDriver } from '../../../test/support/closeout-api.js';
import { insertClient } from '../../../test/support/factories.js';
import type { TCloseoutDetail } from '../closeouts/schema.js';
import type { TTaskPage } from './schema.js';

let testApp: TestApp;
let manager: Staff;
let technician: Staff;
let recent: CloseoutDriver;
let old: CloseoutDriver;
let oldClientName: string;

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function openCloseout(noticeReceivedOn: string, clientName: string) {
  const client = await insertClient(testApp.db, manager.orgId, { name: clientName });
  return CloseoutDriver.open(testApp.app, manager.headers, {
    clientId: client.id,
    trigger: 'client_notice',
    noticeReceivedOn,
    noticeEvidence: 'Email to the service desk',
  });
}

beforeAll(async () => {
  testApp = await createTestApp();
  manager = await createStaff({ app: testApp.app, roles: ['service_manager'] });
  technician = await createStaff({ app: testApp.app, orgId: manager.orgId, roles: ['technician'] });
  oldClientName = 'Lucerne Publishing';
  old = await openCloseout(daysAgo(30), oldClientName);
  recent = await openCloseout(today(), 'Wide World Importers');
  // A closeout in another organisation, whose tasks must never show.
  const stranger = await createStaff({ app: testApp.app, roles: ['service_manager'] });
  const foreignClient = await insertClient(testApp.db, stranger.orgId);
  await CloseoutDriver.open(testApp.app, stranger.headers, {
    clientId: foreignClient.id,
    trigger: 'client_notice',
    noticeReceivedOn: daysAgo(30),
    noticeEvidence: 'Elsewhere',
  });
});

afterAll(async () => {
  await testApp.close();
});

async function listTasks(query: string, as: Staff = manager): Promise<TTaskPage> {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/v1/tasks${query}`,
    headers: as.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const openTasksOf = (closeout: TCloseoutDetail) =>
  closeout.tasks.filter((task) => task.status === 'open');

describe('GET /api/v1/tasks', () => {
  it('lists the open tasks of every closeout of the organisation, soonest due first', async () => {
    const page = await listTasks('?pageSize=200');
    const expected = [...openTasksOf(old.closeout), ...openTasksOf(recent.closeout)];
    expect(page.total).toBe(expected.length);
    expect(page.items.map((task) => task.id).sort()).toEqual(
      expected.map((task) => task.id).sort(),
    );
    const dueDays = page.items.map((task) => task.dueOn ?? '9999-12-31');
    expect(dueDays).toEqual([...dueDays].sort());
    const first = page.items[0]!;
    expect(first.closeout).toEqual({
      id: old.closeout.id,
      reference: old.closeout.reference,
      stage: 'retention_assessment',
      status: 'open',
      version: old.closeout.version,
    });
    expect(first.client.name).toBe(oldClientName);
  });

  it('shows the overdue tasks: open and past their due day', async () => {
    const overdue = openTasksOf(old.closeout).filter((task) => task.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    const page = await listTasks('?due=overdue&pageSize=200');
    expect(page.items.map((task) => task.id).sort()).toEqual(overdue.map((task) => task.id).sort());
    expect(page.items.every((task) => task.overdue && task.dueOn! < today())).toBe(true);
    expect(page.items.every((task) => task.closeout.id === old.closeout.id)).toBe(true);
  });

  it('shows my tasks once one is assigned to me, and the unassigned ones apart', async () => {
    expect((await listTasks('?assignee=me', technician)).total).toBe(0);
    const task = openTasksOf(old.closeout).find((candidate) => candidate.overdue)!;
    await old.act(manager.headers, `tasks/${task.id}/assign`, {
      assigneeUserId: technician.userId,
    });

    const mine = await listTasks('?assignee=me', technician);
    expect(mine.items.map((item) => [item.id, item.assigneeUserId, item.overdue])).toEqual([
      [task.id, technician.userId, true],
    ]);
    expect(mine.items[0]!.closeout.version).toBe(old.closeout.version);
    expect((await listTasks(`?assignee=${technician.userId}`)).total).toBe(1);
    expect((await listTasks('?assignee=me')).total).toBe(0);
    expect((await listTasks('?assignee=me&due=overdue', technician)).total).toBe(1);

    const unassigned = await listTasks('?assignee=unassigned&pageSize=200');
    expect(unassigned.items.some((item) => item.id === task.id)).toBe(false);
    expect(unassigned.total).toBe((await listTasks('?pageSize=200')).total - 1);
  });

  it('filters by closeout, role, status and due window', async () => {
    const ofRecent = await listTasks(`?closeoutId=${recent.closeout.id}&pageSize=200`);
    expect(ofRecent.total).toBe(openTasksOf(recent.closeout).length);

    const accountManagerTasks = await listTasks('?role=account_manager&pageSize=200');
    expect(accountManagerTasks.total).toBeGreaterThan(0);
    expect(accountManagerTasks.items.every((task) => task.roles.includes('account_manager'))).toBe(
      true,
    );

    const done = await listTasks('?status=done&pageSize=200');
    const expectedDone = [...old.closeout.tasks, ...recent.closeout.tasks].filter(
      (task) => task.status === 'done',
    );
    expect(done.total).toBe(expectedDone.length);
    expect(done.items.every((task) => task.status === 'done' && !task.overdue)).toBe(true);

    const week = await listTasks('?due=week&pageSize=200');
    const weekEnd = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    const expectedWeek = openTasksOf(recent.closeout).filter(
      (task) => task.dueOn !== null && task.dueOn >= today() && task.dueOn <= weekEnd,
    );
    expect(week.items.map((task) => task.id).sort()).toEqual(
      expectedWeek.map((task) => task.id).sort(),
    );
  });

  it('pages and refuses bad filters, naming them', async () => {
    const page = await listTasks('?page=2&pageSize=1');
    expect(page.items).toHaveLength(1);
    expect(page).toMatchObject({ page: 2, pageSize: 1 });
    for (const [query, field] of [
      ['?assignee=someone', 'assignee'],
      ['?due=tomorrow', 'due'],
      ['?status=closed', 'status'],
      ['?pageSize=201', 'pageSize'],
    ]) {
      const response = await testApp.app.inject({
        method: 'GET',
        url: `/api/v1/tasks${query}`,
        headers: manager.headers,
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().field, query).toBe(field);
    }
  });
});
