import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/app.js';
import { createTestDatabase } from '../../../test/support/database.js';
import { DEFAULT_REASON_TAXONOMY } from '../../blueprint/reason-taxonomy.js';
import type { OpenDatabase } from '../../db/connection.js';
import { organisations, users } from '../../db/schema.js';
import { buildApp } from '../app.js';
import { ensureOrganisation } from './ensure-organisation.js';

let database: OpenDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe('ensureOrganisation', () => {
  it('creates the first organisation and an administrator who can sign in', async () => {
    const messages: string[] = [];
    const result = await ensureOrganisation({
      db: database.db,
      log: { info: (message) => messages.push(message) },
    });

    expect(result).toMatchObject({ created: true, email: 'admin@closeout.local' });
    if (!result.created) throw new Error('expected a new organisation');
    expect(result.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(messages).toEqual(['Created the organisation "My MSP" and its first administrator.']);
    expect(messages.join()).not.toContain(result.password);

    const [organisation, ...others] = await database.db.select().from(organisations);
    expect(others).toEqual([]);
    expect(organisation).toMatchObject({
      id: result.orgId,
      name: 'My MSP',
      personalisation: {
        organisationName: 'My MSP',
        logo: null,
        primaryColor: '#1f6feb',
        roleNames: {},
        systemNames: {},
      },
      reasonTaxonomy: DEFAULT_REASON_TAXONOMY,
      setupCompletedAt: null,
    });
    const accounts = await database.db.select().from(users);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      orgId: result.orgId,
      email: 'admin@closeout.local',
      roles: ['admin', 'service_manager'],
      active: true,
    });

    const app = await buildApp({ db: database.db, config: testConfig() });
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: result.email, password: result.password },
      });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().roles).toEqual(['admin', 'service_manager']);
    } finally {
      await app.close();
    }
  });

  it('changes nothing once an organisation exists', async () => {
    const messages: string[] = [];
    const again = await ensureOrganisation({
      db: database.db,
      log: { info: (message) => messages.push(message) },
    });
    expect(again).toEqual({ created: false });
    expect(messages).toEqual([]);
    expect(await database.db.select().from(organisations)).toHaveLength(1);
    expect(await database.db.select().from(users)).toHaveLength(1);
  });

  it('creates one organisation when several servers start at once', async () => {
    const fresh = await createTestDatabase();
    try {
      const results = await Promise.all([1, 2, 3].map(() => ensureOrganisation({ db: fresh.db })));
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(await fresh.db.select().from(organisations)).toHaveLength(1);
      expect(await fresh.db.select().from(users)).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});
