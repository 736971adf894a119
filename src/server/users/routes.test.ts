import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTestApp,
  STAFF_PASSWORD,
  type Staff,
  signInWithPassword,
  type TestApp,
} from '../../../test/support/app.js';
import { auditEvents, users } from '../../db/schema.js';
import { createUser } from './service.js';

let testApp: TestApp;
let admin: Staff;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await createStaff({ app: testApp.app, roles: ['admin'], name: 'Alex Admin' });
});

afterAll(async () => {
  await testApp.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) =>
  testApp.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const signIn = (email: string, password: string) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

const newUser = (overrides: Record<string, unknown> = {}) => ({
  name: 'Riley Technician',
  email: `riley.${Math.random().toString(36).slice(2)}@northwind.example`,
  password: 'a long enough password',
  roles: ['technician'],
  ...overrides,
});

describe('POST /api/v1/users', () => {
  it('adds a user who can then sign in, and records it in the audit trail', async () => {
    const response = await call('POST', '/api/v1/users', admin.headers, {
      ...newUser({ email: '  Riley.Stone@Northwind.example ' }),
      roles: ['technician', 'finance'],
    });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      name: 'Riley Technician',
      email: 'riley.stone@northwind.example',
      roles: ['technician', 'finance'],
      active: true,
      lastSignInAt: null,
    });

    expect(
      (await signIn('riley.stone@northwind.example', 'a long enough password')).statusCode,
    ).toBe(200);

    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, 'create_user')));
    expect(event).toMatchObject({
      orgId: admin.orgId,
      entityType: 'user',
      actorKind: 'user',
      actorId: admin.userId,
      actorName: 'Alex Admin',
      after: {
        name: 'Riley Technician',
        email: 'riley.stone@northwind.example',
        roles: ['technician', 'finance'],
        active: true,
      },
    });
  });

  it.each([
    [{ password: 'eleven char' }, 'password'],
    [{ roles: [] }, 'roles'],
    [{ roles: ['wizard'] }, 'roles.0'],
    [{ roles: ['technician', 'technician'] }, 'roles'],
    [{ email: 'riley at northwind' }, 'email'],
    [{ name: '   ' }, 'name'],
  ])('refuses %j naming the field %s', async (change, field) => {
    const response = await call('POST', '/api/v1/users', admin.headers, newUser(change));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation', field });
  });

  it('refuses an email address already in use, whatever its case, naming the field', async () => {
    const first = newUser();
    expect((await call('POST', '/api/v1/users', admin.headers, first)).statusCode).toBe(201);
    const outsider = await createStaff({ app: testApp.app, roles: ['admin'] });
    const duplicate = await call(
      'POST',
      '/api/v1/users',
      outsider.headers,
      newUser({ email: first.email.toUpperCase() }),
    );
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'conflict',
      field: 'email',
      detail: 'A user with this email address already exists.',
    });
  });

  it('lets only one of two simultaneous additions of the same address through', async () => {
    const email = `twice.${Math.random().toString(36).slice(2)}@northwind.example`;
    const attempts = await Promise.allSettled(
      [0, 1].map(() =>
        createUser({
          db: testApp.db,
          orgId: admin.orgId,
          name: 'Twice',
          email,
          password: 'a long enough password',
          roles: ['technician'],
        }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    const [refusal] = attempts.filter((attempt) => attempt.status === 'rejected');
    expect((refusal as PromiseRejectedResult).reason).toMatchObject({
      code: 'conflict',
      field: 'email',
    });
  });

  it('is for administrators only', async () => {
    const manager = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['service_manager'],
    });
    const response = await call('POST', '/api/v1/users', manager.headers, newUser());
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toBe('This needs the Administrator role.');
    expect((await call('GET', '/api/v1/users', manager.headers)).statusCode).toBe(403);
  });
});

