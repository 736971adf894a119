import { AppError } from '../errors.js';
import type { Closeout } from '../model.js';
import { syncTasks } from '../tasks.js';
import { type CloseoutChange, diffCloseout } from './change.js';
import type { EngineContext } from './context.js';

export type CloseoutActionResult = { closeout: Closeout; change: CloseoutChange };

/**
 * Runs one action on a closeout: the action's own rules, then the tasks brought in line with
 * the new state, and the version moved on. An action that changes nothing is refused, so every
 * accepted command leaves a trace in the audit trail.
 */
export function applyCloseoutAction(
  closeout: Closeout,
  action: (current: Closeout) => Closeout,
  context: EngineContext,
): CloseoutActionResult {
  const acted = action(closeout);
  const next: Closeout = {
    ...acted,
    tasks: syncTasks(context.definition, acted, context),
    version: closeout.version + 1,
  };
  const change = diffCloseout(closeout, next);
  if (Object.keys(change.after).length === 0) {
    throw new AppError('conflict', 'Nothing to change: the closeout already says this.');
  }
  return { closeout: next, change };
}
