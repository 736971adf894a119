import { AppError, illegal } from '../errors.js';
import { stageOf, unmetClosingGates, unmetStageGates } from '../gates.js';
import type { Closeout } from '../model.js';
import { SYSTEM_ACTOR_NAME, winBackTasks } from '../tasks.js';
import { type EngineContext, requireOpen } from './context.js';

/** Moving between stages and ending a closeout. */

/** Moves to the next stage of the definition once the current stage's exit gates hold. */
export function advanceStage(closeout: Closeout, context: EngineContext): Closeout {
  requireOpen(closeout);
  const { stage, next } = stageOf(context.definition, closeout.stage);
  if (next === null) {
    throw illegal(`${stage.code} ${stage.name} is the last stage: close the closeout instead.`);
  }
  const unmet = unmetStageGates(context.definition, closeout);
  if (unmet.length > 0) {
    throw new AppError(
      'gate_unmet',
      `Closeout ${closeout.reference} cannot leave ${stage.code} ${stage.name} yet: ${unmet.map((gate) => gate.name).join('; ')}.`,
      { unmetGates: unmet },
    );
  }
  return { ...closeout, stage: next.key };
}

/** Open tasks of a closeout that ended retained or withdrawn no longer need doing. */
function waiveOpenTasks(closeout: Closeout, reason: string, context: EngineContext): Closeout {
  return {
    ...closeout,
    tasks: closeout.tasks.map((task) =>
      task.status === 'open'
        ? {
            ...task,
            status: 'waived',
            completedAt: context.now,
            completedBy: SYSTEM_ACTOR_NAME,
            waiverReason: reason,
          }
        : task,
    ),
  };
}

/**
 * Ends the closeout as terminated. Only from the last stage, and only when the exit conditions
 * hold: every open ticket completed or cancelled, the credentials and the backup copy received,
 * and responsibility accepted. The refusal lists every unmet condition and what is missing.
 */
export function closeAsTerminated(
  closeout: Closeout,
  input: { note: string },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  const last = context.definition.stages.at(-1)!;
  if (closeout.stage !== last.key) {
    const current = stageOf(context.definition, closeout.stage).stage;
    throw illegal(
      `A closeout closes from its last stage, ${last.code} ${last.name}; ${closeout.reference} is in ${current.code} ${current.name}.`,
    );
  }
  const unmet = unmetClosingGates(context.definition, closeout);
  if (unmet.length > 0) {
    throw new AppError(
      'gate_unmet',
      `Closeout ${closeout.reference} cannot close as terminated: ${unmet.map((gate) => gate.name).join('; ')}.`,
      { unmetGates: unmet },
    );
  }
  const closed: Closeout = {
    ...closeout,
    status: 'terminated',
    endedAt: context.now,
    endNote: input.note,
  };
  return {
    ...closed,
    tasks: [
      ...closed.tasks,
      ...winBackTasks(context.definition, closed, context.now, context.newId),
    ],
  };
}

/** The client withdrew its notice (or the provider its termination) before deactivation. */
export function withdraw(
  closeout: Closeout,
  input: { note: string },
  context: EngineContext,
): Closeout {
  requireOpen(closeout);
  if (closeout.responsibilityAcceptance !== null) {
    throw illegal(
      'The client has already taken over system administration; a withdrawal is no longer possible. Record a return instead once a new agreement is signed.',
    );
  }
  const withdrawn: Closeout = {
    ...closeout,
    status: 'withdrawn',
    endedAt: context.now,
    endNote: input.note,
  };
  return waiveOpenTasks(withdrawn, 'The closeout was withdrawn.', context);
}

export { waiveOpenTasks };
