import type { TCloseoutPlan, TPlanTask } from '../../../../../../src/server/reports/schema.js';

/**
 * The geometry of the plan's chart, in whole days: the axis runs from the notice (or the earliest
 * date, or today) to the last date, the termination date or today, with a little room each side.
 * Each task's bar runs from when its sub-process opens (the previous sub-process's date, or the
 * notice) to its own date.
 */

const DAY_MS = 86_400_000;
const toDays = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const fromDays = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

export type PlanAxis = {
  first: string;
  /** Days on the axis, both ends included. */
  length: number;
  /** Pixels per day: narrower when the plan runs over months (win-back check-ins). */
  dayWidth: number;
  /** The offset of a day from the axis's start, in days. */
  offset: (day: string) => number;
  /** Days worth a label: each Monday, or each month's first day on a long axis. */
  ticks: { day: string; offset: number }[];
};

export function planAxis(plan: TCloseoutPlan): PlanAxis {
  const dates = [
    plan.today,
    ...plan.anchors.flatMap((anchor) => (anchor.date === null ? [] : [anchor.date])),
    ...plan.tasks.flatMap((task) => (task.date === null ? [] : [task.date])),
  ].map(toDays);
  const start = Math.min(...dates) - 2;
  const end = Math.max(...dates) + 5;
  const length = end - start + 1;
  const long = length > 120;
  const ticks: PlanAxis['ticks'] = [];
  for (let days = start; days <= end; days++) {
    const date = new Date(days * DAY_MS);
    if (long ? date.getUTCDate() === 1 : date.getUTCDay() === 1) {
      ticks.push({ day: fromDays(days), offset: days - start });
    }
  }
  return {
    first: fromDays(start),
    length,
    dayWidth: long ? 6 : 22,
    offset: (day) => toDays(day) - start,
    ticks,
  };
}

/** Where a task's bar starts: when its sub-process opens, never after the task's own date. */
export function barStart(plan: TCloseoutPlan, task: TPlanTask): string | null {
  if (task.date === null) return null;
  const index = plan.stages.findIndex((stage) => stage.key === task.stageKey);
  const opens =
    plan.stages
      .slice(0, Math.max(index, 0))
      .map((stage) => stage.date)
      .filter((date): date is string => date !== null)
      .at(-1) ??
    plan.anchors.find((anchor) => anchor.anchor === 'notice')?.date ??
    task.date;
  // ISO days sort as text.
  return [opens, task.date].sort()[0] ?? task.date;
}

export type TaskState = 'done' | 'waived' | 'overdue' | 'open' | 'planned';

export function taskState(task: TPlanTask): TaskState {
  if (task.status === 'done' || task.status === 'waived') return task.status;
  if (task.overdue) return 'overdue';
  return task.status;
}

/** What a state says in words, beside its colour: colour is never the only cue. */
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  done: 'Done',
  waived: 'Waived',
  overdue: 'Overdue',
  open: 'Open',
  planned: 'Planned',
};
