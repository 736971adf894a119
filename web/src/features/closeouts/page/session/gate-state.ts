import type { TGate, TProcessDefinition } from '../../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';

/**
 * Where one gate of the definition stands for a closeout. The API reports the unmet gates of the
 * current stage and the unmet closing gates; a gate of a stage still ahead is not checked yet,
 * and one of a stage already left held when the closeout moved on.
 */
export type GateStatus = 'met' | 'unmet' | 'upcoming' | 'not_applicable';

function applies(gate: TGate, closeout: TCloseoutDetail): boolean {
  const when = gate.appliesWhen;
  if (when === undefined) return true;
  if (when.triggers !== undefined && !when.triggers.includes(closeout.trigger)) return false;
  if (when.retentionAttempted !== undefined) {
    const attempted = closeout.retention.decision === 'attempt_retention';
    if (attempted !== when.retentionAttempted) return false;
  }
  return true;
}

export function gateStatus(
  closeout: TCloseoutDetail,
  definition: TProcessDefinition,
  gateKey: string,
): GateStatus {
  const gate = definition.gates.find((candidate) => candidate.key === gateKey);
  if (gate === undefined || !applies(gate, closeout)) return 'not_applicable';
  const unmet = [...closeout.unmetStageGates, ...closeout.unmetClosingGates];
  if (unmet.some((candidate) => candidate.gate === gateKey)) return 'unmet';
  if (definition.closingGates.includes(gateKey)) return 'met';
  const stageIndex = definition.stages.findIndex((stage) => stage.exitGates.includes(gateKey));
  return stageIndex > closeout.stage.index ? 'upcoming' : 'met';
}
