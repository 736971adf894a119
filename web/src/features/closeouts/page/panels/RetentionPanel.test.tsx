import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REASON_TAXONOMY } from '../../../../../../src/blueprint/reason-taxonomy.js';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import {
  buildCloseoutDetail,
  buildDefinition,
  CLOSEOUT_ID,
  OWNER_ID,
} from '../../../../../test/fixtures/closeout.js';
import {
  type ApiHandlers,
  fakeApi,
  renderWithApp,
  signedInUser,
} from '../../../../../test/render.js';
import { RetentionPanel } from './RetentionPanel.js';

const ACTION = (path: string) => `POST /closeouts/${CLOSEOUT_ID}/${path}`;

function renderPanel(
  closeout: TCloseoutDetail,
  options: { roles?: ReturnType<typeof signedInUser>['roles']; handlers?: ApiHandlers } = {},
) {
  const api = fakeApi({
    'GET /organisation/reason-taxonomy': () => ({
      reasons: DEFAULT_REASON_TAXONOMY.map((reason) =>
        reason.key === 'relationship' ? { ...reason, retired: true } : reason,
      ),
    }),
    'GET /users/directory': () => ({
      users: [{ id: OWNER_ID, name: 'Sam Service', roles: ['service_manager'] }],
    }),
    ...options.handlers,
  });
  const rendered = renderWithApp(
    <RetentionPanel
      closeout={closeout}
      definition={buildDefinition()}
      stageKey="retention_assessment"
      editable
    />,
    options.roles === undefined ? {} : { user: signedInUser({ roles: options.roles }) },
  );
  return { ...rendered, api };
}

const posted = async (api: ReturnType<typeof fakeApi>) =>
  waitFor(() => {
    const request = api.requests.find((candidate) => candidate.method === 'POST');
    expect(request).toBeDefined();
    return request!;
  });

