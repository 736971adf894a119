import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiHandlers, fakeApi, renderWithApp, signedInUser } from '../../../test/render.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { IntegrationsSettings } from './IntegrationsSettings.js';
import {
  autotaskDescription,
  buildConnection,
  buildJob,
  CONNECTION_ID,
  connectwiseDescription,
  jobPage,
} from './test-fixtures.js';

const administrator = signedInUser({ roles: ['admin'] });

function renderIntegrations(
  handlers: ApiHandlers,
  options: { route?: string; user?: typeof administrator } = {},
) {
  const api = fakeApi({
    'GET /integrations/vendors': () => [connectwiseDescription(), autotaskDescription()],
    'GET /integrations/connections': () => [],
    'GET /integrations/jobs': () => jobPage([]),
    ...handlers,
  });
  const rendered = renderWithApp(<IntegrationsSettings />, {
    route: options.route ?? '/settings/integrations',
    path: '/settings/integrations',
    user: options.user ?? administrator,
  });
  return { ...rendered, api };
}

const posts = (api: ReturnType<typeof fakeApi>, path: string) =>
  api.requests.filter((request) => request.method === 'POST' && request.path === path);

describe('IntegrationsSettings', () => {
  afterEach(() => {
    vi.useRealTimers();
    // The notifications live outside the rendered tree; those of one test would crowd the next.
    notifications.clean();
  });

  it('is a section of the settings, with its own address', async () => {
    fakeApi({
      'GET /integrations/vendors': () => [connectwiseDescription()],
      'GET /integrations/connections': () => [buildConnection()],
      'GET /integrations/jobs': () => jobPage([]),
    });
    renderWithApp(<SettingsPage />, {
      route: '/settings/integrations',
      path: '/settings/*',
      user: administrator,
    });

    expect(await screen.findByRole('heading', { name: 'Integrations' })).toBeInTheDocument();
    const navigation = screen.getByRole('navigation', { name: 'Settings' });
    expect(within(navigation).getByRole('link', { name: 'Integrations' })).toHaveAttribute(
      'data-active',
      'true',
    );
    expect(within(navigation).getByRole('link', { name: 'Import from CSV' })).toHaveAttribute(
      'href',
      '/settings/import',
    );
    expect(await screen.findByRole('region', { name: 'Contoso CW' })).toBeInTheDocument();
  });

  it('builds the connection form from the vendor description and sends what was typed', async () => {
    const { user, api } = renderIntegrations({
      'POST /integrations/connections': ({ body }) => ({
        status: 201,
        body: buildConnection({ name: (body as { name: string }).name }),
      }),
    });

    expect(await screen.findByText('No PSA connected yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Connect a PSA' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect a PSA' });

    expect(within(dialog).getByLabelText(/^Site URL/)).toHaveValue(
      'https://api-na.myconnectwise.net',
    );
    expect(
      within(dialog).getByText('The API address of your ConnectWise PSA region or server.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Company ID/)).toBeRequired();
    expect(within(dialog).getByLabelText(/^Page size/)).toHaveValue('100');
    expect(within(dialog).getByLabelText(/^Public key/)).toHaveAttribute('type', 'password');

    // A required vendor field left empty is caught before anything is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(within(dialog).getByLabelText(/^Company ID/)).toHaveAttribute('aria-invalid', 'true');
    expect(posts(api, '/integrations/connections')).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.type(within(dialog).getByLabelText(/^Name/), 'Harbour CW');
    await user.type(within(dialog).getByLabelText(/^Company ID/), '  harbour ');
    await user.type(within(dialog).getByLabelText(/^Public key/), 'pub-123');
    await user.type(within(dialog).getByLabelText(/^Private key/), 'priv-456');
    await user.click(within(dialog).getByLabelText(/Write outcomes back/));
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));

    await waitFor(() => expect(posts(api, '/integrations/connections')).toHaveLength(1));
    expect(posts(api, '/integrations/connections')[0]?.body).toEqual({
      vendor: 'connectwise',
      name: 'Harbour CW',
      enabled: true,
      pushBack: false,
      syncIntervalMinutes: 15,
      settings: {
        siteUrl: 'https://api-na.myconnectwise.net',
        companyId: 'harbour',
        pageSize: 100,
      },
      secrets: { publicKey: 'pub-123', privateKey: 'priv-456' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('offers only the PSAs not connected yet, and switches the form with the vendor', async () => {
    const { user } = renderIntegrations({
      'GET /integrations/connections': () => [buildConnection()],
    });

    await user.click(await screen.findByRole('button', { name: 'Connect a PSA' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect a PSA' });
    expect(within(dialog).getByLabelText(/^Name/)).toHaveValue('Autotask');
    expect(within(dialog).getByLabelText(/^Complete status ID/)).toHaveValue('5');
    expect(within(dialog).getByLabelText(/^Username/)).toHaveAttribute('type', 'password');
    expect(within(dialog).queryByLabelText(/^Company ID/)).not.toBeInTheDocument();
  });

  it('shows the API’s refusal of a vendor setting beside that setting', async () => {
    const { user } = renderIntegrations({
      'POST /integrations/connections': () => ({
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Invalid request',
          status: 400,
          detail: 'ConnectWise PSA: Invalid URL',
          code: 'validation',
          field: 'settings.siteUrl',
        },
      }),
    });

    await user.click(await screen.findByRole('button', { name: 'Connect a PSA' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect a PSA' });
    await user.type(within(dialog).getByLabelText(/^Company ID/), 'harbour');
    await user.type(within(dialog).getByLabelText(/^Public key/), 'pub');
    await user.type(within(dialog).getByLabelText(/^Private key/), 'priv');
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));

    expect(await within(dialog).findByText('ConnectWise PSA: Invalid URL')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Site URL/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps stored secrets when they are left empty on editing', async () => {
    const { user, api } = renderIntegrations({
      'GET /integrations/connections': () => [buildConnection()],
      [`PATCH /integrations/connections/${CONNECTION_ID}`]: () => buildConnection(),
    });

    const card = await screen.findByRole('region', { name: 'Contoso CW' });
    await user.click(within(card).getByRole('button', { name: 'Actions for Contoso CW' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Contoso CW' });
    const publicKey = within(dialog).getByLabelText(/^Public key/);
    expect(publicKey).toHaveAttribute('placeholder', 'Stored — leave empty to keep');
    expect(publicKey).not.toBeRequired();
    await user.type(within(dialog).getByLabelText(/^Private key/), 'new-private');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.requests.some((request) => request.method === 'PATCH')).toBe(true),
    );
    expect(api.requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      name: 'Contoso CW',
      enabled: true,
      pushBack: true,
      syncIntervalMinutes: 15,
      settings: {
        siteUrl: 'https://api-eu.myconnectwise.net',
        companyId: 'harbour',
        pageSize: 100,
      },
      secrets: { privateKey: 'new-private' },
    });
  });

  it('tests a connection and shows what the PSA answered', async () => {
    let lastTest: { at: string; ok: boolean; message: string } | null = null;
    const { user, api } = renderIntegrations({
      'GET /integrations/connections': () => [buildConnection({ lastTest })],
      [`POST /integrations/connections/${CONNECTION_ID}/test`]: () => {
        lastTest = {
          at: '2026-11-10T10:00:00.000Z',
          ok: false,
          message: 'ConnectWise refused the API keys (401).',
        };
        return lastTest;
      },
    });

    const card = await screen.findByRole('region', { name: 'Contoso CW' });
    expect(within(card).getByText('Not tested yet')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Test connection' }));

    expect(
      await within(card).findByText('ConnectWise refused the API keys (401).'),
    ).toBeInTheDocument();
    expect(posts(api, `/integrations/connections/${CONNECTION_ID}/test`)).toHaveLength(1);
    expect(await screen.findByText('ConnectWise PSA refused the connection')).toBeInTheDocument();
  });

  it('queues a sync and a client import for a connection', async () => {
    const { user, api } = renderIntegrations({
      'GET /integrations/connections': () => [buildConnection()],
      [`POST /integrations/connections/${CONNECTION_ID}/sync`]: () => ({
        status: 202,
        body: { jobId: buildJob().id },
      }),
      [`POST /integrations/connections/${CONNECTION_ID}/import-clients`]: () => ({
        status: 202,
        body: { jobId: buildJob().id },
      }),
    });

    const card = await screen.findByRole('region', { name: 'Contoso CW' });
    await user.click(within(card).getByRole('button', { name: 'Sync now' }));
    await user.click(within(card).getByRole('button', { name: 'Import clients and agreements' }));

    await waitFor(() =>
      expect(posts(api, `/integrations/connections/${CONNECTION_ID}/import-clients`)).toHaveLength(
        1,
      ),
    );
    expect(posts(api, `/integrations/connections/${CONNECTION_ID}/sync`)).toHaveLength(1);
    expect(
      await screen.findByText('Clients and agreements are being imported from ConnectWise PSA.'),
    ).toBeInTheDocument();
  });

  it('deletes a connection only once confirmed', async () => {
    const { user, api } = renderIntegrations({
      'GET /integrations/connections': () => [buildConnection()],
      [`DELETE /integrations/connections/${CONNECTION_ID}`]: () => ({ status: 204 }),
    });

    const card = await screen.findByRole('region', { name: 'Contoso CW' });
    await user.click(within(card).getByRole('button', { name: 'Actions for Contoso CW' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Contoso CW?' });
    expect(api.requests.some((request) => request.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete connection' }));

    await waitFor(() =>
      expect(api.requests.some((request) => request.method === 'DELETE')).toBe(true),
    );
    expect(await screen.findByText('Contoso CW was deleted.')).toBeInTheDocument();
  });

  it('lists the background jobs and runs a failed one again', async () => {
    const failed = buildJob({
      summary: 'Sync tickets of Contoso (CO-2026-004)',
      status: 'failed',
      attempts: 5,
      maxAttempts: 5,
      lastError: 'ConnectWise answered 503.',
    });
    const running = buildJob({
      kind: 'psa_import_clients',
      summary: 'Import clients from Contoso CW',
      status: 'running',
      finishedAt: null,
      progress: { done: 40, total: 160, unit: 'clients' },
    });
    const retrying = buildJob({
      summary: 'Write back T-00042',
      kind: 'psa_push_ticket',
      status: 'queued',
      attempts: 2,
      runAt: '2026-11-10T11:30:00.000Z',
      finishedAt: null,
    });
    const { user, api } = renderIntegrations({
      'GET /integrations/jobs': () => jobPage([failed, running, retrying]),
      [`POST /integrations/jobs/${failed.id}/retry`]: () => ({
        ...failed,
        status: 'queued',
        lastError: null,
      }),
    });

    const table = await screen.findByRole('table', { name: 'Background jobs' });
    const failedRow = within(table).getByRole('row', { name: /Contoso \(CO-2026-004\)/ });
    expect(within(failedRow).getByText('Failed')).toBeInTheDocument();
    expect(within(failedRow).getByText('5 of 5')).toBeInTheDocument();
    expect(within(failedRow).getByText('ConnectWise answered 503.')).toBeInTheDocument();

    const runningRow = within(table).getByRole('row', { name: /Import clients from Contoso/ });
    expect(
      within(runningRow).getByRole('progressbar', {
        name: 'Progress of Import clients from Contoso CW',
      }),
    ).toHaveAttribute('aria-valuenow', '25');
    expect(within(runningRow).getByText('40 of 160 clients')).toBeInTheDocument();
    expect(within(runningRow).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();

    const queuedRow = within(table).getByRole('row', { name: /Write back T-00042/ });
    expect(within(queuedRow).getByText(/^Next try/)).toBeInTheDocument();

    await user.click(within(failedRow).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(posts(api, `/integrations/jobs/${failed.id}/retry`)).toHaveLength(1),
    );
  });

  it('filters the jobs by status', async () => {
    const { user, api, router } = renderIntegrations({});

    expect(await screen.findByText('No background jobs yet')).toBeInTheDocument();
    await user.click(screen.getByText('Failed'));

    expect(await screen.findByText('There are no failed jobs.')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?jobStatus=failed');
    const lastList = api.requests.filter((request) => request.path === '/integrations/jobs').at(-1);
    expect(lastList?.query.get('status')).toBe('failed');
  });

  it('asks again for the jobs while one of them is running, and stops once they finish', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let status: 'running' | 'succeeded' = 'running';
    const job = buildJob({ status: 'running', finishedAt: null });
    const { api } = renderIntegrations({
      'GET /integrations/jobs': () => jobPage([{ ...job, status }]),
    });
    const jobLists = () =>
      api.requests.filter((request) => request.path === '/integrations/jobs').length;

    const table = await screen.findByRole('table', { name: 'Background jobs' });
    expect(within(table).getByText('Running')).toBeInTheDocument();
    const before = jobLists();
    status = 'succeeded';
    await vi.advanceTimersByTimeAsync(2_100);
    expect(await within(table).findByText('Succeeded')).toBeInTheDocument();
    expect(jobLists()).toBe(before + 1);

    await vi.advanceTimersByTimeAsync(6_000);
    expect(jobLists()).toBe(before + 1);
  });

  it('shows the connections read-only to whoever is not an administrator', async () => {
    renderIntegrations(
      { 'GET /integrations/connections': () => [buildConnection()] },
      { user: signedInUser({ roles: ['service_manager'] }) },
    );

    const card = await screen.findByRole('region', { name: 'Contoso CW' });
    expect(
      screen.getByText('Only an administrator can connect a PSA or change a connection.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Connect a PSA' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Test connection' })).not.toBeInTheDocument();
  });
});
