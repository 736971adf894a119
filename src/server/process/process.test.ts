import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import { DEFAULT_DEFINITION } from '../../blueprint/default-definition.js';
import type { TProcessDefinition } from '../../blueprint/schema.js';
import { organisations, processDefinitions } from '../../db/schema.js';

let testApp: TestApp;
let technician: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  technician = await createStaff({ app: testApp.app, roles: ['technician'] });
  const [organisation] = await testApp.db
    .select({ personalisation: organisations.personalisation })
    .from(organisations)
    .where(eq(organisations.id, technician.orgId));
  await testApp.db
    .update(organisations)
    .set({
      personalisation: {
        ...organisation!.personalisation,
        roleNames: { technician: 'Field Engineer', no_such_role: 'Ignored' },
        systemNames: { psa: 'HaloPSA' },
      },
    })
    .where(eq(organisations.id, technician.orgId));
});

afterAll(async () => {
  await testApp.close();
});

const get = (url: string, as: Staff = technician) =>
  testApp.app.inject({ method: 'GET', url: `/api/v1/process${url}`, headers: as.headers });

const roleName = (definition: TProcessDefinition, key: string) =>
  definition.roles.find((role) => role.key === key)?.name;

describe('the process definition', () => {
  it('serves the built-in definition in the organisation’s own names', async () => {
    const response = await get('/definition');
    expect(response.statusCode, response.body).toBe(200);
    const definition: TProcessDefinition = response.json();
    expect(definition).toMatchObject({ key: 'msp-11a', version: 1 });
    expect(definition.stages.map((stage) => stage.code)).toEqual([
      '11a.01',
      '11a.02',
      '11a.03',
      '11a.04',
      '11b',
    ]);
    expect(definition.tasks).toHaveLength(DEFAULT_DEFINITION.tasks.length);
    expect(roleName(definition, 'technician')).toBe('Field Engineer');
    expect(roleName(definition, 'service_manager')).toBe(
      roleName(DEFAULT_DEFINITION, 'service_manager'),
    );
    expect(definition.systems.find((system) => system.key === 'psa')?.name).toBe('HaloPSA');
  });

  it('lists the versions, marking the current one, and serves a pinned one', async () => {
    const orgId = technician.orgId;
    const before = await get('/definitions');
    expect(before.json()).toEqual({
      versions: [
        {
          key: 'msp-11a',
          version: 1,
          name: DEFAULT_DEFINITION.name,
          publishedAt: null,
          publishedBy: 'Closeout (built-in default)',
          current: true,
        },
      ],
    });

    await testApp.db.insert(processDefinitions).values({
      orgId,
      key: 'msp-11a',
      version: 2,
      definition: { ...DEFAULT_DEFINITION, version: 2, name: 'Client Service Closeout, 2026' },
      publishedBy: 'Ada Admin',
    });
    const after = (await get('/definitions')).json();
    expect(
      after.versions.map((version: { version: number; current: boolean; publishedBy: string }) => [
        version.version,
        version.current,
        version.publishedBy,
      ]),
    ).toEqual([
      [2, true, 'Ada Admin'],
      [1, false, 'Closeout (built-in default)'],
    ]);

    const current = (await get('/definition')).json();
    expect(current).toMatchObject({ version: 2, name: 'Client Service Closeout, 2026' });
    expect(roleName(current, 'technician')).toBe('Field Engineer');

    const pinned = await get('/definitions/msp-11a/1');
    expect(pinned.statusCode).toBe(200);
    expect(pinned.json()).toMatchObject({ version: 1, name: DEFAULT_DEFINITION.name });
    expect(roleName(pinned.json(), 'technician')).toBe('Field Engineer');
  });

  it('answers 404 for a version that does not exist, also when another organisation has it', async () => {
    const other = await createStaff({ app: testApp.app, roles: ['admin'] });
    await testApp.db.insert(processDefinitions).values({
      orgId: other.orgId,
      key: 'msp-11a',
      version: 7,
      definition: { ...DEFAULT_DEFINITION, version: 7 },
      publishedBy: 'Someone else',
    });
    expect((await get('/definitions/msp-11a/7', other)).statusCode).toBe(200);
    const missing = await get('/definitions/msp-11a/7');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Process definition msp-11a version 7 was not found.');
    expect((await get('/definitions/other-process/1')).statusCode).toBe(404);
  });

  it('names a bad key or version', async () => {
    const version = await get('/definitions/msp-11a/first');
    expect(version.statusCode).toBe(400);
    expect(version.json().field).toBe('version');
    const key = await get('/definitions/MSP%2011A/1');
    expect(key.statusCode).toBe(400);
    expect(key.json().field).toBe('key');
  });

  it('needs a signed-in caller', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/process/definition' });
    expect(response.statusCode).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('describes the client, ticket, task, KPI and process endpoints', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const { paths } = response.json();
    for (const path of [
      '/api/v1/clients',
      '/api/v1/clients/{clientId}',
      '/api/v1/clients/{clientId}/returns',
      '/api/v1/clients/{clientId}/managed-systems/{managedSystemId}',
      '/api/v1/tickets/{ticketId}',
      '/api/v1/tasks',
      '/api/v1/kpis',
      '/api/v1/process/definitions/{key}/{version}',
    ]) {
      expect(Object.keys(paths), path).toContain(path);
    }
    const definition = paths['/api/v1/process/definition'].get.responses['200'];
    const schema = definition.content['application/json'].schema;
    expect(schema.properties.stages.type).toBe('array');
    expect(schema.required).toContain('deactivationIssueWindowDays');
  });
});
