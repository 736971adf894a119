import { notifications } from '@mantine/notifications';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import type { TCloseoutPsaLink, TJob } from '../../../../../../src/server/integrations/schema.js';
import {
  buildCloseoutDetail,
  buildDefinition,
  CLOSEOUT_ID,
  stageRef,
} from '../../../../../test/fixtures/closeout.js';
import {
  type ApiHandlers,
  fakeApi,
  renderWithApp,
  signedInUser,
} from '../../../../../test/render.js';
import { closeoutKeys } from '../../../../api/closeouts.js';
import { buildJob, CONNECTION_ID } from '../../../integrations/test-fixtures.js';
import { TicketReviewPanel } from '../panels/TicketReviewPanel.js';
import { PsaSyncStrip } from './PsaSyncStrip.js';

const SYNC_JOB_ID = '77777777-7777-4777-8777-777777777777';
const ticketId = (n: number) => `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`;

const linked = (overrides: Partial<TCloseoutPsaLink> = {}): TCloseoutPsaLink => ({
  connection: {
    id: CONNECTION_ID,
    vendor: 'connectwise',
    vendorLabel: 'ConnectWise PSA',
    name: 'Contoso CW',
    pushBack: true,
  },
  unavailableReason: null,
  lastSync: null,
  pushes: [],
  ...overrides,
});

const syncJob = (overrides: Partial<TJob> = {}): TJob =>
  buildJob({ id: SYNC_JOB_ID, summary: 'Sync tickets of Contoso', ...overrides });

function renderStrip(
  handlers: ApiHandlers,
  options: { editable?: boolean; user?: ReturnType<typeof signedInUser> } = {},
) {
  const closeout = buildCloseoutDetail({ stage: stageRef('ticket_review') });
  const api = fakeApi(handlers);
  const rendered = renderWithApp(
    <PsaSyncStrip closeout={closeout} editable={options.editable ?? true} />,
    options.user === undefined ? {} : { user: options.user },
  );
  rendered.queryClient.setQueryData(closeoutKeys.detail(closeout.id), closeout);
  const closeoutStale = () =>
    rendered.queryClient.getQueryState(closeoutKeys.detail(closeout.id))?.isInvalidated === true;
  return { ...rendered, api, closeoutStale };
}

