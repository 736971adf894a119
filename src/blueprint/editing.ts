import { STAFF_ROLES } from '../domain/model.js';
import { sameJson } from './same-json.js';
import type { TProcessDefinition, TTask } from './schema.js';

/**
 * What an administrator may change when publishing a new version of the process, beyond what
 * the schema checks. Names, roles, systems, documents, due-date rules and optional tasks are
 * the organisation's to shape; stages, gates and the tasks gates depend on are how the engine
 * enforces the process, so they stay as the previous version has them.
 */

export type EditingProblem = { path: (string | number)[]; message: string };

/** A task the engine relies on: it cannot be removed, and what makes it so cannot change. */
export const isStructuralTask = (task: TTask) =>
  task.required || task.gate || task.entry || task.completedWhen !== undefined;

const STRUCTURAL_TASK_FIELDS = [
  'stage',
  'required',
  'gate',
  'entry',
  'completedWhen',
  'appliesWhen',
] as const;

const STAFF_ROLE_KEYS = new Set<string>(STAFF_ROLES);

function stageProblems(published: TProcessDefinition, edited: TProcessDefinition) {
  const sameStages =
    published.stages.length === edited.stages.length &&
    published.stages.every((stage, index) => {
      const counterpart = edited.stages[index];
      return (
        counterpart !== undefined &&
        counterpart.key === stage.key &&
        counterpart.code === stage.code &&
        sameJson(counterpart.exitGates, stage.exitGates)
      );
    });
  return sameStages
    ? []
    : [
        {
          path: ['stages'],
          message:
            'The stages, their codes, order and exit gates stay as published; rename them or change their due dates instead.',
        },
      ];
}

function gateProblems(published: TProcessDefinition, edited: TProcessDefinition) {
  const problems: EditingProblem[] = [];
  if (!sameJson(published.gates, edited.gates)) {
    problems.push({
      path: ['gates'],
      message: 'Gates are how Closeout enforces the process and cannot be edited.',
    });
  }
  if (!sameJson(published.closingGates, edited.closingGates)) {
    problems.push({ path: ['closingGates'], message: 'The closing gates cannot be edited.' });
  }
  return problems;
}

function taskProblems(published: TProcessDefinition, edited: TProcessDefinition) {
  const problems: EditingProblem[] = [];
  const editedByKey = new Map(edited.tasks.map((task, index) => [task.key, { task, index }]));
  const publishedKeys = new Set(published.tasks.map((task) => task.key));
  for (const task of published.tasks.filter(isStructuralTask)) {
    const counterpart = editedByKey.get(task.key);
    if (counterpart === undefined) {
      problems.push({
        path: ['tasks'],
        message: `Task ${task.number} "${task.name}" is required by the process and cannot be removed; only optional tasks can.`,
      });
      continue;
    }
    for (const field of STRUCTURAL_TASK_FIELDS) {
      if (!sameJson(task[field], counterpart.task[field])) {
        problems.push({
          path: ['tasks', counterpart.index, field],
          message: `Task ${task.number} "${task.name}": its ${field} is part of how the process is enforced and cannot change.`,
        });
      }
    }
  }
  edited.tasks.forEach((task, index) => {
    if (!publishedKeys.has(task.key) && isStructuralTask(task)) {
      problems.push({
        path: ['tasks', index, 'required'],
        message: `Task "${task.name}" is new: a task added here must be optional, without a gate or an automatic completion.`,
      });
    }
  });
  const numbers = edited.tasks.map((task) => task.number);
  edited.tasks.forEach((task, index) => {
    if (numbers.indexOf(task.number) !== index) {
      problems.push({
        path: ['tasks', index, 'number'],
        message: `Task number ${task.number} is used twice.`,
      });
    }
  });
  return problems;
}

function roleProblems(edited: TProcessDefinition) {
  return edited.roles.flatMap((role, index): EditingProblem[] =>
    role.kind === 'staff' && !STAFF_ROLE_KEYS.has(role.key)
      ? [
          {
            path: ['roles', index, 'key'],
            message: `Role "${role.name}" is a staff role, so it must be one of Closeout's staff roles (${[...STAFF_ROLE_KEYS].join(', ')}); a new role can be a client or a system role.`,
          },
        ]
      : [],
  );
}

function kpiProblems(published: TProcessDefinition, edited: TProcessDefinition) {
  const keys = (definition: TProcessDefinition) => definition.kpis.map((kpi) => kpi.key).sort();
  return sameJson(keys(published), keys(edited))
    ? []
    : [
        {
          path: ['kpis'],
          message:
            'KPIs are computed by Closeout; their names and definitions can be edited, not added or removed.',
        },
      ];
}

/** Every reason `edited` cannot be published as the next version after `published`. */
export function editingProblems(
  published: TProcessDefinition,
  edited: TProcessDefinition,
): EditingProblem[] {
  const problems: EditingProblem[] = [];
  if (edited.key !== published.key) {
    problems.push({ path: ['key'], message: 'The process key cannot change.' });
  }
  return [
    ...problems,
    ...stageProblems(published, edited),
    ...gateProblems(published, edited),
    ...taskProblems(published, edited),
    ...roleProblems(edited),
    ...kpiProblems(published, edited),
  ];
}
