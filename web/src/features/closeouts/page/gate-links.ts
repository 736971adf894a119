import type { TMilestone, TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import { gateAnchor } from './stage-panel.js';

/**
 * Where on the closeout page a gate is fixed: the stage it guards the exit of, or else the stage
 * of the tasks that establish it (closing gates guard no stage). Null for a gate the pinned
 * definition does not know.
 */
export function stageKeyOfGate(definition: TProcessDefinition, gateKey: string): string | null {
  const guarded = definition.stages.find((stage) => stage.exitGates.includes(gateKey));
  if (guarded !== undefined) return guarded.key;
  const gate = definition.gates.find((candidate) => candidate.key === gateKey);
  const firstTask = definition.tasks.find((task) => gate?.tasks.includes(task.key) === true);
  return firstTask?.stage ?? null;
}

/** The link to a gate's place on the page: its stage panel, scrolled to the gate's section. */
export function gateHref(
  definition: TProcessDefinition,
  gateKey: string,
  fallbackStageKey: string,
): string {
  const stageKey = stageKeyOfGate(definition, gateKey) ?? fallbackStageKey;
  return `?stage=${encodeURIComponent(stageKey)}#${gateAnchor(gateKey)}`;
}

/**
 * The gates fixed on one stage's panel whose milestone is among `milestones`, so a section of the
 * panel can carry their anchors whatever the gates are called in this version of the process.
 */
export function gatesFixedIn(
  definition: TProcessDefinition,
  stageKey: string,
  milestones: readonly TMilestone[],
): string[] {
  return definition.gates
    .filter(
      (gate) =>
        milestones.includes(gate.milestone) && stageKeyOfGate(definition, gate.key) === stageKey,
    )
    .map((gate) => gate.key);
}

/** `gatesFixedIn` for one stage, to name each section's gates by their milestones. */
export const stageGates =
  (definition: TProcessDefinition, stageKey: string) =>
  (...milestones: TMilestone[]): string[] =>
    gatesFixedIn(definition, stageKey, milestones);
