import type { TProcessDefinition } from '../blueprint/schema.js';
import { applies } from './applicability.js';
import type { UnmetGate } from './errors.js';
import { missingFor } from './milestones.js';
import type { Closeout } from './model.js';

/** The gates among `gateKeys` that apply to this closeout and do not hold, in definition order. */
export function unmetGates(
  definition: TProcessDefinition,
  closeout: Closeout,
  gateKeys: readonly string[],
): UnmetGate[] {
  return definition.gates
    .filter((gate) => gateKeys.includes(gate.key) && applies(gate.appliesWhen, closeout))
    .flatMap((gate) => {
      const missing = missingFor(gate.milestone, closeout);
      return missing.length === 0
        ? []
        : [
            {
              gate: gate.key,
              name: gate.name,
              message: gate.unmetMessage,
              missing,
              tasks: gate.tasks,
            },
          ];
    });
}

export function stageOf(definition: TProcessDefinition, stageKey: string) {
  const index = definition.stages.findIndex((stage) => stage.key === stageKey);
  const stage = definition.stages[index];
  if (stage === undefined)
    throw new Error(
      `Stage "${stageKey}" is not in definition ${definition.key} v${definition.version}`,
    );
  return { stage, index, next: definition.stages[index + 1] ?? null };
}

/** What keeps the closeout in its current stage. */
export function unmetStageGates(definition: TProcessDefinition, closeout: Closeout): UnmetGate[] {
  return unmetGates(definition, closeout, stageOf(definition, closeout.stage).stage.exitGates);
}

/** What keeps the closeout from closing as terminated (the process's exit conditions). */
export function unmetClosingGates(definition: TProcessDefinition, closeout: Closeout): UnmetGate[] {
  return unmetGates(definition, closeout, definition.closingGates);
}
