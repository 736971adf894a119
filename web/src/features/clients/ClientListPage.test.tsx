import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderWithApp, signedInUser } from '../../../test/render.js';
import { ClientListPage } from './ClientListPage.js';
import { CLIENT_ID, clientDetail, clientSummary } from './test-fixtures.js';

const page = (items = [clientSummary()]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
});

const clientRequests = (requests: ReturnType<typeof fakeApi>['requests']) =>
  requests.filter((request) => request.method === 'GET' && request.path === '/clients');

describe('ClientListPage', () => {
  it('shows each client with its figures and a link to its open closeout', async () => {
    fakeApi({
      'GET /clients': () =>
        page([
          clientSummary(),
          clientSummary({
            id: '55555555-5555-4555-8555-555555555555',
            name: 'Fabrikam',
            status: 'in_closeout',
            openCloseoutId: '66666666-6666-4666-8666-666666666666',
          }),
        ]),
    });
    renderWithApp(<ClientListPage />, { route: '/clients' });

    const row = (await screen.findByRole('link', { name: 'Fabrikam' })).closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByText('In closeout')).toBeInTheDocument();
    expect(
      within(row as HTMLElement).getByRole('link', { name: 'Open closeout of Fabrikam' }),
    ).toHaveAttribute('href', '/closeouts/66666666-6666-4666-8666-666666666666');
    expect(screen.getByRole('link', { name: 'Contoso Pharmaceuticals' })).toHaveAttribute(
      'href',
      `/clients/${CLIENT_ID}`,
    );
  });

  it('searches once typing pauses, in the URL and the request', async () => {
    const { requests } = fakeApi({ 'GET /clients': () => page() });
    const { user, router } = renderWithApp(<ClientListPage />, { route: '/clients' });
    await screen.findByRole('link', { name: 'Contoso Pharmaceuticals' });

    await user.type(screen.getByRole('textbox', { name: 'Search clients by name' }), 'contoso');

    await waitFor(() => expect(router.state.location.search).toBe('?q=contoso'));
    await waitFor(() => expect(clientRequests(requests).at(-1)?.query.get('q')).toBe('contoso'));
    // Debounced: no request for each partial word.
    expect(clientRequests(requests).map((request) => request.query.get('q'))).toEqual([
      null,
      'contoso',
    ]);
  });

  it('filters by status and sorts by name from the URL', async () => {
    const { requests } = fakeApi({ 'GET /clients': () => page() });
    const { user, router } = renderWithApp(<ClientListPage />, { route: '/clients?status=former' });
    await screen.findByRole('link', { name: 'Contoso Pharmaceuticals' });
    expect(clientRequests(requests)[0]?.query.get('status')).toBe('former');

    await user.click(screen.getByRole('button', { name: 'Sort by client' }));

    await waitFor(() => expect(clientRequests(requests).at(-1)?.query.get('sort')).toBe('-name'));
    expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('-name');
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('former');
  });

  it('says when no client matches, and clears the filters', async () => {
    const { requests } = fakeApi({ 'GET /clients': () => page([]) });
    const { user, router } = renderWithApp(<ClientListPage />, { route: '/clients?q=zzz' });

    await user.click(await screen.findByRole('button', { name: 'Clear the filters' }));

    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByRole('textbox', { name: 'Search clients by name' })).toHaveValue('');
    await waitFor(() => expect(clientRequests(requests).at(-1)?.query.get('q')).toBeNull());
  });

  it('shows the API error with a retry', async () => {
    fakeApi({
      'GET /clients': () => ({
        status: 500,
        body: {
          type: 'about:blank',
          title: 'Boom',
          status: 500,
          detail: 'Database down',
          code: 'internal',
        },
      }),
    });
    renderWithApp(<ClientListPage />, { route: '/clients' });
    expect(await screen.findByText('Database down')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('checks a new client against the API schema before sending it', async () => {
    const { requests } = fakeApi({ 'GET /clients': () => page() });
    const { user } = renderWithApp(<ClientListPage />, { route: '/clients' });
    await user.click(await screen.findByRole('button', { name: 'New client' }));
    const dialog = await screen.findByRole('dialog', { name: 'New client' });

    await user.clear(within(dialog).getByLabelText(/Client since/));
    await user.click(within(dialog).getByRole('button', { name: 'Add client' }));

    expect(within(dialog).getByLabelText(/^Name/)).toHaveAccessibleDescription(/Required/);
    expect(within(dialog).getByLabelText(/Client since/)).toHaveAccessibleDescription(/Required/);
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('shows the field the API refused beside it, and opens the new client once added', async () => {
    let attempts = 0;
    const { requests } = fakeApi({
      'GET /clients': () => page(),
      'POST /clients': () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 409,
              body: {
                type: 'about:blank',
                title: 'Conflict',
                status: 409,
                detail: 'A client with external id "C-9" from halopsa already exists.',
                code: 'conflict',
                field: 'externalId',
              },
            }
          : { status: 201, body: clientDetail({ name: 'Northwind' }) };
      },
    });
    const { user, router } = renderWithApp(<ClientListPage />, { route: '/clients' });
    await user.click(await screen.findByRole('button', { name: 'New client' }));
    const dialog = await screen.findByRole('dialog', { name: 'New client' });

    await user.type(within(dialog).getByLabelText(/^Name/), 'Northwind');
    await user.type(within(dialog).getByLabelText('External id'), 'C-9');
    await user.click(within(dialog).getByRole('button', { name: 'Add client' }));

    expect(await within(dialog).findByText(/external id "C-9" from halopsa/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('External id')).toHaveAccessibleDescription(
      /already exists/,
    );
    expect(requests.find((request) => request.method === 'POST')?.body).toMatchObject({
      name: 'Northwind',
      source: 'manual',
      externalId: 'C-9',
      industry: '',
    });

    await user.clear(within(dialog).getByLabelText('External id'));
    await user.click(within(dialog).getByRole('button', { name: 'Add client' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${CLIENT_ID}`));
    expect(requests.filter((request) => request.method === 'POST').at(-1)?.body).toMatchObject({
      externalId: null,
    });
  });

  it('explains why someone without the role cannot add a client', async () => {
    fakeApi({ 'GET /clients': () => page() });
    const { user } = renderWithApp(<ClientListPage />, {
      route: '/clients',
      user: signedInUser({ roles: ['technician'] }),
    });
    const button = await screen.findByRole('button', { name: 'New client' });
    expect(button).toHaveAttribute('data-disabled');

    await user.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.hover(button);
    expect(await screen.findByText(/Service Manager/)).toBeInTheDocument();
  });
});
