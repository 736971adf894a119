import type {
  TDueAnchor,
  TDueRule,
  TLane,
  TMilestone,
  TProcessDefinition,
} from '../blueprint/schema.js';
import { applies } from './applicability.js';
import { type DueAnchors, dueDate } from './calendar.js';
import type { Closeout, IsoDate, IsoDateTime } from './model.js';
import { dueAnchors } from './tasks.js';

/**
 * The closeout's whole plan: every task of every stage with a date, including the stages not
 * reached yet, whose tasks are not generated. A date the engine would compute from what the
 * closeout already knows is `due`; one that counts from a date still to be agreed (the meeting,
 * the session, the termination date) is `projected` from when the process expects that date.
 */

export type PlanDateKind = 'due' | 'projected' | 'none';
/** `planned`: the task's stage is not reached yet, so it has not been generated. */
export type PlanTaskStatus = 'open' | 'done' | 'waived' | 'planned';
export type AnchorKind = 'known' | 'projected' | 'unknown';

export type PlanAnchor = { anchor: TDueAnchor; date: IsoDate | null; kind: AnchorKind };

export type PlanTask = {
  taskKey: string;
  /** The task catalogue's number; null for tasks the definition does not list (win-back). */
  number: string | null;
  stageKey: string;
  name: string;
  lane: TLane;
  roles: string[];
  /** The systems the definition names for the task; none for tasks it does not list. */
  systems: string[];
  required: boolean;
  status: PlanTaskStatus;
  date: IsoDate | null;
  dateKind: PlanDateKind;
  /** The generated task's id; null while it is only planned. */
  taskId: string | null;
  assigneeUserId: string | null;
  completedAt: IsoDateTime | null;
  overdue: boolean;
};

export type PlanStage = {
  key: string;
  code: string;
  name: string;
  date: IsoDate | null;
  dateKind: PlanDateKind;
  reached: boolean;
};

export type ProjectedPlan = {
  anchors: PlanAnchor[];
  stages: PlanStage[];
  tasks: PlanTask[];
};

/** The milestone whose task's due rule says when the process expects an unknown anchor. */
const ANCHOR_MILESTONES: Partial<Record<TDueAnchor, TMilestone>> = {
  meeting: 'meeting_held',
  session: 'session_held',
};

const ANCHOR_ORDER: TDueAnchor[] = ['notice', 'termination', 'meeting', 'session'];

/**
 * Dates for the anchors the closeout does not know yet. The termination date is the earliest the
 * agreements allow; the meeting and the session fall on the due date of the task that records
 * them, or of its stage when that task counts from the anchor itself.
 */
function projectAnchors(
  definition: TProcessDefinition,
  closeout: Closeout,
  known: DueAnchors,
): { anchors: DueAnchors; kinds: Record<TDueAnchor, AnchorKind> } {
  const anchors: DueAnchors = { ...known };
  const kinds = Object.fromEntries(
    ANCHOR_ORDER.map((anchor) => [anchor, known[anchor] === null ? 'unknown' : 'known']),
  ) as Record<TDueAnchor, AnchorKind>;
  if (anchors.termination === null && closeout.earliestTerminationDate !== null) {
    anchors.termination = closeout.earliestTerminationDate;
    kinds.termination = 'projected';
  }
  const ruleFor = (anchor: TDueAnchor): TDueRule | null => {
    const milestone = ANCHOR_MILESTONES[anchor];
    const task = definition.tasks.find((candidate) => candidate.completedWhen === milestone);
    if (milestone === undefined || task === undefined) return null;
    if (task.due !== null && task.due.anchor !== anchor) return task.due;
    const stage = definition.stages.find((candidate) => candidate.key === task.stage);
    return stage?.due != null && stage.due.anchor !== anchor ? stage.due : null;
  };
  // Each pass can settle an anchor that counts from one settled in the pass before.
  for (let pass = 0; pass < ANCHOR_ORDER.length; pass++) {
    for (const anchor of ANCHOR_ORDER) {
      if (anchors[anchor] !== null) continue;
      const date = dueDate(ruleFor(anchor), anchors);
      if (date !== null) {
        anchors[anchor] = date;
        kinds[anchor] = 'projected';
      }
    }
  }
  return { anchors, kinds };
}