describe('PsaSyncStrip', () => {
  afterEach(() => {
    vi.useRealTimers();
    notifications.clean();
  });

  it('names the linked PSA and why the last sync failed', async () => {
    renderStrip({
      [`GET /closeouts/${CLOSEOUT_ID}/psa`]: () =>
        linked({
          lastSync: syncJob({ status: 'failed', lastError: 'ConnectWise answered 503.' }),
        }),
    });

    const strip = await screen.findByRole('region', { name: 'PSA sync' });
    expect(within(strip).getByText('Linked to ConnectWise PSA (Contoso CW)')).toBeInTheDocument();
    expect(
      within(strip).getByText(/The last sync failed .*: ConnectWise answered 503\./),
    ).toBeInTheDocument();
  });

  it('says why a closeout has no PSA sync, and offers none', async () => {
    renderStrip({
      [`GET /closeouts/${CLOSEOUT_ID}/psa`]: () => ({
        connection: null,
        unavailableReason: 'Harbour Dental was added by hand, not brought in from a PSA.',
        lastSync: null,
        pushes: [],
      }),
    });

    expect(
      await screen.findByText('Harbour Dental was added by hand, not brought in from a PSA.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
  });

  it('syncs on demand, stays disabled while the sync runs, then reads the closeout again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let lastSync: TJob | null = null;
    const { user, api, closeoutStale } = renderStrip({
      [`GET /closeouts/${CLOSEOUT_ID}/psa`]: () => linked({ lastSync }),
      [`POST /closeouts/${CLOSEOUT_ID}/psa/sync`]: () => {
        lastSync = syncJob({ status: 'queued', attempts: 0, finishedAt: null });
        return { status: 202, body: { jobId: SYNC_JOB_ID } };
      },
    });

    const strip = await screen.findByRole('region', { name: 'PSA sync' });
    expect(within(strip).getByText('Not synced yet.')).toBeInTheDocument();
    await user.click(within(strip).getByRole('button', { name: 'Sync now' }));

    const busy = await within(strip).findByRole('button', { name: 'Syncing…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    expect(within(strip).getByText('Sync queued…')).toBeInTheDocument();
    expect(closeoutStale()).toBe(false);
    await user.click(busy);
    expect(
      api.requests.filter((request) => request.path === `/closeouts/${CLOSEOUT_ID}/psa/sync`),
    ).toHaveLength(1);

    lastSync = syncJob({ status: 'succeeded', finishedAt: '2026-11-10T09:05:00.000Z' });
    await vi.advanceTimersByTimeAsync(2_100);

    expect(await within(strip).findByRole('button', { name: 'Sync now' })).not.toHaveAttribute(
      'aria-disabled',
    );
    expect(within(strip).getByText(/^Last synced/)).toBeInTheDocument();
    expect(closeoutStale()).toBe(true);
    expect(await screen.findByText('The tickets are in sync with the PSA.')).toBeInTheDocument();
  });

  it('offers no sync to whoever may not sync tickets', async () => {
    renderStrip(
      { [`GET /closeouts/${CLOSEOUT_ID}/psa`]: () => linked() },
      { user: signedInUser({ roles: ['finance'] }) },
    );

    const button = await screen.findByRole('button', { name: 'Sync now' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
  });
});

describe('PSA write-back badges', () => {
  it('says for each ticket whether its outcome reached the PSA', async () => {
    const review = (n: number, title: string): TCloseoutDetail['ticketReviews'][number] => ({
      ticketId: ticketId(n),
      ticketNumber: `T-0000${n}`,
      title,
      disposition: 'cancel',
      reason: 'Out of scope',
      handoverNote: '',
      clientAgreed: true,
      clientAgreedAt: '2026-11-10T09:00:00.000Z',
      clientQuestion: null,
      outcome: 'cancelled',
      outcomeAt: '2026-11-12T10:00:00.000Z',
      joinedAt: '2026-11-10T09:00:00.000Z',
    });
    const closeout = buildCloseoutDetail({
      stage: stageRef('ticket_review'),
      ticketsPulledAt: '2026-11-10T09:00:00.000Z',
      ticketReviews: [
        review(1, 'Old printer'),
        review(2, 'File share'),
        review(3, 'VPN'),
        review(4, 'Closed in the PSA'),
      ],
    });
    fakeApi({
      'GET /users/directory': () => ({ users: [] }),
      [`GET /closeouts/${CLOSEOUT_ID}/psa`]: () =>
        linked({
          pushes: [
            {
              ticketId: ticketId(1),
              pushedAt: '2026-11-12T10:01:00.000Z',
              waiting: false,
              error: null,
            },
            {
              ticketId: ticketId(2),
              pushedAt: null,
              waiting: false,
              error: 'The ticket is locked in the PSA.',
            },
            { ticketId: ticketId(3), pushedAt: null, waiting: true, error: null },
            { ticketId: ticketId(4), pushedAt: null, waiting: false, error: null },
          ],
        }),
    });
    renderWithApp(
      <TicketReviewPanel
        closeout={closeout}
        definition={buildDefinition()}
        stageKey="ticket_review"
        editable
      />,
      { route: '/closeouts/x' },
    );

    const row = (title: string) => screen.getByRole('row', { name: new RegExp(title) });
    expect(await within(row('Old printer')).findByText('Written back to PSA')).toBeInTheDocument();
    expect(
      within(row('File share')).getByText('Write-back failed: The ticket is locked in the PSA.'),
    ).toBeInTheDocument();
    expect(within(row('VPN')).getByText('Waiting to be written back')).toBeInTheDocument();
    expect(within(row('Closed in the PSA')).queryByText(/written back/)).not.toBeInTheDocument();
  });
});
