import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../../../test/support/app.js';
import { createTestDatabase } from '../../../test/support/database.js';
import { buildApp } from '../app.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(async () => {
  await testApp.close();
});

describe('GET /api/health', () => {
  it('answers ok with the database engine and the version', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: testApp.kind,
      version: testApp.app.config.version,
    });
    expect(testApp.app.config.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers 503 when the database does not answer', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db, config: testConfig() });
    try {
      await database.close();
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        status: 'unavailable',
        database: database.kind,
        version: app.config.version,
      });
    } finally {
      await app.close();
    }
  });
});
