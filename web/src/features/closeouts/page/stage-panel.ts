import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';

/**
 * What every stage panel of the closeout page receives. A panel shows and changes one stage's
 * part of the closeout through `useCloseoutAction(closeout)`; the page re-renders it with the
 * closeout the API answered, so gates, tasks and the stepper move together.
 */
export type StagePanelProps = {
  closeout: TCloseoutDetail;
  /** The definition version the closeout is pinned to, with the organisation's own names. */
  definition: TProcessDefinition;
  /** The stage this panel shows (a key of `definition.stages`). */
  stageKey: string;
  /** False once the closeout has ended, or for a stage the closeout has not reached yet. */
  editable: boolean;
};

/** The anchor id of a gate's place on the page, for the "what still blocks closing" links. */
export const gateAnchor = (gateKey: string): string => `gate-${gateKey}`;
