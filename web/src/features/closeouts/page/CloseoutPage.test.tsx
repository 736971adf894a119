import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REASON_TAXONOMY } from '../../../../../src/blueprint/reason-taxonomy.js';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import {
  buildCloseoutDetail,
  buildDefinition,
  buildTimelineEvent,
  CLOSEOUT_ID,
  OWNER_ID,
  stageRef,
  unmetGate,
} from '../../../../test/fixtures/closeout.js';
import { type ApiHandlers, fakeApi, renderWithApp, signedInUser } from '../../../../test/render.js';
import { CloseoutPage } from './CloseoutPage.js';

const DETAIL = `GET /closeouts/${CLOSEOUT_ID}`;

function renderPage(
  closeout: TCloseoutDetail,
  options: {
    definition?: TProcessDefinition;
    search?: string;
    handlers?: ApiHandlers;
    roles?: ReturnType<typeof signedInUser>['roles'];
  } = {},
) {
  const api = fakeApi({
    [DETAIL]: () => closeout,
    'GET /process/definitions/msp-11a/1': () => options.definition ?? buildDefinition(),
    'GET /users/directory': () => ({
      users: [{ id: OWNER_ID, name: 'Sam Service', roles: ['service_manager'] }],
    }),
    'GET /organisation/reason-taxonomy': () => ({ reasons: DEFAULT_REASON_TAXONOMY }),
    [`GET /closeouts/${CLOSEOUT_ID}/timeline`]: () => ({ items: [], nextBefore: null }),
    ...options.handlers,
  });
  const rendered = renderWithApp(<CloseoutPage />, {
    route: `/closeouts/${CLOSEOUT_ID}${options.search ?? ''}`,
    path: '/closeouts/:closeoutId',
    ...(options.roles === undefined ? {} : { user: signedInUser({ roles: options.roles }) }),
  });
  return { ...rendered, api };
}

/** An open closeout in the last stage, as it stands once every exit condition holds. */
const readyToClose = () =>
  buildCloseoutDetail({ stage: stageRef('deactivation'), terminationDate: '2027-01-31' });

