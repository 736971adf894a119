import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { apiTokens, auditEvents, users } from '../../../db/schema.js';
import { sha256 } from '../secrets.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(async () => {
  await testApp.close();
});

const inject = (
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => testApp.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('API tokens', () => {
  it('creates a token shown once, stored only as its hash, that acts with the given roles', async () => {
    const manager = await createStaff({
      app: testApp.app,
      roles: ['service_manager', 'technician'],
      name: 'Dana Whitfield',
    });
    const created = await inject('POST', '/api/v1/api-tokens', manager.headers, {
      name: 'PSA sync',
      roles: ['technician'],
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      name: 'PSA sync',
      roles: ['technician'],
      userId: manager.userId,
      userName: 'Dana Whitfield',
      lastUsedAt: null,
    });
    expect(body.token).toMatch(/^co_[A-Za-z0-9_-]{43}$/);
    expect(body.prefix).toBe(body.token.slice(0, 10));

    const [stored] = await testApp.db.select().from(apiTokens).where(eq(apiTokens.id, body.id));
    expect(stored!.tokenHash).toBe(sha256(body.token));
    expect(Object.values(stored!)).not.toContain(body.token);

    const me = await inject('GET', '/api/v1/auth/me', bearer(body.token));
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: manager.userId, roles: ['technician'] });

    const listed = await inject('GET', '/api/v1/api-tokens', manager.headers);
    const mine = listed.json().tokens.find((token: { id: string }) => token.id === body.id);
    expect(mine).toMatchObject({ name: 'PSA sync', prefix: body.prefix });
    expect(mine.token).toBeUndefined();
    expect(mine.lastUsedAt).not.toBeNull();
  });

  it('takes the creator’s roles by default and refuses roles the creator does not hold', async () => {
    const technician = await createStaff({ app: testApp.app, roles: ['technician'] });
    const defaulted = await inject('POST', '/api/v1/api-tokens', technician.headers, {
      name: 'Laptop script',
    });
    expect(defaulted.json().roles).toEqual(['technician']);

    const refused = await inject('POST', '/api/v1/api-tokens', technician.headers, {
      name: 'Sneaky',
      roles: ['technician', 'admin'],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'forbidden',
      field: 'roles',
      detail: 'A token can only carry roles you hold yourself; you do not hold Administrator.',
    });
  });

  it('narrows a token to the roles its user still holds', async () => {
    const manager = await createStaff({
      app: testApp.app,
      roles: ['service_manager', 'executive'],
    });
    await testApp.db
      .update(users)
      .set({ roles: ['service_manager'] })
      .where(eq(users.id, manager.userId));
    const me = await inject('GET', '/api/v1/auth/me', manager.headers);
    expect(me.json().roles).toEqual(['service_manager']);
  });

  it('stops a revoked token from working', async () => {
    const technician = await createStaff({ app: testApp.app, roles: ['technician'] });
    const created = (
      await inject('POST', '/api/v1/api-tokens', technician.headers, { name: 'Old script' })
    ).json();
    expect((await inject('GET', '/api/v1/auth/me', bearer(created.token))).statusCode).toBe(200);

    const revoked = await inject('DELETE', `/api/v1/api-tokens/${created.id}`, technician.headers);
    expect(revoked.statusCode).toBe(204);

    const refused = await inject('GET', '/api/v1/auth/me', bearer(created.token));
    expect(refused.statusCode).toBe(401);
    const trail = await testApp.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.id))
      .orderBy(auditEvents.id);
    expect(trail.map((event) => [event.action, event.actorId])).toEqual([
      ['create_api_token', technician.userId],
      ['revoke_api_token', technician.userId],
    ]);
    const listed = await inject('GET', '/api/v1/api-tokens', technician.headers);
    expect(listed.json().tokens.map((token: { id: string }) => token.id)).not.toContain(created.id);
    const again = await inject('DELETE', `/api/v1/api-tokens/${created.id}`, technician.headers);
    expect(again.statusCode).toBe(404);
  });

  it('lets staff manage only their own tokens, and an administrator all of the organisation’s', async () => {
    const admin = await createStaff({ app: testApp.app, roles: ['admin'] });
    const technician = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['technician'],
    });
    const colleague = await createStaff({
      app: testApp.app,
      orgId: admin.orgId,
      roles: ['technician'],
    });
    const outsider = await createStaff({ app: testApp.app, roles: ['admin'] });
    const created = (
      await inject('POST', '/api/v1/api-tokens', technician.headers, { name: 'RMM hook' })
    ).json();

    const colleagueList = await inject('GET', '/api/v1/api-tokens', colleague.headers);
    expect(colleagueList.json().tokens.map((token: { userId: string }) => token.userId)).toEqual([
      colleague.userId,
    ]);
    expect(
      (await inject('DELETE', `/api/v1/api-tokens/${created.id}`, colleague.headers)).statusCode,
    ).toBe(404);
    expect(
      (await inject('DELETE', `/api/v1/api-tokens/${created.id}`, outsider.headers)).statusCode,
    ).toBe(404);

    const adminList = await inject('GET', '/api/v1/api-tokens', admin.headers);
    expect(
      new Set(adminList.json().tokens.map((token: { userId: string }) => token.userId)),
    ).toEqual(new Set([admin.userId, technician.userId, colleague.userId]));
    expect(
      (await inject('DELETE', `/api/v1/api-tokens/${created.id}`, admin.headers)).statusCode,
    ).toBe(204);
  });
});
