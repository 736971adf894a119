import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TClientDetail } from '../../../../src/server/clients/schema.js';
import type { TCloseoutSummary } from '../../../../src/server/closeouts/schema.js';
import type { TTicket } from '../../../../src/server/tickets/schema.js';
import { type ApiHandlers, fakeApi, renderWithApp, signedInUser } from '../../../test/render.js';
import { ClientPage } from './ClientPage.js';
import { CLIENT_ID, clientDetail } from './test-fixtures.js';

const CLOSEOUT_ID = '77777777-7777-4777-8777-777777777777';

const ticket = (overrides: Partial<TTicket>): TTicket => ({
  id: '88888888-8888-4888-8888-888888888888',
  client: { id: CLIENT_ID, name: 'Contoso Pharmaceuticals' },
  number: 'T-1',
  title: 'Printer offline',
  status: 'open',
  priority: 'high',
  openedAt: '2025-05-02T09:30:00.000Z',
  closedAt: null,
  slaBreached: false,
  satisfaction: null,
  source: 'manual',
  externalId: null,
  ...overrides,
});

const terminatedCloseout: TCloseoutSummary = {
  id: CLOSEOUT_ID,
  reference: 'CO-2025-0007',
  client: { id: CLIENT_ID, name: 'Contoso Pharmaceuticals' },
  trigger: 'client_notice',
  stage: 'deactivation',
  status: 'terminated',
  ownerUserId: null,
  noticeReceivedOn: '2025-01-15',
  terminationDate: '2025-04-15',
  openedAt: '2025-01-15T10:00:00.000Z',
  endedAt: '2025-04-20T10:00:00.000Z',
  mrrAtRisk: 4200,
  openTasks: 0,
  overdueTasks: 0,
  version: 12,
};

const formerClient = (): TClientDetail =>
  clientDetail({
    status: 'former',
    monthlyRecurringRevenue: 0,
    closeouts: [
      {
        id: CLOSEOUT_ID,
        reference: 'CO-2025-0007',
        status: 'terminated',
        stage: 'deactivation',
        openedAt: '2025-01-15T10:00:00.000Z',
        endedAt: '2025-04-20T10:00:00.000Z',
      },
    ],
  });

function renderClient(
  route: string,
  options: { client?: TClientDetail; handlers?: ApiHandlers; roles?: string[] } = {},
) {
  const api = fakeApi({
    // Wrapped: a client has a `status`, which the fake would take for the reply's.
    [`GET /clients/${CLIENT_ID}`]: () => ({ body: options.client ?? clientDetail() }),
    ...options.handlers,
  });
  const rendered = renderWithApp(<ClientPage />, {
    route,
    path: '/clients/:clientId',
    ...(options.roles === undefined
      ? {}
      : { user: signedInUser({ roles: options.roles as never }) }),
  });
  return { ...api, ...rendered };
}

async function openRemoveSystem(user: ReturnType<typeof renderWithApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Actions for Microsoft 365 tenant' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Remove' }));
  return screen.findByRole('dialog', { name: 'Remove the managed system' });
}

