import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTestApp,
  STAFF_PASSWORD,
  signInWithPassword,
  type TestApp,
} from '../../../test/support/app.js';
import { organisations, users } from '../../db/schema.js';
import { buildApp } from '../app.js';
import type { RequestAuth } from './caller.js';

const handled: string[] = [];
let lastAuth: RequestAuth | undefined;

/** Stand-ins for the resource routes other folders add. */
const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/close', { config: { permission: 'closeout.close' } }, (request) => {
    handled.push('close');
    lastAuth = request.auth;
    return { ok: true };
  });
  app.get('/approve', { config: { permission: 'closeout.approve_termination' } }, () => {
    handled.push('approve');
    return { ok: true };
  });
};

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({
    extend: async (app) => {
      await app.register(probeRoutes, { prefix: '/api/v1/probe' });
    },
  });
});

afterAll(async () => {
  await testApp.close();
});

const close = (headers: Record<string, string> = {}) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/probe/close', headers });

describe('route declarations', () => {
  const startWith = async (plugin: FastifyPluginAsyncZod) => {
    const app = await buildApp({ db: testApp.db, config: testApp.app.config });
    try {
      await app.register(plugin, { prefix: '/api/v1/careless' });
      await app.ready();
    } finally {
      await app.close();
    }
  };

  it('stops start-up for an API route that declares neither a permission nor public', async () => {
    await expect(
      startWith(async (app) => {
        app.get('/open', () => ({ oops: true }));
      }),
    ).rejects.toThrow(
      'GET /api/v1/careless/open must declare config.permission (one of src/server/auth/permissions.ts) or config.public: true.',
    );
  });

  it('stops start-up for a route that declares both, or an unknown permission', async () => {
    await expect(
      startWith(async (app) => {
        app.get('/both', { config: { public: true, permission: 'read' } }, () => ({}));
      }),
    ).rejects.toThrow('declares both a permission and public: true');
    await expect(
      startWith(async (app) => {
        app.get('/typo', { config: { permission: 'closeout.delete' as 'read' } }, () => ({}));
      }),
    ).rejects.toThrow('GET /api/v1/careless/typo names an unknown permission.');
  });
});

describe('the guard', () => {
  it('answers 401 before the handler without a session or token', async () => {
    handled.length = 0;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer co_made-up-token' },
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      { cookie: 'closeout_session=made-up-session' },
    ];
    for (const headers of attempts) {
      const response = await close(headers);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        code: 'unauthenticated',
        detail: 'Sign in, or send a valid API token, to do this.',
      });
    }
    expect(handled).toEqual([]);
  });

  it('answers 403 naming the roles that may, before the handler', async () => {
    handled.length = 0;
    const technician = await createStaff({ app: testApp.app, roles: ['technician'] });
    const closing = await close(technician.headers);
    expect(closing.statusCode).toBe(403);
    expect(closing.json()).toMatchObject({
      type: 'https://closeout.dev/problems/forbidden',
      code: 'forbidden',
      detail: 'This needs one of these roles: Service Manager, Executive.',
    });

    const approving = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/probe/approve',
      headers: technician.headers,
    });
    expect(approving.statusCode).toBe(403);
    expect(approving.json().detail).toBe('This needs the Executive role.');
    expect(handled).toEqual([]);
  });

  it('names the roles as the organisation has renamed them', async () => {
    const technician = await createStaff({ app: testApp.app, roles: ['technician'] });
    const [organisation] = await testApp.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, technician.orgId));
    await testApp.db
      .update(organisations)
      .set({
        personalisation: {
          ...organisation!.personalisation,
          roleNames: { service_manager: 'Service Lead', executive: 'Director' },
        },
      })
      .where(eq(organisations.id, technician.orgId));
    const response = await close(technician.headers);
    expect(response.json().detail).toBe('This needs one of these roles: Service Lead, Director.');
  });

  it('lets a permitted role through with a bearer token or a session cookie', async () => {
    handled.length = 0;
    const manager = await createStaff({
      app: testApp.app,
      roles: ['service_manager'],
      name: 'Dana Whitfield',
    });
    const withToken = await close(manager.headers);
    expect(withToken.statusCode).toBe(200);
    expect(lastAuth).toMatchObject({
      orgId: manager.orgId,
      userId: manager.userId,
      roles: ['service_manager'],
      actor: {
        kind: 'user',
        userId: manager.userId,
        name: 'Dana Whitfield',
        roles: ['service_manager'],
      },
      via: { kind: 'api_token' },
    });

    const cookie = await signInWithPassword(testApp.app, manager.email, STAFF_PASSWORD);
    const withCookie = await close({ cookie });
    expect(withCookie.statusCode).toBe(200);
    expect(lastAuth?.via.kind).toBe('session');
    expect(handled).toEqual(['close', 'close']);
  });

  it('does not fall back to the cookie when the bearer token is bad', async () => {
    const manager = await createStaff({ app: testApp.app, roles: ['service_manager'] });
    const cookie = await signInWithPassword(testApp.app, manager.email, STAFF_PASSWORD);
    const response = await close({ cookie, authorization: 'Bearer co_revoked-or-wrong' });
    expect(response.statusCode).toBe(401);
  });

  it('stops honouring the session and tokens of a deactivated user', async () => {
    const manager = await createStaff({ app: testApp.app, roles: ['service_manager'] });
    const cookie = await signInWithPassword(testApp.app, manager.email, STAFF_PASSWORD);
    await testApp.db.update(users).set({ active: false }).where(eq(users.id, manager.userId));
    expect((await close({ cookie })).statusCode).toBe(401);
    expect((await close(manager.headers)).statusCode).toBe(401);
  });
});
