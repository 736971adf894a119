import type { TProcessDefinition } from '../../blueprint/schema.js';
import { AppError, forbidden, illegal } from '../errors.js';
import { stageOf } from '../gates.js';
import type { Actor, Closeout, IsoDateTime, StaffRole } from '../model.js';

/** Everything an action needs besides the closeout and its input; keeps actions pure. */
export type EngineContext = {
  /** The definition version the closeout is pinned to. */
  definition: TProcessDefinition;
  now: IsoDateTime;
  actor: Actor;
  newId: () => string;
};

export function actorName(actor: Actor): string {
  return actor.name;
}

export function requireOpen(closeout: Closeout): void {
  if (closeout.status !== 'open') {
    throw illegal(
      `Closeout ${closeout.reference} has ended (${closeout.status}); it can no longer change.`,
    );
  }
}

/** Refuses an action that belongs to a stage the closeout has not reached yet. */
export function requireStageReached(
  context: EngineContext,
  closeout: Closeout,
  stageKey: string,
): void {
  const current = stageOf(context.definition, closeout.stage);
  const needed = stageOf(context.definition, stageKey);
  if (current.index < needed.index) {
    throw illegal(
      `This belongs to stage ${needed.stage.code} ${needed.stage.name}; closeout ${closeout.reference} is still in ${current.stage.code} ${current.stage.name}.`,
    );
  }
}

export function requireStage(context: EngineContext, closeout: Closeout, stageKey: string): void {
  if (closeout.stage !== stageKey) {
    const needed = stageOf(context.definition, stageKey).stage;
    const current = stageOf(context.definition, closeout.stage).stage;
    throw illegal(
      `This can only be done in stage ${needed.code} ${needed.name}; closeout ${closeout.reference} is in ${current.code} ${current.name}.`,
    );
  }
}

/** Domain rules that name a role (e.g. only an Executive approves a termination). */
export function requireStaffRole(actor: Actor, role: StaffRole, message: string): void {
  if (actor.kind !== 'user' || !actor.roles.includes(role)) throw forbidden(message);
}

/** Finds a part of the closeout by id, or refuses naming the field that held the id. */
export function findPart<T>(
  items: T[],
  matches: (item: T) => boolean,
  what: string,
  field: string,
): T {
  const found = items.find(matches);
  if (found === undefined) {
    throw new AppError('not_found', `${what} is not part of this closeout.`, { field });
  }
  return found;
}

/** Returns `items` with the one matching item replaced by `change(item)`. */
export function replacePart<T>(
  items: T[],
  matches: (item: T) => boolean,
  change: (item: T) => T,
): T[] {
  return items.map((item) => (matches(item) ? change(item) : item));
}
