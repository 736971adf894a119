import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTestApp,
  STAFF_PASSWORD,
  signInWithPassword,
  type TestApp,
} from '../../../test/support/app.js';
import { auditEvents, organisations } from '../../db/schema.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(async () => {
  await testApp.close();
});

const setup = {
  organisation: { name: 'Northwind Managed IT', primaryColor: '#0a7d4f' },
  administrator: {
    name: 'Nadia Northwind',
    email: 'Nadia@Northwind.example',
    password: 'a long and memorable phrase',
  },
};

const postSetup = (headers: Record<string, string>, payload: object = setup) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/setup', headers, payload });

describe('POST /api/v1/setup', () => {
  it('names the organisation and the administrator once, and records it', async () => {
    const admin = await createStaff({ app: testApp.app, roles: ['admin', 'service_manager'] });
    const before = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: admin.headers,
    });
    expect(before.json().organisation.setupCompleted).toBe(false);

    const response = await postSetup(admin.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: admin.userId,
      name: 'Nadia Northwind',
      email: 'nadia@northwind.example',
      organisation: {
        name: 'Northwind Managed IT',
        setupCompleted: true,
        personalisation: { organisationName: 'Northwind Managed IT', primaryColor: '#0a7d4f' },
      },
    });

    const [organisation] = await testApp.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, admin.orgId));
    expect(organisation?.setupCompletedAt).toBeInstanceOf(Date);

    const events = await testApp.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, admin.orgId), eq(auditEvents.action, 'complete_setup')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.userId,
      after: {
        name: 'Northwind Managed IT',
        primaryColor: '#0a7d4f',
        administrator: { name: 'Nadia Northwind', email: 'nadia@northwind.example' },
      },
    });
    expect(JSON.stringify(events[0])).not.toContain(setup.administrator.password);

    const cookie = await signInWithPassword(
      testApp.app,
      'nadia@northwind.example',
      setup.administrator.password,
    );
    const me = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie },
    });
    expect(me.json().organisation.setupCompleted).toBe(true);

    const again = await postSetup(admin.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict' });
  });

  it('ends the administrator’s other sessions, keeping the one that made the change', async () => {
    const admin = await createStaff({ app: testApp.app, roles: ['admin'] });
    const current = await signInWithPassword(testApp.app, admin.email, STAFF_PASSWORD);
    const other = await signInWithPassword(testApp.app, admin.email, STAFF_PASSWORD);
    const response = await postSetup(
      { cookie: current },
      {
        ...setup,
        administrator: { ...setup.administrator, email: `second.${admin.email}` },
      },
    );
    expect(response.statusCode).toBe(200);
    const me = (cookie: string) =>
      testApp.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect((await me(current)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
  });

  it('is for administrators only', async () => {
    const manager = await createStaff({
      app: testApp.app,
      roles: ['service_manager', 'executive'],
    });
    const response = await postSetup(manager.headers);
    expect(response.statusCode).toBe(403);
  });

  it('names the field of a bad value and changes nothing', async () => {
    const admin = await createStaff({ app: testApp.app, roles: ['admin'] });
    const response = await postSetup(admin.headers, {
      ...setup,
      administrator: { ...setup.administrator, password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation', field: 'administrator.password' });
    const [organisation] = await testApp.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, admin.orgId));
    expect(organisation?.setupCompletedAt).toBeNull();
  });

  it('refuses an email another user has, beside the field', async () => {
    const admin = await createStaff({ app: testApp.app, roles: ['admin'] });
    const colleague = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['finance'],
    });
    const response = await postSetup(admin.headers, {
      ...setup,
      administrator: { ...setup.administrator, email: colleague.email.toUpperCase() },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ field: 'administrator.email' });
  });
});
