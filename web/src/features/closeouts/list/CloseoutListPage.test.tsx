import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TCloseoutSummary } from '../../../../../src/server/closeouts/schema.js';
import { buildDefinition, CLIENT_ID, OWNER_ID } from '../../../../test/fixtures/closeout.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../../test/render.js';
import { CloseoutListPage } from './CloseoutListPage.js';

const definition = buildDefinition();
const OTHER_OWNER_ID = '00000000-0000-4000-8000-000000000002';

const summary = (overrides: Partial<TCloseoutSummary> = {}): TCloseoutSummary => ({
  id: '11111111-1111-4111-8111-000000000001',
  reference: 'CO-0001',
  client: { id: CLIENT_ID, name: 'Acme Dental' },
  trigger: 'client_notice',
  stage: 'ticket_review',
  status: 'open',
  ownerUserId: OWNER_ID,
  noticeReceivedOn: '2026-05-01',
  terminationDate: '2026-07-31',
  openedAt: '2026-05-01T09:00:00.000Z',
  endedAt: null,
  mrrAtRisk: 1500,
  openTasks: 4,
  overdueTasks: 1,
  version: 3,
  ...overrides,
});

const listApi = (items: TCloseoutSummary[] = [summary()], total = items.length) =>
  fakeApi({
    'GET /closeouts': (request) => ({
      items,
      total,
      page: Number(request.query.get('page') ?? 1),
      pageSize: 25,
    }),
    'GET /process/definition': () => definition,
    'GET /users/directory': () => ({
      users: [
        { id: OWNER_ID, name: 'Sam Service', roles: ['service_manager'] },
        { id: OTHER_OWNER_ID, name: 'Tess Tech', roles: ['technician'] },
      ],
    }),
  });

type Requests = ReturnType<typeof fakeApi>['requests'];
const lastListQuery = (requests: Requests) =>
  requests.filter((request) => request.path === '/closeouts').at(-1)?.query;
const urlParams = (router: { state: { location: { search: string } } }) =>
  new URLSearchParams(router.state.location.search);

/** Picks an option of a Mantine select; its dropdown stays out of jsdom's accessibility tree. */
async function choose(user: ReturnType<typeof renderWithApp>['user'], label: string, name: string) {
  await user.click(screen.getByRole('textbox', { name: label }));
  await user.click(await screen.findByRole('option', { name, hidden: true }));
}

describe('CloseoutListPage', () => {
  it('lists closeouts with their stage, outcome and owner, each linked to its page', async () => {
    listApi();
    renderWithApp(<CloseoutListPage />, { route: '/closeouts' });

    const link = await screen.findByRole('link', { name: 'CO-0001: Acme Dental' });
    expect(link).toHaveAttribute('href', '/closeouts/11111111-1111-4111-8111-000000000001');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('Open Ticket Review')).toBeInTheDocument();
    expect(within(row).getByText('In progress')).toBeInTheDocument();
    expect(await within(row).findByText('Sam Service')).toBeInTheDocument();
    expect(within(row).getByText('1 overdue')).toBeInTheDocument();
  });

  it('writes each filter into the URL and the request, and Back undoes it', async () => {
    const { requests } = listApi();
    const { user, router } = renderWithApp(<CloseoutListPage />, { route: '/closeouts' });
    await screen.findByRole('link', { name: 'CO-0001: Acme Dental' });

    await choose(user, 'Stage', 'Open Ticket Review');
    await waitFor(() => expect(lastListQuery(requests)?.get('stage')).toBe('ticket_review'));
    expect(urlParams(router).get('stage')).toBe('ticket_review');

    await choose(user, 'Outcome', 'Terminated');
    await choose(user, 'Trigger', 'Provider terminates');
    await choose(user, 'Owner', 'Tess Tech');
    await user.type(screen.getByLabelText('Opened from'), '2026-01-01');

    await waitFor(() => expect(lastListQuery(requests)?.get('openedFrom')).toBe('2026-01-01'));
    const query = lastListQuery(requests);
    expect(query?.get('stage')).toBe('ticket_review');
    expect(query?.get('status')).toBe('terminated');
    expect(query?.get('trigger')).toBe('provider_termination');
    expect(query?.get('ownerUserId')).toBe(OTHER_OWNER_ID);
    expect(urlParams(router).get('ownerUserId')).toBe(OTHER_OWNER_ID);

    await router.navigate(-1);
    await waitFor(() => expect(urlParams(router).get('openedFrom')).toBeNull());
    expect(urlParams(router).get('ownerUserId')).toBe(OTHER_OWNER_ID);
  });

  it('reads the filters, search, order and page from a shared link', async () => {
    const { requests } = listApi([summary()], 60);
    renderWithApp(<CloseoutListPage />, {
      route: '/closeouts?status=open&q=acme&sort=mrrAtRisk&page=2&trigger=nonsense',
    });
    await screen.findByRole('link', { name: 'CO-0001: Acme Dental' });

    const query = lastListQuery(requests);
    expect(query?.get('status')).toBe('open');
    expect(query?.get('q')).toBe('acme');
    expect(query?.get('sort')).toBe('mrrAtRisk');
    expect(query?.get('page')).toBe('2');
    expect(query?.get('trigger')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('acme');
    expect(screen.getByText('26–50 of 60 closeouts')).toBeInTheDocument();
  });

  it('searches once typing pauses and sorts by a column, starting again from page one', async () => {
    const { requests } = listApi([summary()], 60);
    const { user, router } = renderWithApp(<CloseoutListPage />, {
      route: '/closeouts?page=2',
    });
    await screen.findByRole('link', { name: 'CO-0001: Acme Dental' });

    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'CO-00');
    await waitFor(() => expect(lastListQuery(requests)?.get('q')).toBe('CO-00'));
    expect(urlParams(router).get('page')).toBeNull();
    expect(
      requests
        .filter((request) => request.path === '/closeouts')
        .map((request) => request.query.get('q')),
    ).toEqual([null, 'CO-00']);

    await user.click(screen.getByRole('button', { name: 'Sort by mrr at risk' }));
    await waitFor(() => expect(lastListQuery(requests)?.get('sort')).toBe('mrrAtRisk'));
    await user.click(screen.getByRole('button', { name: 'Sort by mrr at risk' }));
    await waitFor(() => expect(lastListQuery(requests)?.get('sort')).toBe('-mrrAtRisk'));
    expect(urlParams(router).get('sort')).toBe('-mrrAtRisk');
    expect(urlParams(router).get('q')).toBe('CO-00');
  });

  it('says when nothing matches, and clears every filter', async () => {
    const { requests } = listApi([]);
    const { user, router } = renderWithApp(<CloseoutListPage />, {
      route: '/closeouts?q=zzz&status=retained',
    });

    await user.click(await screen.findByRole('button', { name: 'Clear the filters' }));

    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('');
    await waitFor(() =>
      expect(lastListQuery(requests)?.toString()).toBe('sort=-openedAt&page=1&pageSize=25'),
    );
  });

  it('offers to open the first closeout only to those who may', async () => {
    listApi([]);
    renderWithApp(<CloseoutListPage />, {
      route: '/closeouts',
      user: signedInUser({ roles: ['technician'] }),
    });
    expect(await screen.findByText('No closeouts yet')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /closeout/i })).not.toBeInTheDocument();
  });
});
