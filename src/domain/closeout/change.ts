import type { Closeout } from '../model.js';

/**
 * The parts of a closeout an action changed, as `before` and `after` halves for the audit
 * trail: top-level fields that differ, and within collections only the entries that differ
 * (keyed by their id), so an event reads as what happened rather than a full copy.
 */
export type CloseoutChange = { before: Record<string, unknown>; after: Record<string, unknown> };

const COLLECTION_KEYS = {
  sipActions: 'id',
  ticketReviews: 'ticketId',
  handoverItems: 'id',
  backupCopies: 'id',
  tasks: 'id',
  deactivationIssues: 'id',
} as const;

const IGNORED: ReadonlySet<string> = new Set(['version']);

// Actions copy only what they change, so an untouched part is the very same object.
const same = (left: unknown, right: unknown) =>
  left === right || JSON.stringify(left) === JSON.stringify(right);

function diffCollection<T extends Record<string, unknown>>(
  before: T[],
  after: T[],
  idKey: string,
): CloseoutChange | null {
  const beforeById = new Map(before.map((entry) => [String(entry[idKey]), entry]));
  const afterById = new Map(after.map((entry) => [String(entry[idKey]), entry]));
  const changed: CloseoutChange = { before: {}, after: {} };
  for (const id of new Set([...beforeById.keys(), ...afterById.keys()])) {
    const was = beforeById.get(id) ?? null;
    const is = afterById.get(id) ?? null;
    if (!same(was, is)) {
      changed.before[id] = was;
      changed.after[id] = is;
    }
  }
  return Object.keys(changed.after).length === 0 ? null : changed;
}

export function diffCloseout(before: Closeout, after: Closeout): CloseoutChange {
  const change: CloseoutChange = { before: {}, after: {} };
  for (const key of Object.keys(after) as (keyof Closeout)[]) {
    if (IGNORED.has(key)) continue;
    if (key in COLLECTION_KEYS) {
      const idKey = COLLECTION_KEYS[key as keyof typeof COLLECTION_KEYS];
      const collectionChange = diffCollection(
        before[key] as unknown as Record<string, unknown>[],
        after[key] as unknown as Record<string, unknown>[],
        idKey,
      );
      if (collectionChange !== null) {
        change.before[key] = collectionChange.before;
        change.after[key] = collectionChange.after;
      }
    } else if (!same(before[key], after[key])) {
      change.before[key] = before[key];
      change.after[key] = after[key];
    }
  }
  return change;
}
