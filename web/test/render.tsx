import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { defaultPersonalisation } from '../../src/blueprint/personalise.js';
import type { TSignedInUser } from '../../src/server/auth/schema.js';
import { sessionKey } from '../src/api/session.js';
import { createQueryClient } from '../src/app/App.js';
import { themeFor } from '../src/app/theme.js';

/**
 * Component tests render a screen or panel as the app does (theme, query cache, router) against
 * a fake API: each request is answered by the handler for its method and path, and recorded so
 * a test can check what the screen sent.
 */

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
};

export type ApiReply = { status?: number; body?: unknown };
export type ApiHandler = (request: RecordedRequest) => ApiReply | unknown;

/** Handlers by `METHOD /path` under /api/v1, e.g. `'POST /closeouts/c1/decide-retention'`. */
export type ApiHandlers = Record<string, ApiHandler>;

/** A reply names only a status and a body; anything else a handler returns is the body itself. */
const isReply = (value: unknown): value is ApiReply =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((key) => key === 'status' || key === 'body');

export function fakeApi(handlers: ApiHandlers) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const request: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
    };
    requests.push(request);
    const handler = handlers[`${method} ${path}`];
    if (handler === undefined) {
      return new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Not found',
          status: 404,
          detail: `No fake for ${method} ${path}`,
          code: 'not_found',
        }),
        { status: 404, headers: { 'content-type': 'application/problem+json' } },
      );
    }
    const result = handler(request);
    const reply: ApiReply = isReply(result) ? result : { status: 200, body: result };
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export function signedInUser(overrides: Partial<TSignedInUser> = {}): TSignedInUser {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Sam Service',
    email: 'sam@msp.test',
    roles: ['service_manager'],
    organisation: {
      id: '00000000-0000-4000-8000-0000000000aa',
      name: 'Harbour IT',
      personalisation: defaultPersonalisation('Harbour IT'),
      setupCompleted: true,
    },
    ...overrides,
  };
}

/** Renders `ui` at `route` (matched by `path`) with a signed-in user and the fake API. */
export function renderWithApp(
  ui: ReactElement,
  options: { route?: string; path?: string; user?: TSignedInUser | null } = {},
) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  queryClient.setQueryData(sessionKey, options.user === undefined ? signedInUser() : options.user);
  const router = createMemoryRouter(
    [
      { path: options.path ?? '*', element: ui },
      { path: '*', element: <div>elsewhere</div> },
    ],
    { initialEntries: [options.route ?? '/'] },
  );
  const user = userEvent.setup();
  const rendered = render(
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={themeFor()}>
        <Notifications />
        <RouterProvider router={router} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return { ...rendered, user, router, queryClient };
}
