import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import {
  buildCloseoutDetail,
  buildDefinition,
  CLOSEOUT_ID,
  stageRef,
  unmetGate,
} from '../../../../../test/fixtures/closeout.js';
import { type ApiHandlers, fakeApi, renderWithApp } from '../../../../../test/render.js';
import { TicketReviewPanel } from './TicketReviewPanel.js';

type TTicketReview = TCloseoutDetail['ticketReviews'][number];

const ticketId = (n: number) => `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`;

function review(n: number, overrides: Partial<TTicketReview> = {}): TTicketReview {
  return {
    ticketId: ticketId(n),
    ticketNumber: `T-${String(n).padStart(5, '0')}`,
    title: `Ticket number ${n}`,
    disposition: null,
    reason: '',
    handoverNote: '',
    clientAgreed: false,
    clientAgreedAt: null,
    clientQuestion: null,
    outcome: null,
    outcomeAt: null,
    joinedAt: '2026-11-10T09:00:00.000Z',
    ...overrides,
  };
}

const REVIEWS = [
  review(1, { title: 'Printer offline in reception' }),
  review(2, { title: 'New starter laptop', disposition: 'complete', clientAgreed: true }),
  review(3, {
    title: 'Migrate the old file share',
    disposition: 'cancel',
    reason: 'Incoming provider takes it on',
    clientQuestion: 'Can you at least archive it first?',
  }),
  review(4, {
    title: 'Replace firewall certificate',
    disposition: 'complete',
    clientAgreed: true,
    outcome: 'completed',
    outcomeAt: '2026-11-12T10:00:00.000Z',
  }),
  review(5, {
    title: 'Printer toner order',
    disposition: 'cancel',
    reason: 'No longer needed',
    clientAgreed: true,
    outcome: 'cancelled',
    outcomeAt: '2026-11-12T11:00:00.000Z',
  }),
];

const inReview = (overrides: Partial<TCloseoutDetail> = {}) =>
  buildCloseoutDetail({
    stage: stageRef('ticket_review'),
    ticketsPulledAt: '2026-11-10T09:00:00.000Z',
    ticketReviews: REVIEWS,
    unmetStageGates: [unmetGate('tickets_dispositioned')],
    unmetClosingGates: [unmetGate('tickets_resolved')],
    ...overrides,
  });

function renderPanel(
  closeout: TCloseoutDetail,
  options: { route?: string; handlers?: ApiHandlers } = {},
) {
  const api = fakeApi({ 'GET /users/directory': () => ({ users: [] }), ...options.handlers });
  const rendered = renderWithApp(
    <TicketReviewPanel
      closeout={closeout}
      definition={buildDefinition()}
      stageKey="ticket_review"
      editable
    />,
    { route: options.route ?? '/closeouts/x' },
  );
  return { ...rendered, api };
}

const ticketRows = () =>
  within(screen.getByRole('table', { name: 'Open tickets' }))
    .getAllByRole('row')
    .slice(1);

