import { forbidden, illegal, invalid } from '../errors.js';
import type { Closeout, CloseoutTask, DeactivationIssue } from '../model.js';
import {
  actorName,
  type EngineContext,
  findPart,
  replacePart,
  requireStageReached,
} from './context.js';

/**
 * Work on the closeout's tasks (the 11b checklist among them) and deactivation issues. Both go
 * on after a terminated closeout has closed: backup data is destroyed after its retention period,
 * and issues count for some weeks after.
 */

function requireWorkable(closeout: Closeout): void {
  if (closeout.status === 'retained' || closeout.status === 'withdrawn') {
    throw illegal(`Closeout ${closeout.reference} ended ${closeout.status}; its tasks are closed.`);
  }
}

/**
 * Whoever runs the process (Service Manager, Technician) works any task; someone who holds
 * neither role, such as Finance, works only the tasks of its own role (billing).
 */
function findWorkableTask(
  closeout: Closeout,
  taskId: string,
  context: EngineContext,
): CloseoutTask {
  const task = findPart(
    closeout.tasks,
    (candidate) => candidate.id === taskId,
    'This task',
    'taskId',
  );
  const { actor } = context;
  if (
    actor.kind === 'user' &&
    !actor.roles.some((role) => role === 'service_manager' || role === 'technician') &&
    !actor.roles.some((role) => task.roles.includes(role))
  ) {
    throw forbidden(`"${task.name}" is not a task of your role.`);
  }
  return task;
}

/** An open task the actor may settle, with its definition (absent for a win-back check-in). */
function openTask(closeout: Closeout, taskId: string, context: EngineContext) {
  requireWorkable(closeout);
  const task = findWorkableTask(closeout, taskId, context);
  if (task.status !== 'open') throw illegal(`"${task.name}" is already ${task.status}.`);
  const source = context.definition.tasks.find((candidate) => candidate.key === task.taskKey);
  return { task, source };
}

function settle(
  closeout: Closeout,
  task: CloseoutTask,
  context: EngineContext,
  outcome: Pick<CloseoutTask, 'status'> & Partial<Pick<CloseoutTask, 'evidence' | 'waiverReason'>>,
): Closeout {
  return {
    ...closeout,
    tasks: replacePart(
      closeout.tasks,
      (candidate) => candidate.id === task.id,
      (current) => ({
        ...current,
        ...outcome,
        completedAt: context.now,
        completedBy: actorName(context.actor),
      }),
    ),
  };
}

export function completeTask(
  closeout: Closeout,
  input: { taskId: string; evidence: string },
  context: EngineContext,
): Closeout {
  const { task, source } = openTask(closeout, input.taskId, context);
  if (source?.completedWhen !== undefined) {
    throw illegal(`"${task.name}" completes itself when the step it tracks is recorded.`);
  }
  if (source?.evidenceRequired && input.evidence.trim() === '') {
    throw invalid(
      'evidence',
      `"${task.name}" needs evidence: say what was done and where it is recorded.`,
    );
  }
  return settle(closeout, task, context, { status: 'done', evidence: input.evidence });
}

export function waiveTask(
  closeout: Closeout,
  input: { taskId: string; reason: string },
  context: EngineContext,
): Closeout {
  const { task, source } = openTask(closeout, input.taskId, context);
  if (source?.gate) {
    throw illegal(`"${task.name}" is a gate of the process and cannot be waived.`);
  }
  if (input.reason.trim() === '') throw invalid('reason', 'Say why the task is waived.');
  return settle(closeout, task, context, { status: 'waived', waiverReason: input.reason });
}

export function assignTask(
  closeout: Closeout,
  input: { taskId: string; assigneeUserId: string | null },
): Closeout {
  requireWorkable(closeout);
  const task = findPart(
    closeout.tasks,
    (candidate) => candidate.id === input.taskId,
    'This task',
    'taskId',
  );
  return {
    ...closeout,
    tasks: replacePart(
      closeout.tasks,
      (candidate) => candidate.id === task.id,
      (current) => ({
        ...current,
        assigneeUserId: input.assigneeUserId,
      }),
    ),
  };
}

/** Problems with the hand-over or the deactivation, counted by the Deactivation Issues KPI. */
export function logDeactivationIssue(
  closeout: Closeout,
  input: { summary: string; description: string; systemName: string | null },
  context: EngineContext,
): Closeout {
  requireWorkable(closeout);
  if (closeout.status === 'open') requireStageReached(context, closeout, 'deactivation_session');
  const issue: DeactivationIssue = {
    id: context.newId(),
    ...input,
    loggedAt: context.now,
    loggedBy: actorName(context.actor),
    resolvedAt: null,
    resolution: '',
  };
  return { ...closeout, deactivationIssues: [...closeout.deactivationIssues, issue] };
}

export function resolveDeactivationIssue(
  closeout: Closeout,
  input: { issueId: string; resolution: string },
  context: EngineContext,
): Closeout {
  requireWorkable(closeout);
  const matches = (issue: DeactivationIssue) => issue.id === input.issueId;
  const issue = findPart(closeout.deactivationIssues, matches, 'This issue', 'issueId');
  if (issue.resolvedAt !== null) throw illegal('The issue is already resolved.');
  return {
    ...closeout,
    deactivationIssues: replacePart(closeout.deactivationIssues, matches, (current) => ({
      ...current,
      resolvedAt: context.now,
      resolution: input.resolution,
    })),
  };
}