describe('ClientPage', () => {
  it('shows the client with its facts and agreements, and keeps the tab in the URL', async () => {
    const { user, router } = renderClient(`/clients/${CLIENT_ID}`);

    expect(await screen.findByRole('heading', { name: /Contoso Pharmaceuticals/ })).toBeVisible();
    expect(screen.getByText('HaloPSA')).toBeInTheDocument();
    expect(screen.getByText('#C-204')).toBeInTheDocument();
    const agreement = screen.getByText('Managed services – Gold').closest('tr') as HTMLElement;
    expect(within(agreement).getByText('Rolling')).toBeInTheDocument();
    expect(within(agreement).getByText('90 days')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /Contacts/ }));
    expect(new URLSearchParams(router.state.location.search).get('tab')).toBe('contacts');
    const contact = screen.getByText('Megan Bowen').closest('tr') as HTMLElement;
    expect(within(contact).getByRole('link', { name: 'megan@contoso.test' })).toHaveAttribute(
      'href',
      'mailto:megan@contoso.test',
    );
    expect(within(contact).getByText('Decision maker')).toBeInTheDocument();
  });

  it('lists managed systems with the category names', async () => {
    renderClient(`/clients/${CLIENT_ID}?tab=systems`);
    const system = (await screen.findByText('Microsoft 365 tenant')).closest('tr') as HTMLElement;
    expect(within(system).getByText('Cloud tenant')).toBeInTheDocument();
  });

  it('asks before removing a managed system, and keeps it when told to', async () => {
    const { user, requests } = renderClient(`/clients/${CLIENT_ID}?tab=systems`);
    const dialog = await openRemoveSystem(user);
    expect(within(dialog).getByText(/no longer list a credential/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.some((request) => request.method === 'DELETE')).toBe(false);
    expect(screen.getByText('Microsoft 365 tenant')).toBeInTheDocument();
  });

  it('removes a managed system once confirmed', async () => {
    const path = `/clients/${CLIENT_ID}/managed-systems/44444444-4444-4444-8444-444444444444`;
    const { user, requests } = renderClient(`/clients/${CLIENT_ID}?tab=systems`, {
      handlers: { [`DELETE ${path}`]: () => ({ status: 204 }) },
    });
    const dialog = await openRemoveSystem(user);

    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const removed = requests.filter((request) => request.method === 'DELETE');
    expect(removed.map((request) => request.path)).toEqual([path]);
    expect(await screen.findByText('Microsoft 365 tenant was removed.')).toBeInTheDocument();
  });

  it('shows the records without their actions to whoever may not manage clients', async () => {
    renderClient(`/clients/${CLIENT_ID}?tab=contacts`, { roles: ['technician'] });
    expect(await screen.findByText('Megan Bowen')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
  });

  it('asks for the client’s tickets open first and shows their status', async () => {
    const { requests } = renderClient(`/clients/${CLIENT_ID}?tab=tickets`, {
      handlers: {
        'GET /tickets': () => ({
          items: [
            ticket({}),
            ticket({
              id: '99999999-9999-4999-8999-999999999999',
              number: 'T-2',
              title: 'New laptop',
              status: 'completed',
              closedAt: '2025-05-03T09:30:00.000Z',
            }),
          ],
          total: 2,
          page: 1,
          pageSize: 25,
        }),
      },
    });

    const open = (await screen.findByText('Printer offline')).closest('tr') as HTMLElement;
    expect(within(open).getByText('Open')).toBeInTheDocument();
    const done = screen.getByText('New laptop').closest('tr') as HTMLElement;
    expect(within(done).getByText('Completed')).toBeInTheDocument();
    const asked = requests.find((request) => request.path === '/tickets');
    expect(asked?.query.get('clientId')).toBe(CLIENT_ID);
    expect(asked?.query.get('sort')).toBe('status');
  });

  it('adds a ticket for the client', async () => {
    const { user, requests } = renderClient(`/clients/${CLIENT_ID}?tab=tickets`, {
      handlers: {
        'GET /tickets': () => ({ items: [], total: 0, page: 1, pageSize: 25 }),
        'POST /tickets': () => ({ status: 201, body: ticket({ number: 'T-77' }) }),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Add ticket' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a ticket' });
    await user.type(within(dialog).getByLabelText(/^Number/), 'T-77');
    await user.type(within(dialog).getByLabelText(/^Title/), 'VPN drops');
    await user.click(within(dialog).getByRole('button', { name: 'Add ticket' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const sent = requests.find((request) => request.method === 'POST')?.body;
    expect(sent).toMatchObject({
      clientId: CLIENT_ID,
      number: 'T-77',
      title: 'VPN drops',
      status: 'open',
      priority: 'normal',
    });
    expect(typeof (sent as { openedAt: unknown }).openedAt).toBe('string');
  });

  it('adds a contact with the body the API expects, and reloads the client', async () => {
    const { user, requests } = renderClient(`/clients/${CLIENT_ID}?tab=contacts`, {
      handlers: {
        [`POST /clients/${CLIENT_ID}/contacts`]: (request) => ({
          status: 201,
          body: { id: '12121212-1212-4212-8212-121212121212', ...(request.body as object) },
        }),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Add contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a contact' });

    await user.type(within(dialog).getByLabelText('Email'), 'not-an-email');
    await user.click(within(dialog).getByRole('button', { name: 'Add contact' }));
    expect(within(dialog).getByLabelText(/^Name/)).toHaveAccessibleDescription(/Required/);
    expect(within(dialog).getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await user.type(within(dialog).getByLabelText(/^Name/), 'Adele Vance');
    await user.type(within(dialog).getByLabelText('Job title'), 'IT lead');
    await user.clear(within(dialog).getByLabelText('Email'));
    await user.type(within(dialog).getByLabelText('Email'), 'adele@contoso.test');
    await user.click(within(dialog).getByRole('checkbox', { name: /Technical contact/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add contact' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      name: 'Adele Vance',
      title: 'IT lead',
      email: 'adele@contoso.test',
      phone: null,
      isDecisionMaker: false,
      isTechnicalContact: true,
    });
    await waitFor(() =>
      expect(requests.filter((request) => request.path === `/clients/${CLIENT_ID}`).length).toBe(2),
    );
  });

  it('changes an agreement with only its own fields and shows a refusal beside its field', async () => {
    const { user, requests } = renderClient(`/clients/${CLIENT_ID}`, {
      handlers: {
        [`PATCH /clients/${CLIENT_ID}/agreements/33333333-3333-4333-8333-333333333333`]: () => ({
          status: 400,
          body: {
            type: 'about:blank',
            title: 'Invalid request',
            status: 400,
            detail: 'The term cannot end before the agreement starts.',
            code: 'validation',
            field: 'termEndDate',
          },
        }),
      },
    });
    await user.click(
      await screen.findByRole('button', { name: 'Actions for Managed services – Gold' }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: /Edit Managed services/ });
    await user.type(within(dialog).getByLabelText(/Fixed term ends/), '2022-12-31');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(within(dialog).getByLabelText(/Fixed term ends/)).toHaveAccessibleDescription(
        /cannot end before the agreement starts/,
      ),
    );
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      name: 'Managed services – Gold',
      monthlyRecurringRevenue: 4200,
      startDate: '2023-01-01',
      termEndDate: '2022-12-31',
      noticePeriodDays: 90,
      status: 'active',
      endedOn: null,
    });
  });

  it('lists every closeout with its trigger and status, and offers to open one', async () => {
    const { requests } = renderClient(`/clients/${CLIENT_ID}?tab=closeouts`, {
      handlers: {
        'GET /closeouts': () => ({ items: [terminatedCloseout], total: 1, page: 1, pageSize: 100 }),
      },
    });

    const row = (await screen.findByRole('link', { name: 'CO-2025-0007' })).closest(
      'tr',
    ) as HTMLElement;
    expect(within(row).getByText('Client cancels')).toBeInTheDocument();
    expect(within(row).getByText('Terminated')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CO-2025-0007' })).toHaveAttribute(
      'href',
      `/closeouts/${CLOSEOUT_ID}`,
    );
    expect(requests.find((request) => request.path === '/closeouts')?.query.get('clientId')).toBe(
      CLIENT_ID,
    );
    expect(screen.getByRole('link', { name: 'Open a closeout' })).toHaveAttribute(
      'href',
      `/closeouts/new?clientId=${CLIENT_ID}`,
    );
  });

  it('points to the closeout under way instead of offering another', async () => {
    renderClient(`/clients/${CLIENT_ID}?tab=closeouts`, {
      client: clientDetail({ status: 'in_closeout', openCloseoutId: CLOSEOUT_ID }),
      handlers: {
        'GET /closeouts': () => ({ items: [], total: 0, page: 1, pageSize: 100 }),
      },
    });
    expect(await screen.findByRole('link', { name: 'Go to the open closeout' })).toHaveAttribute(
      'href',
      `/closeouts/${CLOSEOUT_ID}`,
    );
    expect(screen.queryByRole('link', { name: 'Open a closeout' })).not.toBeInTheDocument();
  });

  it('asks for a return before a former client’s next closeout', async () => {
    renderClient(`/clients/${CLIENT_ID}?tab=closeouts`, {
      client: formerClient(),
      handlers: {
        'GET /closeouts': () => ({ items: [terminatedCloseout], total: 1, page: 1, pageSize: 100 }),
      },
    });
    expect(await screen.findByRole('button', { name: 'Open a closeout' })).toHaveAttribute(
      'data-disabled',
    );
    expect(screen.queryByRole('link', { name: 'Open a closeout' })).not.toBeInTheDocument();
  });

  it('offers to record a return only for a former client', async () => {
    renderClient(`/clients/${CLIENT_ID}`);
    await screen.findByRole('heading', { name: /Contoso Pharmaceuticals/ });
    expect(screen.queryByRole('button', { name: 'Record a return' })).not.toBeInTheDocument();
  });

  it('records the return of a former client', async () => {
    const { user, requests } = renderClient(`/clients/${CLIENT_ID}`, {
      client: formerClient(),
      handlers: {
        [`POST /clients/${CLIENT_ID}/returns`]: () => ({
          status: 201,
          body: clientDetail({ status: 'active' }),
        }),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Record a return' }));
    const dialog = await screen.findByRole('dialog', { name: /Record the return/ });
    expect(within(dialog).getByText(/counts for CO-2025-0007/)).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/New agreement/), 'Managed services – Silver');
    const signedOn = within(dialog).getByLabelText(/Signed on/);
    await user.clear(signedOn);
    await user.type(signedOn, '2025-06-01');
    await user.type(within(dialog).getByLabelText(/Monthly recurring revenue/), '1800');
    await user.click(within(dialog).getByRole('button', { name: 'Record return' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      agreementName: 'Managed services – Silver',
      agreementSignedOn: '2025-06-01',
      monthlyRecurringRevenue: 1800,
    });
    // The answer is the client, active again.
    expect(
      await screen.findByRole('heading', { name: 'Contoso Pharmaceuticals Active' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record a return' })).not.toBeInTheDocument();
  });

  it('keeps record returns to the roles allowed them', async () => {
    const { user } = renderClient(`/clients/${CLIENT_ID}`, {
      client: formerClient(),
      roles: ['account_manager'],
    });
    const button = await screen.findByRole('button', { name: 'Record a return' });
    expect(button).toHaveAttribute('data-disabled');
    await user.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says when the client does not exist', async () => {
    fakeApi({});
    renderWithApp(<ClientPage />, { route: `/clients/${CLIENT_ID}`, path: '/clients/:clientId' });
    expect(await screen.findByText(`No fake for GET /clients/${CLIENT_ID}`)).toBeInTheDocument();
  });
});
