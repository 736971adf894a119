import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import {
  buildCloseoutDetail,
  buildDefinition,
  buildTask,
  CLOSEOUT_ID,
  OWNER_ID,
  stageRef,
} from '../../../../test/fixtures/closeout.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../../test/render.js';
import { DeactivationChecklistPanel } from './panels/DeactivationChecklistPanel.js';
import { TaskChecklist } from './TaskChecklist.js';

const TECHNICIAN_ID = '00000000-0000-4000-8000-000000000002';

function renderChecklist(
  closeout: TCloseoutDetail,
  options: { roles?: ReturnType<typeof signedInUser>['roles'] } = {},
) {
  const api = fakeApi({
    'GET /users/directory': () => ({
      users: [
        { id: OWNER_ID, name: 'Sam Service', roles: ['service_manager'] },
        { id: TECHNICIAN_ID, name: 'Tina Tech', roles: ['technician'] },
      ],
    }),
    [`POST /closeouts/${CLOSEOUT_ID}/tasks/${closeout.tasks[0]!.id}/complete`]: () => closeout,
    [`POST /closeouts/${CLOSEOUT_ID}/tasks/${closeout.tasks[0]!.id}/waive`]: () => closeout,
    [`POST /closeouts/${CLOSEOUT_ID}/tasks/${closeout.tasks[0]!.id}/assign`]: () => closeout,
  });
  const rendered = renderWithApp(
    <TaskChecklist
      closeout={closeout}
      definition={buildDefinition()}
      tasks={closeout.tasks}
      editable
    />,
    options.roles === undefined ? {} : { user: signedInUser({ roles: options.roles }) },
  );
  return { ...rendered, api };
}

const posts = (api: ReturnType<typeof fakeApi>) =>
  api.requests.filter((request) => request.method === 'POST');

const inDeactivation = (tasks: TCloseoutDetail['tasks']) =>
  buildCloseoutDetail({ stage: stageRef('deactivation'), tasks });

