import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type {
  TClientDetail,
  TClientSummary,
  TEarliestTermination,
} from '../../../../../src/server/clients/schema.js';
import {
  buildCloseoutDetail,
  buildDefinition,
  CLOSEOUT_ID,
  OWNER_ID,
} from '../../../../test/fixtures/closeout.js';
import { type ApiHandlers, fakeApi, renderWithApp, signedInUser } from '../../../../test/render.js';
import { formatDay, today } from '../../../format.js';
import { NewCloseoutPage } from './NewCloseoutPage.js';

const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
const definition = buildDefinition();

const client = (overrides: Partial<TClientSummary> = {}): TClientSummary => ({
  id: CLIENT_ID,
  name: 'Acme Dental',
  status: 'active',
  clientSince: '2019-04-01',
  industry: 'Healthcare',
  source: 'manual',
  externalId: null,
  monthlyRecurringRevenue: 2400,
  openTickets: 2,
  openCloseoutId: null,
  ...overrides,
});

const detail = (overrides: Partial<TClientDetail> = {}): TClientDetail => ({
  ...client(),
  notes: '',
  createdAt: '2024-01-10T09:00:00.000Z',
  updatedAt: '2025-03-01T09:00:00.000Z',
  contacts: [],
  agreements: [
    {
      id: '33333333-3333-4333-8333-333333333331',
      name: 'Managed services – Gold',
      monthlyRecurringRevenue: 2000,
      startDate: '2023-01-01',
      termEndDate: null,
      noticePeriodDays: 30,
      status: 'active',
      endedOn: null,
    },
    {
      id: '33333333-3333-4333-8333-333333333332',
      name: 'Backup plan',
      monthlyRecurringRevenue: 400,
      startDate: '2024-01-01',
      termEndDate: '2099-12-31',
      noticePeriodDays: 30,
      status: 'active',
      endedOn: null,
    },
  ],
  managedSystems: [],
  closeouts: [],
  returns: [],
  ...overrides,
});

const preview = (noticeReceivedOn: string): TEarliestTermination => ({
  noticeReceivedOn,
  earliestTerminationDate: '2099-12-31',
  mrrAtRisk: 2400,
  activeAgreements: 2,
  agreementEndings: [
    {
      agreementId: '33333333-3333-4333-8333-333333333331',
      name: 'Managed services',
      endsOn: '2099-01-31',
      by: 'notice_period',
      noticePeriodDays: 30,
      setsTheDate: false,
    },
    {
      agreementId: '33333333-3333-4333-8333-333333333332',
      name: 'Backup plan',
      endsOn: '2099-12-31',
      by: 'term_end',
      noticePeriodDays: 30,
      setsTheDate: true,
    },
  ],
});

function newCloseoutApi(extra: ApiHandlers = {}) {
  return fakeApi({
    'GET /process/definition': () => definition,
    'GET /users/directory': () => ({
      users: [
        { id: OWNER_ID, name: 'Sam Service', roles: ['service_manager'] },
        { id: '00000000-0000-4000-8000-000000000002', name: 'Tess Tech', roles: ['technician'] },
      ],
    }),
    'GET /clients': () => ({
      items: [
        client(),
        client({
          id: '22222222-2222-4222-8222-222222222223',
          name: 'Bright Law',
          status: 'in_closeout',
          openCloseoutId: CLOSEOUT_ID,
        }),
      ],
      total: 2,
      page: 1,
      pageSize: 20,
    }),
    [`GET /clients/${CLIENT_ID}`]: () => detail(),
    [`GET /clients/${CLIENT_ID}/earliest-termination-date`]: (request) =>
      preview(request.query.get('noticeReceivedOn') ?? ''),
    ...extra,
  });
}

const fieldNamed = (name: RegExp) => screen.getByRole('textbox', { name });

