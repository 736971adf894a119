import type {
  TDocument,
  TLane,
  TProcessDefinition,
  TRole,
  TStage,
  TSystem,
  TTask,
} from '../../../../../src/blueprint/schema.js';

/**
 * Pure changes to a draft definition, one per thing an administrator can do in the editor.
 * Keys are stable identifiers: a new part gets one made from its name, never reused.
 */

export type CatalogueName = 'roles' | 'systems' | 'documents';
export type CatalogueEntry = TRole | TSystem | TDocument;

/** "Send a farewell gift" → "send_a_farewell_gift", unique among `taken`. */
export function keyFromName(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 56) || 'item';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let suffix = 2;
  while (used.has(`${base}_${suffix}`)) suffix += 1;
  return `${base}_${suffix}`;
}

/** The next free whole task number after the highest one in use. */
export function nextTaskNumber(definition: TProcessDefinition): string {
  const numbers = definition.tasks.map((task) => Number.parseInt(task.number, 10));
  return String(Math.max(0, ...numbers.filter(Number.isFinite)) + 1);
}

export function updateTask(
  definition: TProcessDefinition,
  key: string,
  change: Partial<TTask>,
): TProcessDefinition {
  return {
    ...definition,
    tasks: definition.tasks.map((task) => (task.key === key ? { ...task, ...change } : task)),
  };
}

export function addOptionalTask(
  definition: TProcessDefinition,
  input: { name: string; stage: string; lane: TLane; roles: string[] },
): TProcessDefinition {
  const task: TTask = {
    key: keyFromName(
      input.name,
      definition.tasks.map((existing) => existing.key),
    ),
    number: nextTaskNumber(definition),
    stage: input.stage,
    lane: input.lane,
    name: input.name,
    roles: input.roles,
    systems: [],
    documents: [],
    due: null,
    required: false,
    entry: false,
    gate: false,
    evidenceRequired: false,
  };
  const lastOfStage = definition.tasks.findLastIndex((existing) => existing.stage === input.stage);
  const tasks = [...definition.tasks];
  tasks.splice(lastOfStage + 1, 0, task);
  return { ...definition, tasks };
}

export function removeTask(definition: TProcessDefinition, key: string): TProcessDefinition {
  return { ...definition, tasks: definition.tasks.filter((task) => task.key !== key) };
}

export function updateStage(
  definition: TProcessDefinition,
  key: string,
  change: Partial<TStage>,
): TProcessDefinition {
  return {
    ...definition,
    stages: definition.stages.map((stage) => (stage.key === key ? { ...stage, ...change } : stage)),
  };
}

export function updateCatalogueEntry(
  definition: TProcessDefinition,
  catalogue: CatalogueName,
  key: string,
  change: Partial<CatalogueEntry>,
): TProcessDefinition {
  return {
    ...definition,
    [catalogue]: definition[catalogue].map((entry) =>
      entry.key === key ? { ...entry, ...change } : entry,
    ),
  };
}

export function addCatalogueEntry(
  definition: TProcessDefinition,
  catalogue: CatalogueName,
  input: { name: string; description: string; kind?: TRole['kind'] },
): TProcessDefinition {
  const key = keyFromName(
    input.name,
    definition[catalogue].map((entry) => entry.key),
  );
  const entry =
    catalogue === 'roles'
      ? { key, name: input.name, description: input.description, kind: input.kind ?? 'client' }
      : { key, name: input.name, description: input.description };
  return { ...definition, [catalogue]: [...definition[catalogue], entry] };
}

/** The tasks that name an entry; an entry in use cannot be removed. */
export function tasksUsing(
  definition: TProcessDefinition,
  catalogue: CatalogueName,
  key: string,
): TTask[] {
  return definition.tasks.filter((task) => task[catalogue].includes(key));
}

export function removeCatalogueEntry(
  definition: TProcessDefinition,
  catalogue: CatalogueName,
  key: string,
): TProcessDefinition {
  return {
    ...definition,
    [catalogue]: definition[catalogue].filter((entry) => entry.key !== key),
  };
}