describe('CloseoutPage', () => {
  it('shows the stages of the pinned definition, marking done, current and upcoming', async () => {
    const definition = buildDefinition();
    definition.stages[1]!.name = 'Farewell meeting';
    renderPage(buildCloseoutDetail({ stage: stageRef('closeout_meeting') }), { definition });

    const stepper = await screen.findByRole('navigation', { name: 'Stages' });
    const steps = within(stepper).getAllByRole('link');
    expect(steps).toHaveLength(definition.stages.length);
    expect(steps[0]).toHaveTextContent('Internal Retention AssessmentDone');
    expect(steps[1]).toHaveTextContent('Farewell meetingCurrent stage');
    expect(steps[1]).toHaveAttribute('aria-current', 'page');
    expect(steps[4]).toHaveTextContent('11bService DeactivationUpcoming');
  });

  it('shows the stage chosen in the URL, and another when a step is clicked', async () => {
    const { user, router } = renderPage(buildCloseoutDetail(), {
      search: '?stage=closeout_meeting',
    });
    expect(await screen.findByRole('heading', { name: 'Schedule the meeting' })).toBeVisible();

    const stepper = screen.getByRole('navigation', { name: 'Stages' });
    await user.click(within(stepper).getByRole('link', { name: /Internal Retention Assessment/ }));

    expect(router.state.location.search).toBe('?stage=retention_assessment');
    expect(await screen.findByRole('heading', { name: 'Retention decision' })).toBeVisible();
  });

  it('lists what still blocks closing, each linked to the stage and gate that fix it', async () => {
    renderPage(
      buildCloseoutDetail({
        stage: stageRef('ticket_review'),
        unmetStageGates: [
          unmetGate('tickets_dispositioned', ['Ticket T-00042 has no disposition']),
        ],
        unmetClosingGates: [
          unmetGate('tickets_resolved', ['Ticket T-00042 “Printer offline” is still open']),
          unmetGate('credentials_confirmed', ['No credential has been handed over yet']),
        ],
      }),
      { search: '?tab=timeline' },
    );

    const blockers = await screen.findByRole('region', { name: 'What still blocks closing' });
    expect(
      within(blockers).getByRole('link', { name: 'Every open ticket has a disposition' }),
    ).toHaveAttribute(
      'href',
      `/closeouts/${CLOSEOUT_ID}?stage=ticket_review#gate-tickets_dispositioned`,
    );
    expect(
      within(blockers).getByRole('link', { name: 'Every open ticket completed or cancelled' }),
    ).toHaveAttribute(
      'href',
      `/closeouts/${CLOSEOUT_ID}?stage=ticket_review#gate-tickets_resolved`,
    );
    expect(
      within(blockers).getByRole('link', { name: 'Administration credentials received' }),
    ).toHaveAttribute(
      'href',
      `/closeouts/${CLOSEOUT_ID}?stage=deactivation_session#gate-credentials_confirmed`,
    );
    expect(
      within(blockers).getByText('Ticket T-00042 “Printer offline” is still open'),
    ).toBeVisible();
    expect(
      within(blockers).getByRole('button', {
        name: /Advance to 11a.04 Service Deactivation Session/,
      }),
    ).toHaveAttribute('aria-disabled', 'true');
  });

  it('follows a blocker link to its stage panel and the gate section', async () => {
    const { user, router } = renderPage(
      buildCloseoutDetail({ unmetStageGates: [unmetGate('retention_resolved')] }),
      { search: '?tab=timeline' },
    );
    const blockers = await screen.findByRole('region', { name: 'What still blocks closing' });

    await user.click(within(blockers).getByRole('link', { name: 'Retention resolved' }));

    expect(router.state.location.search).toBe('?stage=retention_assessment');
    expect(router.state.location.hash).toBe('#gate-retention_resolved');
    await waitFor(() =>
      expect(document.getElementById('gate-retention_resolved')).toHaveTextContent(
        'Retention decision',
      ),
    );
  });

  it('keeps Close disabled while closing gates are unmet, and sends nothing', async () => {
    const closeout = { ...readyToClose(), unmetClosingGates: [unmetGate('backup_received')] };
    const { user, api } = renderPage(closeout, { search: '?tab=timeline' });

    const close = await screen.findByRole('button', { name: 'Close as terminated' });
    expect(close).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText(/once nothing listed above blocks it/)).toBeVisible();
    await user.click(close);

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('explains that a closeout closes only from its last stage', async () => {
    renderPage(buildCloseoutDetail({ stage: stageRef('deactivation_session') }), {
      search: '?tab=timeline',
    });
    expect(await screen.findByRole('button', { name: 'Close as terminated' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByText(/closes from its last stage, 11b Service Deactivation/)).toBeVisible();
  });

  it('closes with the version it shows once nothing blocks it', async () => {
    const closed = { ...readyToClose(), status: 'terminated' as const, version: 8 };
    const { user, api } = renderPage(readyToClose(), {
      search: '?tab=timeline',
      handlers: { [`POST /closeouts/${CLOSEOUT_ID}/close`]: () => closed },
    });
    expect(await screen.findByText('Nothing blocks closing.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Close as terminated' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close CO-0042 as terminated' });
    await user.type(within(dialog).getByLabelText('Closing note'), 'Handed over cleanly.');
    await user.click(within(dialog).getByRole('button', { name: 'Close as terminated' }));

    const post = await waitFor(() => {
      const found = api.requests.find((request) => request.method === 'POST');
      expect(found).toBeDefined();
      return found!;
    });
    expect(post.path).toBe(`/closeouts/${CLOSEOUT_ID}/close`);
    expect(post.headers['if-match']).toBe('"7"');
    expect(post.body).toEqual({ note: 'Handed over cleanly.' });
    expect(await screen.findByRole('region', { name: 'Outcome' })).toHaveTextContent('Terminated');
  });

  it('keeps a refusal in the dialog and reloads a closeout someone else changed', async () => {
    const { user, api } = renderPage(readyToClose(), {
      search: '?tab=timeline',
      handlers: {
        [`POST /closeouts/${CLOSEOUT_ID}/close`]: () => ({
          status: 409,
          body: {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'stale_version',
            detail: 'This closeout was changed by someone else. Reload it and try again.',
          },
        }),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Close as terminated' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Close as terminated' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('changed by someone else');
    await waitFor(() =>
      expect(
        api.requests.filter((request) => request.path === `/closeouts/${CLOSEOUT_ID}`),
      ).toHaveLength(2),
    );
  });

  it('advances to the next stage once its gates hold', async () => {
    const { user, api } = renderPage(buildCloseoutDetail(), {
      search: '?tab=timeline',
      handlers: {
        [`POST /closeouts/${CLOSEOUT_ID}/advance-stage`]: () =>
          buildCloseoutDetail({ stage: stageRef('closeout_meeting'), version: 8 }),
      },
    });
    await user.click(
      await screen.findByRole('button', { name: 'Advance to 11a.02 Service Closeout Meeting' }),
    );
    await waitFor(() =>
      expect(api.requests.find((request) => request.method === 'POST')).toMatchObject({
        path: `/closeouts/${CLOSEOUT_ID}/advance-stage`,
        headers: { 'if-match': '"7"' },
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Schedule the meeting' })).toBeVisible();
  });

  it('withdraws only for those allowed to', async () => {
    renderPage(buildCloseoutDetail(), { search: '?tab=timeline', roles: ['technician'] });
    expect(await screen.findByRole('button', { name: 'Withdraw…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('tells the timeline as sentences, newest first, and loads older events', async () => {
    const { user, api } = renderPage(buildCloseoutDetail(), {
      search: '?tab=timeline',
      handlers: {
        [`GET /closeouts/${CLOSEOUT_ID}/timeline`]: (request) =>
          request.query.get('before') === null
            ? {
                items: [
                  buildTimelineEvent({
                    id: 12,
                    action: 'decide_retention',
                    before: { retention: { decision: null } },
                    after: { retention: { decision: 'attempt_retention' } },
                  }),
                ],
                nextBefore: 12,
              }
            : { items: [buildTimelineEvent({ id: 3 })], nextBefore: null },
      },
    });
    const timeline = await screen.findByRole('tabpanel', { name: 'Timeline' });
    expect(await within(timeline).findByText(/decided: Attempt retention/)).toBeVisible();
    expect(within(timeline).getByText('Retention: decision:')).toBeVisible();

    await user.click(within(timeline).getByRole('button', { name: 'Load older events' }));

    expect(await within(timeline).findByText(/opened the closeout/)).toBeVisible();
    expect(api.requests.at(-1)?.query.get('before')).toBe('12');
  });

  it('says so when the closeout does not exist', async () => {
    renderPage(buildCloseoutDetail(), {
      handlers: {
        [DETAIL]: () => ({
          status: 404,
          body: {
            type: 'about:blank',
            title: 'Not found',
            status: 404,
            code: 'not_found',
            detail: 'The closeout does not exist.',
          },
        }),
      },
    });
    expect(await screen.findByText('This closeout does not exist')).toBeVisible();
    expect(screen.getByRole('link', { name: 'All closeouts' })).toHaveAttribute(
      'href',
      '/closeouts',
    );
  });
});
