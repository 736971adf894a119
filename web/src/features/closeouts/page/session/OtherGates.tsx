import type { TMilestone, TProcessDefinition } from '../../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { stageKeyOfGate } from '../gate-links.js';
import { StageSection } from '../panels/StageSection.js';
import { gateStatus } from './gate-state.js';

/**
 * Gates the definition fixes on a stage beyond those its panel has a section for, so a process
 * changed later still shows, and links to, everything that holds the closeout.
 */
export function OtherGates({
  closeout,
  definition,
  stageKey,
  shown,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  stageKey: string;
  /** The milestones the panel's own sections stand for. */
  shown: readonly TMilestone[];
}) {
  const others = definition.gates.filter(
    (gate) => !shown.includes(gate.milestone) && stageKeyOfGate(definition, gate.key) === stageKey,
  );
  return others.map((gate) => (
    <StageSection
      key={gate.key}
      title={gate.name}
      done={gateStatus(closeout, definition, gate.key) === 'met'}
      gateKeys={[gate.key]}
      closeout={closeout}
    >
      {null}
    </StageSection>
  ));
}
