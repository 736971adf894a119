import { describe, expect, it } from 'vitest';
import {
  ACTORS,
  act,
  atDeactivationSession,
  atTicketReview,
  engineContext,
  NOW,
  openedCloseout,
  readyToClose,
  refusal,
  taskByKey,
} from '../../../test/support/closeout-scenarios.js';
import type { Closeout } from '../model.js';
import type { EngineContext } from './context.js';
import { closeAsTerminated, withdraw } from './lifecycle.js';
import {
  assignTask,
  completeTask,
  logDeactivationIssue,
  resolveDeactivationIssue,
  waiveTask,
} from './tasks.js';

const complete = (closeout: Closeout, taskKey: string, evidence: string, context: EngineContext) =>
  act(
    closeout,
    (c) => completeTask(c, { taskId: taskByKey(c, taskKey).id, evidence }, context),
    context,
  );

const waive = (closeout: Closeout, taskKey: string, reason: string, context: EngineContext) =>
  act(
    closeout,
    (c) => waiveTask(c, { taskId: taskByKey(c, taskKey).id, reason }, context),
    context,
  );

const issue = {
  summary: 'Firewall login fails',
  description: 'Wrong password',
  systemName: 'Firewall',
};

describe('completeTask', () => {
  it('refuses a task that completes itself', () => {
    const context = engineContext();
    const error = refusal(() =>
      complete(openedCloseout('client_notice', context), 't02', '', context),
    );
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe(
      '"Acknowledge the notice in writing" completes itself when the step it tracks is recorded.',
    );
  });

  it('refuses an 11b task without evidence, and records the evidence given', () => {
    const context = engineContext();
    const closeout = readyToClose({ context });
    const error = refusal(() => complete(closeout, 't30', '  ', context));
    expect(error.code).toBe('validation');
    expect(error.field).toBe('evidence');

    const done = complete(closeout, 't30', 'RMM shows 0 agents.', context);
    expect(taskByKey(done, 't30')).toMatchObject({
      status: 'done',
      completedAt: NOW,
      completedBy: 'Sam Service',
      evidence: 'RMM shows 0 agents.',
    });
    expect(refusal(() => complete(done, 't30', 'again', context)).message).toContain(
      'is already done',
    );
  });

  it('lets Finance work only its own tasks', () => {
    const context = engineContext();
    const closeout = readyToClose({ context });
    const asFinance = { ...context, actor: ACTORS.finance };
    const error = refusal(() => complete(closeout, 't30', 'Agents removed.', asFinance));
    expect(error.code).toBe('forbidden');
    expect(refusal(() => waive(closeout, 't30', 'Not needed.', asFinance)).code).toBe('forbidden');

    const billed = complete(closeout, 't37', 'Final invoice INV-981.', asFinance);
    expect(taskByKey(billed, 't37')).toMatchObject({ status: 'done', completedBy: 'Fran Finance' });
  });

  it('lets whoever runs the process work any task', () => {
    const context = engineContext({ actor: ACTORS.technician });
    const closeout = complete(readyToClose({ context }), 't37', 'Final invoice INV-981.', context);
    expect(taskByKey(closeout, 't37').completedBy).toBe('Terry Tech');
  });

  it('goes on after the closeout closed as terminated, but not after it was withdrawn', () => {
    const context = engineContext();
    const closed = act(
      readyToClose({ context }),
      (c) => closeAsTerminated(c, { note: '' }, context),
      context,
    );
    expect(
      taskByKey(complete(closed, 't36', 'Destruction certificate DC-7.', context), 't36').status,
    ).toBe('done');

    const withdrawn = act(
      atDeactivationSession({ context }),
      (c) => withdraw(c, { note: 'Client stays.' }, context),
      context,
    );
    const error = refusal(() => complete(withdrawn, 't25', 'Exported.', context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toBe('Closeout CO-0042 ended withdrawn; its tasks are closed.');
  });
});

describe('waiveTask', () => {
  it('refuses to waive a gate task', () => {
    const context = engineContext();
    const error = refusal(() =>
      waive(openedCloseout('client_notice', context), 't07', 'No need.', context),
    );
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toContain('is a gate of the process and cannot be waived');
  });

  it('waives a task with a reason, and only with one', () => {
    const context = engineContext();
    const closeout = readyToClose({ context });
    const error = refusal(() => waive(closeout, 't37a', ' ', context));
    expect(error.code).toBe('validation');
    expect(error.field).toBe('reason');
    const waived = waive(closeout, 't37a', 'Nothing hosted.', context);
    expect(taskByKey(waived, 't37a')).toMatchObject({
      status: 'waived',
      completedBy: 'Sam Service',
      waiverReason: 'Nothing hosted.',
    });
  });
});

describe('assignTask', () => {
  it('assigns and unassigns', () => {
    const context = engineContext();
    const opened = openedCloseout('client_notice', context);
    const taskId = taskByKey(opened, 't05').id;
    const assigned = act(
      opened,
      (c) => assignTask(c, { taskId, assigneeUserId: 'user-te' }),
      context,
    );
    expect(taskByKey(assigned, 't05').assigneeUserId).toBe('user-te');
    const unassigned = act(
      assigned,
      (c) => assignTask(c, { taskId, assigneeUserId: null }),
      context,
    );
    expect(taskByKey(unassigned, 't05').assigneeUserId).toBeNull();
  });
});

describe('deactivation issues', () => {
  const log = (closeout: Closeout, context: EngineContext) =>
    act(closeout, (c) => logDeactivationIssue(c, issue, context), context);

  it('are refused before the session stage', () => {
    const context = engineContext();
    const error = refusal(() => log(atTicketReview({ context }), context));
    expect(error.code).toBe('illegal_transition');
    expect(error.message).toContain('11a.04');
  });

  it('are logged from the session on, after the close too, and resolved once', () => {
    const context = engineContext();
    const logged = log(atDeactivationSession({ context }), context);
    expect(logged.deactivationIssues).toEqual([
      {
        id: expect.any(String),
        ...issue,
        loggedAt: NOW,
        loggedBy: 'Sam Service',
        resolvedAt: null,
        resolution: '',
      },
    ]);

    const closed = act(
      readyToClose({ context }),
      (c) => closeAsTerminated(c, { note: '' }, context),
      context,
    );
    const afterClose = log(closed, context);
    const issueId = afterClose.deactivationIssues[0]!.id;
    const resolved = act(
      afterClose,
      (c) => resolveDeactivationIssue(c, { issueId, resolution: 'Password reset.' }, context),
      context,
    );
    expect(resolved.deactivationIssues[0]).toMatchObject({
      resolvedAt: NOW,
      resolution: 'Password reset.',
    });
    const twice = refusal(() =>
      act(
        resolved,
        (c) => resolveDeactivationIssue(c, { issueId, resolution: 'Again.' }, context),
        context,
      ),
    );
    expect(twice.message).toBe('The issue is already resolved.');
  });
});
