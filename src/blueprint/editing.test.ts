import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from './default-definition.js';
import { diffDefinitions } from './diff.js';
import { editingProblems } from './editing.js';
import { type TProcessDefinition, type TTask, ZProcessDefinition } from './schema.js';

const edit = (change: (draft: TProcessDefinition) => void): TProcessDefinition => {
  const draft = structuredClone(DEFAULT_DEFINITION);
  change(draft);
  return ZProcessDefinition.parse(draft);
};

const firstTask = (predicate: (task: TTask) => boolean): TTask => {
  const task = DEFAULT_DEFINITION.tasks.find(predicate);
  if (task === undefined) throw new Error('the default definition has no such task');
  return task;
};

const optionalTask = firstTask((task) => !task.required && !task.gate && !task.entry);
const requiredTask = firstTask((task) => task.required && !task.gate);

const newOptionalTask: TTask = {
  key: 'send_farewell_gift',
  number: '90',
  stage: 'deactivation_session',
  lane: 'onstage',
  name: 'Send a farewell gift',
  roles: ['account_manager'],
  systems: [],
  documents: [],
  due: { anchor: 'session', offsetDays: 1, days: 'business' },
  required: false,
  entry: false,
  gate: false,
  evidenceRequired: false,
};

describe('diffDefinitions', () => {
  it('finds nothing between a definition and itself', () => {
    expect(diffDefinitions(DEFAULT_DEFINITION, structuredClone(DEFAULT_DEFINITION))).toEqual([]);
  });

  it('names each changed field of a part with its before and after', () => {
    const edited = edit((draft) => {
      const task = draft.tasks.find((candidate) => candidate.key === requiredTask.key);
      if (task === undefined) throw new Error('missing task');
      task.name = 'Phone the client';
      task.due = { anchor: 'notice', offsetDays: 2, days: 'calendar' };
    });
    expect(diffDefinitions(DEFAULT_DEFINITION, edited)).toEqual([
      {
        collection: 'tasks',
        kind: 'changed',
        key: requiredTask.key,
        name: 'Phone the client',
        fields: [
          { field: 'name', before: requiredTask.name, after: 'Phone the client' },
          {
            field: 'due',
            before: requiredTask.due,
            after: { anchor: 'notice', offsetDays: 2, days: 'calendar' },
          },
        ],
      },
    ]);
  });

  it('lists added and removed parts and changes of the process itself, ignoring the version', () => {
    const edited = edit((draft) => {
      draft.version = 7;
      draft.winBackCheckInDays = [60];
      draft.tasks = draft.tasks.filter((task) => task.key !== optionalTask.key);
      draft.tasks.push(newOptionalTask);
      draft.systems.push({ key: 'sharepoint', name: 'SharePoint', description: 'Handover files' });
    });
    const changes = diffDefinitions(DEFAULT_DEFINITION, edited);
    expect(changes.map(({ collection, kind, key }) => `${collection} ${kind} ${key}`)).toEqual([
      `process changed ${DEFAULT_DEFINITION.key}`,
      'tasks added send_farewell_gift',
      `tasks removed ${optionalTask.key}`,
      'systems added sharepoint',
    ]);
    expect(changes[0]?.fields).toEqual([
      { field: 'winBackCheckInDays', before: DEFAULT_DEFINITION.winBackCheckInDays, after: [60] },
    ]);
  });
});

describe('editingProblems', () => {
  it('accepts renamed tasks, new due rules, new systems and optional tasks added or removed', () => {
    const edited = edit((draft) => {
      draft.tasks = draft.tasks
        .filter((task) => task.key !== optionalTask.key)
        .map((task) => ({ ...task, name: `${task.name} (ours)` }));
      draft.tasks.push(newOptionalTask);
      draft.systems.push({ key: 'sharepoint', name: 'SharePoint', description: '' });
      draft.roles.push({ key: 'auditor', name: 'Auditor', kind: 'client', description: '' });
    });
    expect(editingProblems(DEFAULT_DEFINITION, edited)).toEqual([]);
  });

  it('refuses to remove a required task, naming it', () => {
    const edited = edit((draft) => {
      draft.tasks = draft.tasks.filter((task) => task.key !== requiredTask.key);
      for (const gate of draft.gates) {
        gate.tasks = gate.tasks.filter((key) => key !== requiredTask.key);
      }
      for (const kpi of draft.kpis) {
        kpi.tasks = kpi.tasks?.filter((key) => key !== requiredTask.key);
      }
    });
    expect(editingProblems(DEFAULT_DEFINITION, edited)).toContainEqual({
      path: ['tasks'],
      message: `Task ${requiredTask.number} "${requiredTask.name}" is required by the process and cannot be removed; only optional tasks can.`,
    });
  });

  it('refuses a new task that is required, and a required task made optional', () => {
    const edited = edit((draft) => {
      draft.tasks.push({ ...newOptionalTask, required: true });
      const task = draft.tasks.find((candidate) => candidate.key === requiredTask.key);
      if (task !== undefined) task.required = false;
    });
    const paths = editingProblems(DEFAULT_DEFINITION, edited).map((problem) =>
      problem.path.join('.'),
    );
    const requiredIndex = edited.tasks.findIndex((task) => task.key === requiredTask.key);
    expect(paths).toContain(`tasks.${requiredIndex}.required`);
    expect(paths).toContain(`tasks.${edited.tasks.length - 1}.required`);
  });

  it('keeps stages, gates and KPIs in place and staff roles among the product roles', () => {
    const edited = edit((draft) => {
      draft.stages.reverse();
      const [gate] = draft.gates;
      if (gate !== undefined) gate.unmetMessage = 'Something else';
      draft.kpis.pop();
      draft.roles.push({ key: 'intern', name: 'Intern', kind: 'staff', description: '' });
    });
    const paths = editingProblems(DEFAULT_DEFINITION, edited).map((problem) =>
      problem.path.join('.'),
    );
    expect(paths).toEqual(
      expect.arrayContaining(['stages', 'gates', 'kpis', `roles.${edited.roles.length - 1}.key`]),
    );
  });

  it('refuses a task number used twice', () => {
    const edited = edit((draft) => {
      draft.tasks.push({ ...newOptionalTask, number: requiredTask.number });
    });
    expect(editingProblems(DEFAULT_DEFINITION, edited)).toContainEqual({
      path: ['tasks', edited.tasks.length - 1, 'number'],
      message: `Task number ${requiredTask.number} is used twice.`,
    });
  });
});