describe('TaskChecklist', () => {
  it("shows a task's lane, roles, systems, documents and an overdue date", () => {
    renderChecklist(inDeactivation([buildTask({ taskKey: 't30', overdue: true })]));

    const task = screen.getByRole('listitem');
    expect(within(task).getByText('Backstage')).toBeInTheDocument();
    // The fact's name is read out by screen readers, beside its icon for everyone else.
    const fact = (text: string) =>
      within(task).getByText(
        (_, element) => element?.tagName === 'P' && element.textContent === text,
      );
    expect(fact('Roles: Technician')).toBeInTheDocument();
    expect(fact('Systems: RMM')).toBeInTheDocument();
    expect(fact('Documents: Deactivation checklist')).toBeInTheDocument();
    expect(within(task).getByText(/Overdue ·/)).toBeInTheDocument();
  });

  it('marks a task done with the evidence, which the task requires', async () => {
    const closeout = inDeactivation([buildTask({ taskKey: 't30' })]);
    const { user, api } = renderChecklist(closeout);

    await user.click(screen.getByRole('button', { name: /^Done: / }));
    await user.click(screen.getByRole('button', { name: 'Mark done' }));
    expect(screen.getByText('Say what was done and where it is recorded.')).toBeVisible();
    expect(posts(api)).toHaveLength(0);

    await user.type(
      screen.getByRole('textbox', { name: /Evidence/ }),
      'Agents removed; RMM report attached to ticket T-1234',
    );
    await user.click(screen.getByRole('button', { name: 'Mark done' }));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.path).toBe(
      `/closeouts/${CLOSEOUT_ID}/tasks/${closeout.tasks[0]!.id}/complete`,
    );
    expect(posts(api)[0]!.body).toEqual({
      evidence: 'Agents removed; RMM report attached to ticket T-1234',
    });
  });

  it('waives a task only with a reason', async () => {
    const closeout = inDeactivation([buildTask({ taskKey: 't31' })]);
    const { user, api } = renderChecklist(closeout);

    await user.click(screen.getByRole('button', { name: /^Waive: / }));
    await user.click(screen.getByRole('button', { name: 'Waive task' }));
    expect(screen.getByRole('textbox', { name: /Reason/ })).toHaveAttribute('aria-invalid', 'true');
    expect(posts(api)).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'No remote-access tool used');
    await user.click(screen.getByRole('button', { name: 'Waive task' }));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ reason: 'No remote-access tool used' });
  });

  it('assigns a task to someone from the staff directory', async () => {
    const closeout = inDeactivation([buildTask({ taskKey: 't31' })]);
    const { user, api } = renderChecklist(closeout);

    const assignee = await screen.findByRole('textbox', { name: /Assignee of/ });
    await waitFor(() => expect(assignee).toBeEnabled());
    await user.click(assignee);
    await user.click(await screen.findByRole('option', { name: 'Tina Tech', hidden: true }));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ assigneeUserId: TECHNICIAN_ID });
  });

  it('explains why a gate task cannot be waived and a task that completes itself', () => {
    renderChecklist(inDeactivation([buildTask({ taskKey: 't27' })]));

    expect(screen.queryByRole('button', { name: /^Done: / })).not.toBeInTheDocument();
    expect(
      screen.getByText(/Completes itself when the client confirms every credential/),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: /^Waive: / })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('shows who settled a task and how', () => {
    renderChecklist(
      inDeactivation([
        buildTask({
          taskKey: 't31',
          status: 'waived',
          completedBy: 'Tina Tech',
          completedAt: '2026-12-01T10:00:00.000Z',
          waiverReason: 'No remote-access tool used',
        }),
        buildTask({
          taskKey: 't27',
          status: 'done',
          completedBy: 'Closeout',
          completedAt: '2026-12-01T11:00:00.000Z',
        }),
      ]),
    );

    expect(screen.getByText(/Waived by Tina Tech/)).toBeInTheDocument();
    expect(screen.getByText('No remote-access tool used')).toBeInTheDocument();
    expect(
      screen.getByText(/Completed automatically when the client confirms/),
    ).toBeInTheDocument();
  });

  it('lets someone outside the process roles work only the tasks of their own role', () => {
    renderChecklist(inDeactivation([buildTask({ taskKey: 't31' })]), { roles: ['finance'] });

    expect(screen.getByRole('button', { name: /^Done: / })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});

describe('DeactivationChecklistPanel', () => {
  it("shows the stage's description and its required tasks settled", () => {
    const closeout = inDeactivation([
      buildTask({ taskKey: 't30', status: 'done', completedBy: 'Tina Tech', evidence: 'Done' }),
      buildTask({
        taskKey: 't31',
        status: 'waived',
        completedBy: 'Tina Tech',
        waiverReason: 'n/a',
      }),
      buildTask({ taskKey: 't32' }),
      buildTask({ taskKey: 't26' }),
    ]);
    fakeApi({ 'GET /users/directory': () => ({ users: [] }) });
    renderWithApp(
      <DeactivationChecklistPanel
        closeout={closeout}
        definition={buildDefinition()}
        stageKey="deactivation"
        editable
      />,
    );

    expect(screen.getByText(/Backstage, after or alongside the session/)).toBeInTheDocument();
    expect(screen.getByText('2 of 3 required tasks done or waived')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('keeps the checklist workable after a terminated close, but not after a retained one', () => {
    fakeApi({ 'GET /users/directory': () => ({ users: [] }) });
    const ended = (status: TCloseoutDetail['status']) => (
      <DeactivationChecklistPanel
        closeout={buildCloseoutDetail({
          status,
          stage: stageRef('deactivation'),
          tasks: [buildTask({ taskKey: 't36' })],
        })}
        definition={buildDefinition()}
        stageKey="deactivation"
        editable={false}
      />
    );
    const { unmount } = renderWithApp(ended('terminated'));
    expect(screen.getByRole('button', { name: /^Done: / })).toBeInTheDocument();
    unmount();

    renderWithApp(ended('retained'));
    expect(screen.getByRole('listitem')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Done: / })).not.toBeInTheDocument();
  });
});
