import type { TProcessDefinition, TTask } from '../blueprint/schema.js';
import { applies } from './applicability.js';
import { addDaysToDate, type DueAnchors, dueDate, toIsoDate } from './calendar.js';
import { stageOf } from './gates.js';
import { isReached } from './milestones.js';
import type { Closeout, CloseoutTask, IsoDateTime } from './model.js';

export const SYSTEM_ACTOR_NAME = 'Closeout';
const NO_LONGER_APPLIES = 'No longer applies to this closeout.';

/** The dates due rules count from, as far as the closeout knows them. */
export function dueAnchors(closeout: Closeout): DueAnchors {
  const { meeting } = closeout;
  const meetingMoment = meeting.heldAt ?? meeting.scheduledAt;
  const sessionMoment = closeout.sessionHeldAt ?? meeting.agreement?.deactivationSessionAt ?? null;
  return {
    notice: closeout.noticeReceivedOn,
    meeting: meetingMoment === null ? null : toIsoDate(meetingMoment),
    termination: meeting.agreement?.terminationDate ?? null,
    session: sessionMoment === null ? null : toIsoDate(sessionMoment),
  };
}

function taskFromDefinition(task: TTask, closeout: Closeout, newId: () => string): CloseoutTask {
  return {
    id: newId(),
    taskKey: task.key,
    stageKey: task.stage,
    name: task.name,
    lane: task.lane,
    roles: task.roles,
    required: task.required,
    dueOn: dueDate(task.due, dueAnchors(closeout)),
    assigneeUserId: null,
    status: 'open',
    completedAt: null,
    completedBy: null,
    evidence: '',
    waiverReason: '',
  };
}

export function winBackTaskKey(days: number): string {
  return `win_back_${days}`;
}

/** Check-ins with a former client after it left, from the definition's win-back schedule. */
export function winBackTasks(
  definition: TProcessDefinition,
  closeout: Closeout,
  closedAt: IsoDateTime,
  newId: () => string,
): CloseoutTask[] {
  const lastStage = definition.stages.at(-1)!;
  return definition.winBackCheckInDays.map((days) => ({
    id: newId(),
    taskKey: winBackTaskKey(days),
    stageKey: lastStage.key,
    name: `Win-back check-in ${days} days after closing`,
    lane: 'onstage',
    roles: ['account_manager'],
    required: false,
    dueOn: addDaysToDate(toIsoDate(closedAt), days, 'calendar'),
    assigneeUserId: closeout.ownerUserId,
    status: 'open',
    completedAt: null,
    completedBy: null,
    evidence: '',
    waiverReason: '',
  }));
}

/**
 * Brings the closeout's tasks in line with the definition and the closeout's state: generates
 * the tasks of every stage reached so far that apply to it, recomputes due dates as the dates
 * they count from become known, completes tasks whose milestone is reached (and reopens them if
 * it no longer is, e.g. a new ticket joined the review), and waives open tasks that stopped
 * applying (a retention attempt replaced by acceptance).
 */
export function syncTasks(
  definition: TProcessDefinition,
  closeout: Closeout,
  context: { now: IsoDateTime; newId: () => string },
): CloseoutTask[] {
  const { index: currentStageIndex } = stageOf(definition, closeout.stage);
  const reachedStages = new Set(
    definition.stages.slice(0, currentStageIndex + 1).map((stage) => stage.key),
  );
  const definitionTasks = new Map(definition.tasks.map((task) => [task.key, task]));
  const anchors = dueAnchors(closeout);
  const isOpen = closeout.status === 'open';

  const existing = closeout.tasks.map((task): CloseoutTask => {
    const source = definitionTasks.get(task.taskKey);
    if (source === undefined) return task;
    if (task.status === 'open' && !applies(source.appliesWhen, closeout)) {
      return {
        ...task,
        status: 'waived',
        completedAt: context.now,
        completedBy: SYSTEM_ACTOR_NAME,
        waiverReason: NO_LONGER_APPLIES,
      };
    }
    // Waived only for not applying, it comes back when it applies again (retention re-attempted).
    if (
      isOpen &&
      task.status === 'waived' &&
      task.waiverReason === NO_LONGER_APPLIES &&
      applies(source.appliesWhen, closeout)
    ) {
      return {
        ...task,
        status: 'open',
        completedAt: null,
        completedBy: null,
        waiverReason: '',
        dueOn: dueDate(source.due, anchors),
      };
    }
    const milestone = source.completedWhen;
    if (milestone !== undefined && isOpen) {
      const reached = isReached(milestone, closeout);
      if (task.status === 'open' && reached) {
        return {
          ...task,
          status: 'done',
          completedAt: context.now,
          completedBy: SYSTEM_ACTOR_NAME,
        };
      }
      if (task.status === 'done' && !reached && task.completedBy === SYSTEM_ACTOR_NAME) {
        return { ...task, status: 'open', completedAt: null, completedBy: null };
      }
    }
    return task.status === 'open' ? { ...task, dueOn: dueDate(source.due, anchors) } : task;
  });

  if (!isOpen) return existing;
  const present = new Set(existing.map((task) => task.taskKey));
  const generated = definition.tasks
    .filter(
      (task) =>
        !task.entry &&
        reachedStages.has(task.stage) &&
        !present.has(task.key) &&
        applies(task.appliesWhen, closeout),
    )
    .map((task) => {
      const generatedTask = taskFromDefinition(task, closeout, context.newId);
      return task.completedWhen !== undefined && isReached(task.completedWhen, closeout)
        ? {
            ...generatedTask,
            status: 'done' as const,
            completedAt: context.now,
            completedBy: SYSTEM_ACTOR_NAME,
          }
        : generatedTask;
    });
  return [...existing, ...generated];
}

/** Open tasks whose due date has passed, as of `today`. */
export function isOverdue(task: CloseoutTask, today: string): boolean {
  return task.status === 'open' && task.dueOn !== null && task.dueOn < today;
}
