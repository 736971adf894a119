import { validate } from '@scalar/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(async () => {
  await testApp.close();
});

const fetchDocument = async () => {
  const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json();
};

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Closeout API');
    expect(document.info.version).toBe(testApp.app.config.version);
    const result = await validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists the authentication, token, user, organisation and health routes', async () => {
    const { paths } = await fetchDocument();
    const operations = Object.entries(paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/v1/auth/sign-in',
        'POST /api/v1/auth/sign-out',
        'GET /api/v1/auth/me',
        'POST /api/v1/api-tokens',
        'GET /api/v1/api-tokens',
        'DELETE /api/v1/api-tokens/{tokenId}',
        'GET /api/v1/users',
        'POST /api/v1/users',
        'GET /api/v1/users/directory',
        'GET /api/v1/users/{userId}',
        'PATCH /api/v1/users/{userId}',
        'PUT /api/v1/users/{userId}/password',
        'GET /api/v1/organisation',
        'PUT /api/v1/organisation/personalisation',
        'GET /api/v1/organisation/reason-taxonomy',
        'PUT /api/v1/organisation/reason-taxonomy',
      ]),
    );
    expect(operations.some((operation) => operation.includes('/api/docs'))).toBe(false);
    expect(operations).not.toContain('GET /api/openapi.json');
  });

  it('states how to authenticate, who may call, and the problem responses', async () => {
    const document = await fetchDocument();
    expect(Object.keys(document.components.securitySchemes)).toEqual(['cookie', 'bearer']);
    expect(document.components.securitySchemes.cookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'closeout_session',
    });
    expect(document.components.schemas.Problem.required).toEqual([
      'type',
      'title',
      'status',
      'detail',
      'code',
    ]);

    const createUser = document.paths['/api/v1/users'].post;
    expect(createUser.security).toEqual([{ cookie: [] }, { bearer: [] }]);
    expect(createUser.description).toContain('Roles: Administrator (permission `users.manage`).');
    expect(Object.keys(createUser.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      'default',
    ]);
    expect(createUser.responses['403'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });

    const signIn = document.paths['/api/v1/auth/sign-in'].post;
    expect(signIn.security).toEqual([]);
    expect(signIn.responses['401']).toBeUndefined();
  });
});

describe('GET /api/docs', () => {
  it('serves the API reference page and its script from this server', async () => {
    const redirect = await testApp.app.inject({ method: 'GET', url: '/api/docs' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/api/docs/');

    const page = await testApp.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Closeout API</title>');
    expect(page.body).toContain('<script src="js/scalar.js"></script>');
    expect(page.body).toContain('"url": "/api/openapi.json"');

    const script = await testApp.app.inject({ method: 'GET', url: '/api/docs/js/scalar.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^application\/javascript/);
    expect(script.body.length).toBeGreaterThan(100_000);
  });
});
