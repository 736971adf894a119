import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTestApp,
  STAFF_PASSWORD,
  signInWithPassword,
  type TestApp,
} from '../../../test/support/app.js';
import { sessions, users } from '../../db/schema.js';
import { SESSION_COOKIE } from './guard.js';
import { sha256 } from './secrets.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(async () => {
  await testApp.close();
});

const signIn = (email: string, password: string) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

const me = (headers: Record<string, string>) =>
  testApp.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

describe('POST /api/v1/auth/sign-in', () => {
  it('signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const staff = await createStaff({
      app: testApp.app,
      roles: ['service_manager', 'account_manager'],
      name: 'Dana Whitfield',
    });
    const before = Date.now();
    const response = await signIn(staff.email.toUpperCase(), STAFF_PASSWORD);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: staff.userId,
      name: 'Dana Whitfield',
      email: staff.email,
      roles: ['service_manager', 'account_manager'],
      organisation: { id: staff.orgId },
    });
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeUndefined();
    const lifetimeDays = ((cookie.expires as Date).getTime() - before) / 86_400_000;
    expect(lifetimeDays).toBeGreaterThan(13.99);
    expect(lifetimeDays).toBeLessThan(14.01);

    const stored = await testApp.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, staff.userId));
    expect(stored.map((session) => session.tokenHash)).toEqual([sha256(cookie.value)]);

    const [user] = await testApp.db.select().from(users).where(eq(users.id, staff.userId));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.lastSignInAt).not.toBeNull();
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const staff = await createStaff({ app: testApp.app, roles: ['technician'] });
    const wrongPassword = await signIn(staff.email, 'not the password at all');
    const unknownEmail = await signIn('nobody@northwind.example', STAFF_PASSWORD);

    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        code: 'unauthenticated',
        detail: 'The email or password is not right.',
      });
      expect(response.cookies).toEqual([]);
    }
  });

  it('refuses further attempts for 15 minutes after 10 failures for one email', async () => {
    const staff = await createStaff({ app: testApp.app, roles: ['technician'] });
    const other = await createStaff({ app: testApp.app, roles: ['technician'] });
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const response = await signIn(staff.email, `wrong password ${attempt}`);
      expect(response.statusCode).toBe(401);
    }

    const limited = await signIn(staff.email, STAFF_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'rate_limited',
      detail: 'Too many failed attempts. Try again in 15 minutes.',
    });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(880);
    expect(retryAfter).toBeLessThanOrEqual(900);

    expect((await signIn(other.email, STAFF_PASSWORD)).statusCode).toBe(200);
  });

  it('marks the cookie Secure when the server is configured for https', async () => {
    const secureApp = await createTestApp({ config: { secureCookies: true } });
    try {
      const staff = await createStaff({ app: secureApp.app, roles: ['finance'] });
      const response = await secureApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: staff.email, password: STAFF_PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });
});

describe('GET /api/v1/auth/me', () => {
  it('answers with the signed-in user and organisation personalisation', async () => {
    const staff = await createStaff({ app: testApp.app, roles: ['executive'], name: 'Sam Ortiz' });
    const cookie = await signInWithPassword(testApp.app, staff.email, STAFF_PASSWORD);
    const response = await me({ cookie });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: staff.userId, name: 'Sam Ortiz', roles: ['executive'] });
    expect(body.organisation.personalisation).toMatchObject({
      logo: null,
      primaryColor: '#1f6feb',
    });
    expect(body.organisation.name).toBe(body.organisation.personalisation.organisationName);
  });
});

describe('POST /api/v1/auth/sign-out', () => {
  it('ends the session so the cookie no longer signs in', async () => {
    const staff = await createStaff({ app: testApp.app, roles: ['technician'] });
    const cookie = await signInWithPassword(testApp.app, staff.email, STAFF_PASSWORD);
    expect((await me({ cookie })).statusCode).toBe(200);

    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cleared.value).toBe('');
    expect((cleared.expires as Date).getTime()).toBeLessThan(Date.now());

    const after = await me({ cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('succeeds without a session', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out' });
    expect(response.statusCode).toBe(204);
  });
});

describe('PUT /api/v1/auth/password', () => {
  it('changes the password given the current one, keeping only this session', async () => {
    const staff = await createStaff({ app: testApp.app, roles: ['finance'] });
    const elsewhere = await signInWithPassword(testApp.app, staff.email, STAFF_PASSWORD);
    const here = await signInWithPassword(testApp.app, staff.email, STAFF_PASSWORD);
    const change = (cookie: string, currentPassword: string) =>
      testApp.app.inject({
        method: 'PUT',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword: 'finance likes long phrases' },
      });

    const wrong = await change(here, 'not my password');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      field: 'currentPassword',
      detail: 'The current password is not right.',
    });

    expect((await change(here, STAFF_PASSWORD)).statusCode).toBe(204);
    expect((await me({ cookie: here })).statusCode).toBe(200);
    expect((await me({ cookie: elsewhere })).statusCode).toBe(401);
    expect((await signIn(staff.email, STAFF_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(staff.email, 'finance likes long phrases')).statusCode).toBe(200);
  });
});
