import { sameJson } from './same-json.js';
import type { TProcessDefinition } from './schema.js';

/**
 * What changed between two versions of a process definition, part by part and field by field:
 * the review an administrator reads before publishing, and the history of every version.
 */

export const DEFINITION_COLLECTIONS = [
  'stages',
  'tasks',
  'roles',
  'systems',
  'documents',
  'gates',
  'kpis',
] as const;
export type DefinitionCollection = (typeof DEFINITION_COLLECTIONS)[number];

export type DefinitionFieldChange = { field: string; before: unknown; after: unknown };

export type DefinitionChange = {
  /** `process` for the definition's own fields (name, objectives, check-in days, …). */
  collection: DefinitionCollection | 'process';
  kind: 'added' | 'removed' | 'changed';
  key: string;
  /** The part's name as the newer version has it (the older one's when removed). */
  name: string;
  fields: DefinitionFieldChange[];
};

type Keyed = { key: string; name: string };

/** Fields that identify a definition version rather than describe the process. */
const VERSION_FIELDS = new Set(['key', 'version']);

function fieldChanges(before: object, after: object, ignored: Set<string>) {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => !ignored.has(field),
  );
  return fields.flatMap((field): DefinitionFieldChange[] => {
    const was: unknown = (before as Record<string, unknown>)[field];
    const is: unknown = (after as Record<string, unknown>)[field];
    return sameJson(was, is) ? [] : [{ field, before: was ?? null, after: is ?? null }];
  });
}

function collectionChanges(
  collection: DefinitionCollection,
  before: readonly Keyed[],
  after: readonly Keyed[],
): DefinitionChange[] {
  const beforeByKey = new Map(before.map((part) => [part.key, part]));
  const afterKeys = new Set(after.map((part) => part.key));
  const addedOrChanged = after.flatMap((part): DefinitionChange[] => {
    const previous = beforeByKey.get(part.key);
    if (previous === undefined) {
      return [{ collection, kind: 'added', key: part.key, name: part.name, fields: [] }];
    }
    const fields = fieldChanges(previous, part, new Set(['key']));
    return fields.length === 0
      ? []
      : [{ collection, kind: 'changed', key: part.key, name: part.name, fields }];
  });
  const removed = before
    .filter((part) => !afterKeys.has(part.key))
    .map(
      (part): DefinitionChange => ({
        collection,
        kind: 'removed',
        key: part.key,
        name: part.name,
        fields: [],
      }),
    );
  return [...addedOrChanged, ...removed];
}

/** The definition's own fields: everything but its parts and its version. */
function processFieldsOf(definition: TProcessDefinition): object {
  const parts = new Set<string>(DEFINITION_COLLECTIONS);
  return Object.fromEntries(
    Object.entries(definition).filter(([field]) => !parts.has(field) && !VERSION_FIELDS.has(field)),
  );
}

/** Every difference from `before` to `after`; empty when they describe the same process. */
export function diffDefinitions(
  before: TProcessDefinition,
  after: TProcessDefinition,
): DefinitionChange[] {
  const processFields = fieldChanges(processFieldsOf(before), processFieldsOf(after), new Set());
  const processChange: DefinitionChange[] =
    processFields.length === 0
      ? []
      : [
          {
            collection: 'process',
            kind: 'changed',
            key: after.key,
            name: after.name,
            fields: processFields,
          },
        ];
  return [
    ...processChange,
    ...DEFINITION_COLLECTIONS.flatMap((collection) =>
      collectionChanges(collection, before[collection], after[collection]),
    ),
  ];
}