describe('RetentionPanel', () => {
  it('records the reasons from the client reasons of the taxonomy, retired ones left out', async () => {
    const closeout = buildCloseoutDetail();
    const { user, api } = renderPanel(closeout, {
      handlers: { [ACTION('record-reasons')]: () => closeout },
    });

    await user.click(await screen.findByRole('textbox', { name: /Primary reason/ }));
    // Mantine's dropdown stays hidden from the accessibility tree in jsdom (no layout).
    const listbox = await screen.findByRole('listbox', { hidden: true });
    const option = (name: string | RegExp) =>
      within(listbox).queryByRole('option', { name, hidden: true });
    expect(option('Non-payment')).not.toBeInTheDocument();
    expect(option(/Relationship/)).not.toBeInTheDocument();
    await user.click(option('Service quality')!);

    const contributing = screen.getByRole('group', { name: 'Contributing reasons' });
    expect(within(contributing).queryByRole('checkbox', { name: 'Service quality' })).toBeNull();
    await user.click(within(contributing).getByRole('checkbox', { name: 'Responsiveness' }));
    await user.click(within(contributing).getByRole('checkbox', { name: 'Price' }));
    await user.type(
      screen.getByLabelText('Notes from the conversation'),
      'Slow answers since the spring.',
    );
    await user.click(screen.getByRole('button', { name: 'Record the reasons' }));

    const request = await posted(api);
    expect(request.path).toBe(`/closeouts/${CLOSEOUT_ID}/record-reasons`);
    expect(request.headers['if-match']).toBe('"7"');
    expect(request.body).toEqual({
      primary: 'service_quality',
      contributing: ['responsiveness', 'price'],
      notes: 'Slow answers since the spring.',
    });
  });

  it('asks for a primary reason before sending anything', async () => {
    const { user, api } = renderPanel(buildCloseoutDetail());
    await user.click(await screen.findByRole('button', { name: 'Record the reasons' }));
    expect(await screen.findByText('Required')).toBeVisible();
    expect(api.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('keeps a retired reason that was already recorded visible, marked as retired', async () => {
    renderPanel(
      buildCloseoutDetail({
        reasons: { primary: 'relationship', contributing: [], notes: '' },
      }),
    );
    expect(await screen.findByText('Relationship (retired)')).toBeVisible();
  });

  it('offers accepting the cancellation on a client notice, and sends the decision', async () => {
    const closeout = buildCloseoutDetail();
    const { user, api } = renderPanel(closeout, {
      handlers: { [ACTION('decide-retention')]: () => closeout },
    });
    const decision = await screen.findByRole('radiogroup', { name: /Decision/ });
    expect(within(decision).queryByRole('radio', { name: 'Confirm the termination' })).toBeNull();

    await user.click(within(decision).getByRole('radio', { name: 'Accept the cancellation' }));
    await user.type(screen.getByLabelText(/Rationale/), 'Moving in-house; no offer would help.');
    await user.click(screen.getByRole('button', { name: 'Record the decision' }));

    const request = await posted(api);
    expect(request.path).toBe(`/closeouts/${CLOSEOUT_ID}/decide-retention`);
    expect(request.body).toEqual({
      decision: 'accept_cancellation',
      rationale: 'Moving in-house; no offer would help.',
    });
  });

  it('asks for an Executive approval only on a provider termination', async () => {
    renderPanel(buildCloseoutDetail());
    expect(await screen.findByRole('heading', { name: 'Retention decision' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: /Executive approval/ })).not.toBeInTheDocument();
  });

  it('lets an Executive approve a provider termination', async () => {
    const closeout = buildCloseoutDetail({ trigger: 'provider_termination' });
    const { user, api } = renderPanel(closeout, {
      roles: ['executive'],
      handlers: { [ACTION('approve-termination')]: () => closeout },
    });
    const decision = await screen.findByRole('radiogroup', { name: /Decision/ });
    expect(within(decision).getByRole('radio', { name: 'Confirm the termination' })).toBeVisible();
    expect(within(decision).queryByRole('radio', { name: 'Accept the cancellation' })).toBeNull();

    const approval = document.getElementById('gate-termination_approved');
    expect(approval).not.toBeNull();
    await user.type(within(approval!).getByLabelText(/Approval note/), 'Unpaid since August.');
    await user.click(within(approval!).getByRole('button', { name: 'Approve the termination' }));

    const request = await posted(api);
    expect(request.path).toBe(`/closeouts/${CLOSEOUT_ID}/approve-termination`);
    expect(request.body).toEqual({ note: 'Unpaid since August.' });
  });

  it('shows others that an Executive must approve, without letting them', async () => {
    const { user, api } = renderPanel(buildCloseoutDetail({ trigger: 'provider_termination' }));
    const button = await screen.findByRole('button', { name: 'Approve the termination' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(api.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('runs the improvement program once retention is attempted', async () => {
    const closeout = buildCloseoutDetail({
      retention: {
        ...buildCloseoutDetail().retention,
        decision: 'attempt_retention',
        decidedAt: '2026-11-04T10:00:00.000Z',
        decidedBy: 'Sam Service',
      },
    });
    const { user, api } = renderPanel(closeout, {
      handlers: { [ACTION('sip-actions')]: () => closeout },
    });
    const form = await screen.findByRole('form', { name: 'New improvement action' });
    await user.type(
      within(form).getByRole('textbox', { name: /New improvement action/ }),
      'Weekly service review',
    );
    await user.type(within(form).getByLabelText('Due'), '2026-12-01');
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));

    const request = await posted(api);
    expect(request.path).toBe(`/closeouts/${CLOSEOUT_ID}/sip-actions`);
    expect(request.body).toEqual({
      description: 'Weekly service review',
      ownerUserId: null,
      dueOn: '2026-12-01',
    });
    expect(screen.getByRole('button', { name: 'Conclude the program' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('anchors the gates of the stage on the sections that fix them', async () => {
    renderPanel(buildCloseoutDetail({ trigger: 'provider_termination' }));
    await screen.findByRole('heading', { name: 'Retention decision' });
    expect(document.getElementById('gate-retention_resolved')).toHaveTextContent(
      'Retention decision',
    );
    expect(document.getElementById('gate-termination_approved')).toHaveTextContent(
      'Executive approval',
    );
  });
});