describe('organisations are kept apart', () => {
  it('shows and changes only users of the caller’s organisation', async () => {
    const otherAdmin = await createStaff({ app: testApp.app, roles: ['admin'] });
    const otherTechnician = await createStaff({
      app: testApp.app,
      orgId: otherAdmin.orgId,
      roles: ['technician'],
    });

    const list = await call('GET', '/api/v1/users', admin.headers);
    const ids = list.json().users.map((user: { id: string }) => user.id);
    expect(ids).toContain(admin.userId);
    expect(ids).not.toContain(otherTechnician.userId);

    const url = `/api/v1/users/${otherTechnician.userId}`;
    for (const response of [
      await call('GET', url, admin.headers),
      await call('PATCH', url, admin.headers, { name: 'Hijacked', roles: ['admin'] }),
      await call('PUT', `${url}/password`, admin.headers, { password: 'taken over by A' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({
        code: 'not_found',
        detail: 'The user was not found.',
      });
    }
    const [untouched] = await testApp.db
      .select()
      .from(users)
      .where(eq(users.id, otherTechnician.userId));
    expect(untouched).toMatchObject({ roles: ['technician'], active: true });
    expect(untouched!.name).not.toBe('Hijacked');
    expect((await signIn(otherTechnician.email, STAFF_PASSWORD)).statusCode).toBe(200);
  });
});

describe('PATCH /api/v1/users/:userId', () => {
  it('changes name and roles', async () => {
    const technician = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['technician'],
    });
    const response = await call('PATCH', `/api/v1/users/${technician.userId}`, admin.headers, {
      name: 'Riley Stone',
      roles: ['technician', 'service_manager'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: technician.userId,
      name: 'Riley Stone',
      roles: ['service_manager', 'technician'],
    });
  });

  it('does not let administrators lock themselves out', async () => {
    const self = `/api/v1/users/${admin.userId}`;
    const deactivate = await call('PATCH', self, admin.headers, { active: false });
    expect(deactivate.statusCode).toBe(409);
    expect(deactivate.json()).toMatchObject({
      field: 'active',
      detail: 'You cannot deactivate yourself; ask another administrator.',
    });
    const demote = await call('PATCH', self, admin.headers, { roles: ['service_manager'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({
      field: 'roles',
      detail: 'You cannot remove your own Administrator role; ask another administrator.',
    });
    const rename = await call('PATCH', self, admin.headers, {
      name: 'Alex Admin',
      roles: ['admin', 'service_manager'],
    });
    expect(rename.statusCode).toBe(200);
    await call('PATCH', self, admin.headers, { roles: ['admin'] });
  });

  it('deactivating a user ends their sessions, tokens and sign-ins until reactivated', async () => {
    const technician = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['technician'],
    });
    const cookie = await signInWithPassword(testApp.app, technician.email, STAFF_PASSWORD);
    const url = `/api/v1/users/${technician.userId}`;

    expect((await call('PATCH', url, admin.headers, { active: false })).json().active).toBe(false);

    expect((await call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/auth/me', technician.headers)).statusCode).toBe(401);
    const refused = await signIn(technician.email, STAFF_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toBe(
      'This account is deactivated. Ask an administrator to reactivate it.',
    );

    await call('PATCH', url, admin.headers, { active: true });
    expect((await signIn(technician.email, STAFF_PASSWORD)).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
  });
});

describe('PUT /api/v1/users/:userId/password', () => {
  it('sets a new password and signs the user out elsewhere', async () => {
    const technician = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['technician'],
    });
    const cookie = await signInWithPassword(testApp.app, technician.email, STAFF_PASSWORD);
    const url = `/api/v1/users/${technician.userId}/password`;

    const tooShort = await call('PUT', url, admin.headers, { password: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().field).toBe('password');

    expect(
      (await call('PUT', url, admin.headers, { password: 'a brand new passphrase' })).statusCode,
    ).toBe(204);
    expect((await call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
    expect((await signIn(technician.email, STAFF_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(technician.email, 'a brand new passphrase')).statusCode).toBe(200);
  });

  it('keeps the session of administrators who change their own password', async () => {
    const second = await createStaff({ app: testApp.app, orgId: admin.orgId, roles: ['admin'] });
    const cookie = await signInWithPassword(testApp.app, second.email, STAFF_PASSWORD);
    const response = await call(
      'PUT',
      `/api/v1/users/${second.userId}/password`,
      { cookie },
      {
        password: 'my own new passphrase',
      },
    );
    expect(response.statusCode).toBe(204);
    expect((await call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
  });
});

describe('GET /api/v1/users/directory', () => {
  it('lists the active staff of the organisation to every role', async () => {
    const technician = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['technician'],
      name: 'Directory Reader',
    });
    const leaver = await createStaff({ app: testApp.app, orgId: admin.orgId, roles: ['finance'] });
    await call('PATCH', `/api/v1/users/${leaver.userId}`, admin.headers, { active: false });
    const outsider = await createStaff({ app: testApp.app, roles: ['technician'] });

    const response = await call('GET', '/api/v1/users/directory', technician.headers);
    expect(response.statusCode).toBe(200);
    const listed = response.json().users;
    const ids = listed.map((user: { id: string }) => user.id);
    expect(ids).toContain(technician.userId);
    expect(ids).not.toContain(leaver.userId);
    expect(ids).not.toContain(outsider.userId);
    expect(listed.find((user: { id: string }) => user.id === technician.userId)).toEqual({
      id: technician.userId,
      name: 'Directory Reader',
      roles: ['technician'],
    });
  });
});
