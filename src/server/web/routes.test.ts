import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe('without a web build', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('says at the root how to build the app, with the version and the API reference', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain(`Version ${testApp.app.config.version}`);
    expect(response.body).toContain('npm run build');
    expect(response.body).toContain('href="/api/docs"');
  });
});

describe('with a web build', () => {
  let testApp: TestApp;
  let webDir: string;
  const indexPage = '<!doctype html><title>Closeout</title><div id="root"></div>';

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'closeout-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), indexPage);
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log("app")');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    testApp = await createTestApp({ config: { webDir } });
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/closeouts/8c1a4d3e-0000-4000-8000-000000000000?stage=ticket_review',
    '/settings/users',
  ])('answers the page %s with the app, so deep links and reloads work', async (url) => {
    const response = await testApp.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(indexPage);
  });

  it('serves hashed assets to be cached for a year', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('console.log("app")');
  });

  it('serves other files of the build without long caching', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset and an unknown API path with 404, not the app', async () => {
    const asset = await testApp.app.inject({ method: 'GET', url: '/assets/gone-000.js' });
    expect(asset.statusCode).toBe(404);
    const api = await testApp.app.inject({ method: 'GET', url: '/api/v1/no-such-resource' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps the API reference at /api/docs', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBeLessThan(400);
    expect(response.body).not.toBe(indexPage);
  });
});