describe('TicketReviewPanel', () => {
  it('shows the progress towards the gates as the milestones count it', () => {
    renderPanel(inReview());

    expect(
      screen.getByText('2 of 5 tickets resolved (completed or cancelled)'),
    ).toBeInTheDocument();
    const dispositioned = document.getElementById('gate-tickets_dispositioned');
    expect(dispositioned).not.toBeNull();
    expect(within(dispositioned!).getByText('4')).toBeInTheDocument();
    expect(within(dispositioned!).getByText('1 still undecided')).toBeInTheDocument();
    expect(within(dispositioned!).getByText('Gate')).toBeInTheDocument();
    expect(document.getElementById('gate-tickets_resolved')).not.toBeNull();
    expect(screen.getByText('1 questioned by the client')).toBeInTheDocument();
    expect(screen.getByText(/The client questions 1 disposition/)).toBeInTheDocument();
  });

  it('filters by search text and by the client response kept in the URL', async () => {
    const { user, router } = renderPanel(inReview());
    expect(ticketRows()).toHaveLength(5);

    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'printer');
    expect(ticketRows().map((row) => within(row).getByRole('link').textContent)).toEqual([
      'Printer offline in reception',
      'Printer toner order',
    ]);
    expect(router.state.location.search).toContain('ticketSearch=printer');

    await user.clear(screen.getByRole('textbox', { name: 'Search' }));
    await user.click(screen.getByRole('button', { name: 'Show questioned tickets' }));
    const rows = ticketRows();
    expect(rows).toHaveLength(1);
    expect(
      within(rows[0]!).getByText('Client asks: Can you at least archive it first?'),
    ).toBeVisible();
    expect(router.state.location.search).toContain('ticketResponse=questioned');
  });

  it('reads the filter from the URL and says when nothing matches', () => {
    renderPanel(inReview(), { route: '/closeouts/x?ticketSearch=nothing-like-this' });

    expect(screen.getByText('No tickets match')).toBeInTheDocument();
  });

  it('gives every selected ticket one disposition in a single request', async () => {
    const closeout = inReview();
    const { user, api } = renderPanel(closeout, {
      handlers: { [`POST /closeouts/${CLOSEOUT_ID}/ticket-dispositions`]: () => closeout },
    });

    // Settled tickets keep their disposition: they cannot be selected.
    expect(screen.getByRole('checkbox', { name: 'Select ticket T-00004' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket T-00001' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket T-00002' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket T-00003' }));
    expect(screen.getByText('3 selected')).toBeInTheDocument();

    const bulk = screen.getByRole('form', { name: 'Bulk disposition' });
    await user.click(within(bulk).getByRole('radio', { name: 'Cancel' }));
    await user.click(within(bulk).getByRole('button', { name: 'Apply to 3 tickets' }));
    expect(within(bulk).getByText('Say why these tickets are cancelled.')).toBeInTheDocument();
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.type(within(bulk).getByRole('textbox', { name: 'Reason' }), 'Out of scope');
    await user.click(within(bulk).getByRole('button', { name: 'Apply to 3 tickets' }));

    await waitFor(() =>
      expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1),
    );
    const [request] = api.requests.filter((candidate) => candidate.method === 'POST');
    expect(request!.path).toBe(`/closeouts/${CLOSEOUT_ID}/ticket-dispositions`);
    expect(request!.headers['if-match']).toBe(`"${closeout.version}"`);
    expect(request!.body).toEqual({
      dispositions: [
        {
          ticketId: ticketId(1),
          disposition: 'cancel',
          reason: 'Out of scope',
          handoverNote: '',
          clientAgreed: false,
        },
        {
          ticketId: ticketId(2),
          disposition: 'cancel',
          reason: 'Out of scope',
          handoverNote: '',
          clientAgreed: false,
        },
        {
          ticketId: ticketId(3),
          disposition: 'cancel',
          reason: 'Out of scope',
          handoverNote: '',
          clientAgreed: false,
        },
      ],
    });
    await waitFor(() => expect(screen.queryByText('3 selected')).not.toBeInTheDocument());
  });

  it('selects every ticket shown with the header checkbox, and only those the filter shows', async () => {
    const closeout = inReview();
    const { user, api } = renderPanel(closeout, {
      route: '/closeouts/x?ticketDisposition=complete',
      handlers: { [`POST /closeouts/${CLOSEOUT_ID}/ticket-dispositions`]: () => closeout },
    });

    await user.click(screen.getByRole('checkbox', { name: 'Select all tickets shown' }));
    const bulk = screen.getByRole('form', { name: 'Bulk disposition' });
    await user.click(within(bulk).getByRole('button', { name: 'Apply to 1 ticket' }));

    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST')).toBe(true));
    const request = api.requests.find((candidate) => candidate.method === 'POST')!;
    expect(request.body).toEqual({
      dispositions: [
        {
          ticketId: ticketId(2),
          disposition: 'complete',
          reason: '',
          handoverNote: '',
          clientAgreed: true,
        },
      ],
    });
  });

  it('pages through three hundred tickets fifty at a time', async () => {
    const many = Array.from({ length: 300 }, (_, index) => review(index + 1));
    const { user } = renderPanel(inReview({ ticketReviews: many }));

    expect(ticketRows()).toHaveLength(50);
    expect(screen.getByText('300 tickets · showing 1–50')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '6' }));
    expect(screen.getByText('300 tickets · showing 251–300')).toBeInTheDocument();
    expect(within(ticketRows()[0]!).getByText('T-00251')).toBeInTheDocument();
  });

  it('records a cancelled outcome only once the client agreed the cancellation', async () => {
    const closeout = inReview();
    const { user, api } = renderPanel(closeout, {
      route: `/closeouts/x?ticket=${ticketId(3)}`,
      handlers: {
        [`POST /closeouts/${CLOSEOUT_ID}/ticket-reviews/${ticketId(3)}/client-response`]: () =>
          closeout,
      },
    });

    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('The client questions this disposition')).toBeInTheDocument();
    const cancel = within(drawer).getByRole('button', { name: /Close as cancelled/ });
    expect(cancel).toHaveAttribute('aria-disabled', 'true');

    await user.click(within(drawer).getByRole('button', { name: /Client agreed/ }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST')).toBe(true));
    const request = api.requests.find((candidate) => candidate.method === 'POST')!;
    expect(request.path).toBe(
      `/closeouts/${CLOSEOUT_ID}/ticket-reviews/${ticketId(3)}/client-response`,
    );
    expect(request.body).toEqual({ agreed: true, question: null });
  });

  it('offers to pull the tickets before there are any', () => {
    renderPanel(buildCloseoutDetail({ stage: stageRef('ticket_review') }));

    expect(screen.getByText('No tickets in the review yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: "Pull the client's open tickets" })).toBeEnabled();
  });
});
