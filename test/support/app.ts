import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database, DatabaseKind } from '../../src/db/connection.js';
import type { StaffRole } from '../../src/domain/model.js';
import type { App } from '../../src/server/app.js';
import { buildApp } from '../../src/server/app.js';
import { createApiToken } from '../../src/server/auth/api-tokens/service.js';
import { SESSION_COOKIE } from '../../src/server/auth/guard.js';
import { loadConfig, type ServerConfig } from '../../src/server/config.js';
import { createUser } from '../../src/server/users/service.js';
import { createTestDatabase } from './database.js';
import { insertOrganisation } from './factories.js';

/** The API on a fresh database, for tests that go through HTTP with `app.inject`. */

export type TestApp = {
  app: App;
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
};

/** API tests never depend on whether the web app happens to be built. */
const NO_WEB_BUILD = join(tmpdir(), 'closeout-tests-without-a-web-build');

/** Tests seal secrets with a key of their own and never write a key file. */
const TEST_MASTER_KEY = randomBytes(32).toString('hex');

export const testConfig = (overrides: Partial<ServerConfig> = {}): ServerConfig =>
  loadConfig({
    env: {},
    overrides: {
      logLevel: 'silent',
      webDir: NO_WEB_BUILD,
      masterKey: TEST_MASTER_KEY,
      dataDir: mkdtempSync(join(tmpdir(), 'closeout-test-data-')),
      ...overrides,
    },
  });

export type CreateTestAppOptions = {
  config?: Partial<ServerConfig>;
  /** Registers routes only a test needs, before the app starts. */
  extend?: (app: App) => Promise<void>;
};

export const createTestApp = async (options: CreateTestAppOptions = {}): Promise<TestApp> => {
  const database = await createTestDatabase();
  try {
    const app = await buildApp({ db: database.db, config: testConfig(options.config) });
    await options.extend?.(app);
    await app.ready();
    return {
      app,
      db: database.db,
      kind: database.kind,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
};

/** The password every `createStaff` user signs in with. */
export const STAFF_PASSWORD = 'correct horse battery staple';

export type Staff = {
  orgId: string;
  userId: string;
  email: string;
  name: string;
  /** An API token carrying all the user's roles. */
  token: string;
  headers: { authorization: string };
};

/**
 * A staff user with these roles and an API token, in a new organisation unless `orgId` is given.
 * Pass the test app or its database.
 */
export const createStaff = async (options: {
  app?: App;
  db?: Database;
  orgId?: string;
  roles: StaffRole[];
  name?: string;
}): Promise<Staff> => {
  const db = options.db ?? options.app?.db;
  if (db === undefined) throw new Error('createStaff needs the app or the database.');
  const orgId = options.orgId ?? (await insertOrganisation(db)).id;
  const name = options.name ?? `${options.roles.join(' ')} ${randomUUID().slice(0, 6)}`;
  const user = await createUser({
    db,
    orgId,
    name,
    email: `staff.${randomUUID()}@northwind.example`,
    password: STAFF_PASSWORD,
    roles: options.roles,
  });
  const { token } = await createApiToken({
    db,
    orgId,
    userId: user.id,
    name: 'Tests',
    holderRoles: options.roles,
    actor: { kind: 'system', name: 'Tests' },
  });
  return {
    orgId,
    userId: user.id,
    email: user.email,
    name: user.name,
    token,
    headers: { authorization: `Bearer ${token}` },
  };
};

/** A member of a `createTeam` team: a role, or roles and (if the test cares) a name. */
export type TeamMember = StaffRole | { roles: StaffRole[]; name?: string };

/** What a member given by a role alone is called. */
const ROLE_NAMES: Record<StaffRole, string> = {
  admin: 'Al Admin',
  service_manager: 'Sam Manager',
  account_manager: 'Ada Account',
  technician: 'Tom Technician',
  executive: 'Eve Executive',
  finance: 'Fay Finance',
};

/**
 * The staff of one new organisation, a member per key, created in the order given:
 * `createTeam({ app, roles: { manager: 'service_manager', technician: 'technician' } })`.
 */
export const createTeam = async <const Members extends Record<string, TeamMember>>(options: {
  app: App;
  roles: Members;
}): Promise<{ [Key in keyof Members]: Staff }> => {
  const team: Record<string, Staff> = {};
  let orgId: string | undefined;
  for (const [key, member] of Object.entries(options.roles)) {
    const { roles, name } =
      typeof member === 'string' ? { roles: [member], name: ROLE_NAMES[member] } : member;
    team[key] = await createStaff({ app: options.app, orgId, roles, name });
    orgId = team[key].orgId;
  }
  return team as { [Key in keyof Members]: Staff };
};

/** Signs in through the API and returns the `cookie` header value to send with later requests. */
export const signInWithPassword = async (
  app: App,
  email: string,
  password: string,
): Promise<string> => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  const session = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  if (response.statusCode !== 200 || session === undefined) {
    throw new Error(`Sign-in failed with ${response.statusCode}: ${response.body}`);
  }
  return `${SESSION_COOKIE}=${session.value}`;
};