describe('NewCloseoutPage', () => {
  it('says beside each field what is missing, and sends nothing', async () => {
    const { requests } = newCloseoutApi();
    const { user } = renderWithApp(<NewCloseoutPage />, { route: '/closeouts/new' });

    await user.click(await screen.findByRole('button', { name: 'Open closeout' }));

    expect(fieldNamed(/^Client/)).toHaveAccessibleDescription(/Required/);
    expect(fieldNamed(/^Evidence/)).toHaveAccessibleDescription(/Required/);
    expect(screen.getByRole('radiogroup', { name: /Trigger/ })).toHaveAccessibleDescription(
      /Required/,
    );
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('shows the earliest termination date the API proposes, what sets it, and what an approval needs', async () => {
    const { requests } = newCloseoutApi();
    const { user } = renderWithApp(<NewCloseoutPage />, { route: '/closeouts/new' });

    await user.click(fieldNamed(/^Client/));
    await user.click(await screen.findByRole('option', { name: 'Acme Dental', hidden: true }));

    const proposal = await screen.findByRole('region', { name: 'What this closeout proposes' });
    await waitFor(() => expect(proposal).toHaveTextContent(formatDay('2099-12-31')));
    expect(proposal).toHaveTextContent('Backup plan: its fixed term runs until then');
    expect(proposal).toHaveTextContent('$2,400');
    const asked = requests.find((request) => request.path.endsWith('/earliest-termination-date'));
    expect(asked?.query.get('noticeReceivedOn')).toBe(today());

    const notice = screen.getByLabelText(/^Notice received on/);
    await user.clear(notice);
    await user.type(notice, '2026-02-03');
    await waitFor(() =>
      expect(
        requests
          .filter((request) => request.path.endsWith('/earliest-termination-date'))
          .at(-1)
          ?.query.get('noticeReceivedOn'),
      ).toBe('2026-02-03'),
    );

    expect(screen.queryByText(/needs “Provider termination approved”/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Provider terminates' }));
    const approval = await screen.findByRole('alert', {
      name: /needs “Provider termination approved”/,
    });
    expect(approval).toHaveTextContent(
      'The closeout cannot move on from Internal Retention Assessment until this is done',
    );
    expect(approval).toHaveTextContent(
      /Executive — task 8: Approve a provider-initiated termination/,
    );
  });

  it('opens the closeout for the client of the link, owned by me, and goes to it', async () => {
    const { requests } = newCloseoutApi({
      'POST /closeouts': () => ({ status: 201, body: buildCloseoutDetail() }),
    });
    const { user, router } = renderWithApp(<NewCloseoutPage />, {
      route: `/closeouts/new?clientId=${CLIENT_ID}`,
    });

    await waitFor(() => expect(fieldNamed(/^Client/)).toHaveValue('Acme Dental'));
    await user.click(screen.getByRole('radio', { name: 'Client cancels' }));
    await user.type(fieldNamed(/^Evidence/), 'Email from the practice manager, 3 Feb.');
    await user.click(screen.getByRole('button', { name: 'Open closeout' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/closeouts/${CLOSEOUT_ID}`));
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      clientId: CLIENT_ID,
      trigger: 'client_notice',
      noticeReceivedOn: today(),
      noticeEvidence: 'Email from the practice manager, 3 Feb.',
      ownerUserId: OWNER_ID,
    });
  });

  it('puts the API’s refusal beside the field it names', async () => {
    newCloseoutApi({
      'POST /closeouts': () => ({
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'Acme Dental already has an open closeout.',
          code: 'conflict',
          field: 'clientId',
        },
      }),
    });
    const { user } = renderWithApp(<NewCloseoutPage />, {
      route: `/closeouts/new?clientId=${CLIENT_ID}`,
    });

    await waitFor(() => expect(fieldNamed(/^Client/)).toHaveValue('Acme Dental'));
    await user.click(screen.getByRole('radio', { name: 'Mutual agreement' }));
    await user.type(fieldNamed(/^Evidence/), 'Agreed at the quarterly review.');
    await user.click(screen.getByRole('button', { name: 'Open closeout' }));

    await waitFor(() =>
      expect(fieldNamed(/^Client/)).toHaveAccessibleDescription(
        /Acme Dental already has an open closeout/,
      ),
    );
  });

  it('lets only those who may open a closeout send it', async () => {
    const { requests } = newCloseoutApi();
    const { user } = renderWithApp(<NewCloseoutPage />, {
      route: `/closeouts/new?clientId=${CLIENT_ID}`,
      user: signedInUser({ roles: ['technician'] }),
    });
    const button = await screen.findByRole('button', { name: 'Open closeout' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    expect(within(document.body).queryByText('Required')).not.toBeInTheDocument();
  });
});
