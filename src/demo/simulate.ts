import type { TProcessDefinition } from '../blueprint/schema.js';
import type { AuditEventInput } from '../db/repositories/audit.js';
import {
  applyCloseoutAction,
  type EngineContext,
  type OpenCloseoutInput,
  openCloseout,
} from '../domain/closeout/index.js';
import { AppError } from '../domain/errors.js';
import type { Actor, Agreement, Closeout, IsoDateTime } from '../domain/model.js';
import { compareText } from './order.js';
import type { Random } from './random.js';
import { later, minutesAfter } from './time.js';

/**
 * Runs a closeout through the pure engine the way the API does — each action wrapped in
 * applyCloseoutAction, one audit event per accepted action — on a simulated clock that only
 * moves forward and stops at the start of today.
 */

export type DemoAuditEvent = AuditEventInput & { at: IsoDateTime };

/** One command, as a user would send it to the API: its audit name, who sends it, what it does. */
export type DemoAction = {
  name: string;
  actor: Actor;
  act: (closeout: Closeout, context: EngineContext) => Closeout;
};

export type Step = {
  /** When the step is planned; its actions happen then, or minutes after the one before. */
  at: IsoDateTime;
  /** The step's actions, read from the closeout as it stands when the step runs. */
  actions: (closeout: Closeout) => DemoAction[];
  /** Further steps that follow from what this one produced (one per ticket pulled, …). */
  followedBy?: (closeout: Closeout) => Step[];
};

export type Opening = {
  input: OpenCloseoutInput;
  agreements: Agreement[];
  actor: Actor;
  at: IsoDateTime;
};

type Queued = Step & { order: number };

const byTime = (left: Queued, right: Queued) =>
  left.at === right.at ? left.order - right.order : compareText(left.at, right.at);

export function simulateCloseout(options: {
  opening: Opening;
  steps: Step[];
  definition: TProcessDefinition;
  /** Nothing happens from this moment on (the start of today). */
  cutoff: IsoDateTime;
  random: Random;
}): { closeout: Closeout; events: DemoAuditEvent[] } {
  const { opening, definition, cutoff, random } = options;
  const contextAt = (now: IsoDateTime, actor: Actor): EngineContext => ({
    definition,
    now,
    actor,
    newId: random.uuid,
  });
  let closeout = openCloseout(
    opening.input,
    opening.agreements,
    contextAt(opening.at, opening.actor),
  );
  const event = (
    action: string,
    actor: Actor,
    at: IsoDateTime,
    before: unknown,
    after: unknown,
  ) => ({
    orgId: closeout.orgId,
    closeoutId: closeout.id,
    entityType: 'closeout',
    entityId: closeout.id,
    action,
    actor,
    before,
    after,
    at,
  });
  const events: DemoAuditEvent[] = [
    event('open_closeout', opening.actor, opening.at, null, closeout),
  ];

  let order = 0;
  const queue: Queued[] = options.steps.map((step) => ({ ...step, order: order++ }));
  queue.sort(byTime);
  let clock = opening.at;
  while (queue.length > 0) {
    const step = queue.shift()!;
    if (step.at >= cutoff) break;
    for (const action of step.actions(closeout)) {
      const now = later(step.at, minutesAfter(clock, random.int(2, 9)));
      if (now >= cutoff) return { closeout, events };
      const context = contextAt(now, action.actor);
      const { closeout: next, change } = runAction(closeout, action, context);
      events.push(event(action.name, action.actor, now, change.before, change.after));
      closeout = next;
      clock = now;
    }
    if (step.followedBy !== undefined) {
      queue.push(...step.followedBy(closeout).map((next) => ({ ...next, order: order++ })));
      queue.sort(byTime);
    }
  }
  return { closeout, events };
}

function runAction(closeout: Closeout, action: DemoAction, context: EngineContext) {
  try {
    return applyCloseoutAction(closeout, (current) => action.act(current, context), context);
  } catch (error) {
    throw new AppError(
      'internal',
      `The demo closeout ${closeout.reference} could not ${action.name} at ${context.now}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
