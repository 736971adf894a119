import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import { CloseoutDriver } from '../../../test/support/closeout-api.js';
import { insertClient } from '../../../test/support/factories.js';
import type { TProcessDefinition } from '../../blueprint/schema.js';
import type { TProcessDraft, TProcessDraftReview } from './schema.js';

let testApp: TestApp;
let admin: Staff;
let manager: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await createStaff({ app: testApp.app, roles: ['admin'] });
  manager = await createStaff({ app: testApp.app, roles: ['service_manager'], orgId: admin.orgId });
});

afterAll(async () => {
  await testApp.close();
});

const request = (
  as: Staff,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
) =>
  testApp.app.inject({
    method,
    url: `/api/v1/process${url}`,
    headers: as.headers,
    ...(payload === undefined ? {} : { payload }),
  });

const draftOf = async (): Promise<TProcessDraft> => (await request(admin, 'GET', '/draft')).json();

const review = async (): Promise<TProcessDraftReview> => {
  const response = await request(admin, 'GET', '/draft/review');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const save = (definition: TProcessDefinition, baseVersion: number) =>
  request(admin, 'PUT', '/draft', { definition, baseVersion });

const optionalTask = (definition: TProcessDefinition) => ({
  key: 'send_farewell_gift',
  number: '90',
  stage: definition.stages.at(-2)?.key ?? '',
  lane: 'onstage' as const,
  name: 'Send a farewell gift',
  roles: ['account_manager'],
  systems: [],
  documents: [],
  due: { anchor: 'session' as const, offsetDays: 1, days: 'business' as const },
  required: false,
  entry: false,
  gate: false,
  evidenceRequired: false,
});

describe('editing and publishing the process', () => {
  it('starts a draft from the current version, and only administrators may edit it', async () => {
    const draft = await draftOf();
    expect(draft).toMatchObject({ baseVersion: 1, saved: false, updatedBy: null });
    expect((await request(manager, 'GET', '/draft')).statusCode).toBe(403);
    const refused = await request(manager, 'PUT', '/draft', {
      definition: draft.definition,
      baseVersion: 1,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('saves an unfinished draft and lists what keeps it from being published', async () => {
    const { definition } = await draftOf();
    const [firstTask] = definition.tasks;
    const unfinished = {
      ...definition,
      tasks: definition.tasks.map((task) =>
        task.key === firstTask?.key ? { ...task, roles: ['nobody'] } : task,
      ),
    };
    const saved = await save(unfinished, 1);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ saved: true, updatedBy: admin.name });
    expect((await draftOf()).definition.tasks[0]?.roles).toEqual(['nobody']);

    const unpublishable = await review();
    expect(unpublishable.publishable).toBe(false);
    expect(unpublishable.problems).toContainEqual({
      path: ['tasks', 0, 'roles'],
      message: 'unknown role "nobody"',
    });
    const refused = await request(admin, 'POST', '/draft/publish', { reviewedVersion: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'definition.tasks.0.roles' });
  });

  it('refuses a draft whose shape is wrong, naming the field', async () => {
    const { definition } = await draftOf();
    const response = await save({ ...definition, name: '' }, 1);
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('definition.name');
  });

  it('publishes the next version with its changes; open closeouts keep theirs', async () => {
    const client = await insertClient(testApp.db, admin.orgId, { name: 'Fabrikam' });
    const before = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: client.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date().toISOString().slice(0, 10),
      noticeEvidence: 'Email',
    });
    expect(before.closeout.definition.version).toBe(1);

    const current: TProcessDefinition = (
      await request(admin, 'GET', '/definitions/msp-11a/1')
    ).json();
    expect((await request(admin, 'DELETE', '/draft')).statusCode).toBe(204);
    const { definition } = await draftOf();
    const [renamed] = definition.tasks;
    const edited = {
      ...definition,
      tasks: [
        ...definition.tasks.map((task) =>
          task.key === renamed?.key ? { ...task, name: 'Log the notice in the PSA' } : task,
        ),
        optionalTask(current),
      ],
    };
    expect((await save(edited, 1)).statusCode).toBe(200);
    const reviewed = await review();
    expect(reviewed).toMatchObject({ publishable: true, problems: [], currentVersion: 1 });
    expect(
      reviewed.changes.map(({ collection, kind, key }) => `${collection} ${kind} ${key}`),
    ).toEqual([`tasks changed ${renamed?.key}`, 'tasks added send_farewell_gift']);

    const published = await request(admin, 'POST', '/draft/publish', { reviewedVersion: 1 });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ key: 'msp-11a', version: 2 });
    expect((await draftOf()).saved).toBe(false);

    const versions = (await request(manager, 'GET', '/definitions')).json();
    expect(versions.versions.map((version: { version: number }) => version.version)).toEqual([
      2, 1,
    ]);
    const changes = (await request(manager, 'GET', '/definitions/msp-11a/2/changes')).json();
    expect(changes.previousVersion).toBe(1);
    expect(changes.changes).toHaveLength(2);

    const reread = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/closeouts/${before.closeout.id}`,
      headers: manager.headers,
    });
    expect(reread.json().definition.version).toBe(1);
    const other = await insertClient(testApp.db, admin.orgId, { name: 'Tailspin' });
    const after = await CloseoutDriver.open(testApp.app, manager.headers, {
      clientId: other.id,
      trigger: 'client_notice',
      noticeReceivedOn: new Date().toISOString().slice(0, 10),
      noticeEvidence: 'Email',
    });
    expect(after.closeout.definition.version).toBe(2);
  });

  it('refuses to publish against a version that is no longer current', async () => {
    const { definition } = await draftOf();
    expect(definition.version).toBe(2);
    await save({ ...definition, description: `${definition.description} Revised.` }, 2);
    const stale = await request(admin, 'POST', '/draft/publish', { reviewedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ field: 'reviewedVersion' });
    await request(admin, 'DELETE', '/draft');
    expect((await draftOf()).saved).toBe(false);
  });

  it('refuses to publish a draft that changes nothing', async () => {
    const { definition } = await draftOf();
    await save(definition, 2);
    const response = await request(admin, 'POST', '/draft/publish', { reviewedVersion: 2 });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toContain('nothing to publish');
  });
});
