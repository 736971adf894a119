import { Stack } from '@mantine/core';
import { stageGates } from '../gate-links.js';
import type { StagePanelProps } from '../stage-panel.js';
import { ApprovalSection } from './retention/ApprovalSection.js';
import { DecisionSection } from './retention/DecisionSection.js';
import { HealthSnapshotSection } from './retention/HealthSnapshotSection.js';
import { NoticeSection } from './retention/NoticeSection.js';
import { ReasonsSection } from './retention/ReasonsSection.js';
import { SipSection } from './retention/SipSection.js';
import { StageDescription } from './StageDescription.js';

/**
 * 11a.01 Internal Retention Assessment: acknowledge the notice, understand the client's health
 * and reasons, decide whether to try to keep it, and run that attempt to an outcome.
 */
export function RetentionPanel({ closeout, definition, stageKey, editable }: StagePanelProps) {
  const gates = stageGates(definition, stageKey);
  // The decision, its approval and the program are taken in this stage only; the record of the
  // assessment may be completed later.
  const decidable = editable && closeout.stage.key === stageKey;
  const { retention, sipActions } = closeout;
  const sipShown =
    retention.decision === 'attempt_retention' ||
    retention.sipOutcome !== null ||
    sipActions.length > 0;
  return (
    <Stack gap="md">
      <StageDescription definition={definition} stageKey={stageKey} />
      <NoticeSection
        closeout={closeout}
        editable={editable}
        gateKeys={gates('notice_acknowledged')}
      />
      <HealthSnapshotSection
        closeout={closeout}
        editable={editable}
        gateKeys={gates('health_snapshot_compiled')}
      />
      <ReasonsSection
        closeout={closeout}
        editable={editable}
        gateKeys={gates('reasons_recorded')}
      />
      <DecisionSection
        closeout={closeout}
        decidable={decidable}
        gateKeys={gates('retention_decided', 'retention_resolved')}
      />
      {closeout.trigger === 'provider_termination' && (
        <ApprovalSection
          closeout={closeout}
          decidable={decidable}
          gateKeys={gates('termination_approved')}
        />
      )}
      {sipShown && (
        <SipSection closeout={closeout} decidable={decidable} gateKeys={gates('sip_concluded')} />
      )}
    </Stack>
  );
}