function dated(
  rule: TDueRule | null,
  known: DueAnchors,
  projected: DueAnchors,
): { date: IsoDate | null; dateKind: PlanDateKind } {
  const due = dueDate(rule, known);
  if (due !== null) return { date: due, dateKind: 'due' };
  const expected = dueDate(rule, projected);
  return expected === null
    ? { date: null, dateKind: 'none' }
    : { date: expected, dateKind: 'projected' };
}

const isLate = (status: PlanTaskStatus, date: IsoDate | null, today: IsoDate) =>
  (status === 'open' || status === 'planned') && date !== null && date < today;

export function projectPlan(
  definition: TProcessDefinition,
  closeout: Closeout,
  today: IsoDate,
): ProjectedPlan {
  const known = dueAnchors(closeout);
  const { anchors: projected, kinds } = projectAnchors(definition, closeout, known);
  const reachedIndex = definition.stages.findIndex((stage) => stage.key === closeout.stage);
  const generated = new Map(closeout.tasks.map((task) => [task.taskKey, task]));
  const stageOrder = new Map(definition.stages.map((stage, index) => [stage.key, index]));

  const fromDefinition = definition.tasks.flatMap((task): PlanTask[] => {
    const base = {
      taskKey: task.key,
      number: task.number,
      stageKey: task.stage,
      name: task.name,
      lane: task.lane,
      roles: task.roles,
      systems: task.systems,
      required: task.required,
    };
    if (task.entry) {
      return [
        {
          ...base,
          status: 'done',
          date: closeout.noticeReceivedOn,
          dateKind: 'due',
          taskId: null,
          assigneeUserId: null,
          completedAt: closeout.openedAt,
          overdue: false,
        },
      ];
    }
    const existing = generated.get(task.key);
    if (existing === undefined) {
      if (closeout.status !== 'open' || !applies(task.appliesWhen, closeout)) return [];
      const { date, dateKind } = dated(task.due, known, projected);
      return [
        {
          ...base,
          status: 'planned',
          date,
          dateKind,
          taskId: null,
          assigneeUserId: null,
          completedAt: null,
          overdue: isLate('planned', date, today),
        },
      ];
    }
    const { date, dateKind } =
      existing.dueOn !== null
        ? { date: existing.dueOn, dateKind: 'due' as const }
        : dated(task.due, known, projected);
    return [
      {
        ...base,
        name: existing.name,
        status: existing.status,
        date,
        dateKind,
        taskId: existing.id,
        assigneeUserId: existing.assigneeUserId,
        completedAt: existing.completedAt,
        overdue: isLate(existing.status, date, today),
      },
    ];
  });

  const definitionKeys = new Set(definition.tasks.map((task) => task.key));
  const others = closeout.tasks
    .filter((task) => !definitionKeys.has(task.taskKey))
    .map(
      (task): PlanTask => ({
        taskKey: task.taskKey,
        number: null,
        stageKey: task.stageKey,
        name: task.name,
        lane: task.lane,
        roles: task.roles,
        systems: [],
        required: task.required,
        status: task.status,
        date: task.dueOn,
        dateKind: task.dueOn === null ? 'none' : 'due',
        taskId: task.id,
        assigneeUserId: task.assigneeUserId,
        completedAt: task.completedAt,
        overdue: isLate(task.status, task.dueOn, today),
      }),
    );

  const tasks = [...fromDefinition, ...others]
    .map((task, index) => ({ task, index }))
    .sort(
      (a, b) =>
        (stageOrder.get(a.task.stageKey) ?? Number.MAX_SAFE_INTEGER) -
          (stageOrder.get(b.task.stageKey) ?? Number.MAX_SAFE_INTEGER) || a.index - b.index,
    )
    .map(({ task }) => task);

  return {
    anchors: ANCHOR_ORDER.map((anchor) => ({
      anchor,
      date: projected[anchor],
      kind: kinds[anchor],
    })),
    stages: definition.stages.map((stage, index) => ({
      key: stage.key,
      code: stage.code,
      name: stage.name,
      ...dated(stage.due, known, projected),
      reached: index <= reachedIndex,
    })),
    tasks,
  };
}
