import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { AppError } from '../domain/errors.js';

const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/echo',
    {
      config: { public: true },
      schema: {
        body: z.object({
          email: z.email(),
          contact: z.object({ phone: z.string().min(5) }),
        }),
      },
    },
    (request) => request.body,
  );
  app.get(
    '/items/:itemId',
    { config: { public: true }, schema: { params: z.object({ itemId: z.uuid() }) } },
    (request) => request.params,
  );
  app.get(
    '/search',
    {
      config: { public: true },
      schema: { querystring: z.object({ limit: z.coerce.number().int().max(100) }) },
    },
    (request) => request.query,
  );
  app.get('/gate', { config: { public: true } }, () => {
    throw new AppError('gate_unmet', 'The handover is not finished.', {
      unmetGates: [
        {
          gate: 'handover_complete',
          name: 'Handover complete',
          message: 'Every credential is handed over.',
          missing: ['Firewall admin'],
          tasks: ['handover_credentials'],
        },
      ],
    });
  });
  app.get('/conflict', { config: { public: true } }, () => {
    throw new AppError('conflict', 'That email is taken.', { field: 'email' });
  });
  app.get('/crash', { config: { public: true } }, () => {
    throw new Error('connect ECONNREFUSED postgres://admin:hunter2@10.0.0.5/closeout');
  });
  app.get('/internal', { config: { public: true } }, () => {
    throw new AppError('internal', 'The pool of 10 connections is exhausted.');
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

const expectProblem = (
  response: { statusCode: number; headers: Record<string, unknown> },
  status: number,
) => {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
};

describe('problem documents', () => {
  it('names the first failing body field by its dotted path and lists every failure', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/probe/echo',
      payload: { email: 'not an address', contact: { phone: '12' } },
    });
    expectProblem(response, 400);
    const body = response.json();
    expect(body).toMatchObject({
      type: 'https://closeout.dev/problems/validation',
      title: 'The request is not valid',
      status: 400,
      code: 'validation',
      field: 'email',
    });
    expect(body.detail).toMatch(/^email: /);
    expect(body.errors.map((error: { field: string }) => error.field)).toEqual([
      'email',
      'contact.phone',
    ]);
  });

  it('names the whole body when there is none', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: '/api/v1/probe/echo' });
    expectProblem(response, 400);
    expect(response.json().field).toBe('body');
  });

  it('names path parameters and query fields without a prefix', async () => {
    const item = await testApp.app.inject({ method: 'GET', url: '/api/v1/probe/items/42' });
    expectProblem(item, 400);
    expect(item.json().field).toBe('itemId');

    const search = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/probe/search?limit=500',
    });
    expectProblem(search, 400);
    expect(search.json().field).toBe('limit');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expectProblem(response, 400);
    expect(response.json()).toMatchObject({
      code: 'validation',
      detail: 'The request body is not valid JSON.',
    });
  });

  it('maps an AppError to its status, with field and unmet gates', async () => {
    const gate = await testApp.app.inject({ method: 'GET', url: '/api/v1/probe/gate' });
    expectProblem(gate, 409);
    expect(gate.json()).toEqual({
      type: 'https://closeout.dev/problems/gate_unmet',
      title: 'Not everything required is done',
      status: 409,
      detail: 'The handover is not finished.',
      code: 'gate_unmet',
      unmetGates: [
        {
          gate: 'handover_complete',
          name: 'Handover complete',
          message: 'Every credential is handed over.',
          missing: ['Firewall admin'],
          tasks: ['handover_credentials'],
        },
      ],
    });

    const conflict = await testApp.app.inject({ method: 'GET', url: '/api/v1/probe/conflict' });
    expectProblem(conflict, 409);
    expect(conflict.json()).toMatchObject({ code: 'conflict', field: 'email' });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expectProblem(response, 404);
    expect(response.json()).toEqual({
      type: 'https://closeout.dev/problems/not_found',
      title: 'Not found',
      status: 404,
      detail: 'There is nothing at GET /api/v1/nothing-here.',
      code: 'not_found',
    });
  });

  it('never shows the message of an unexpected error', async () => {
    for (const url of ['/api/v1/probe/crash', '/api/v1/probe/internal']) {
      const response = await testApp.app.inject({ method: 'GET', url });
      expectProblem(response, 500);
      expect(response.json()).toEqual({
        type: 'https://closeout.dev/problems/internal',
        title: 'Something went wrong',
        status: 500,
        detail: 'Something went wrong on our side.',
        code: 'internal',
      });
    }
  });
});
