import { Stack } from '@mantine/core';
import type { TMilestone } from '../../../../../../src/blueprint/schema.js';
import { stageGates } from '../gate-links.js';
import { BackupCopies } from '../session/BackupCopies.js';
import { HandoverItems } from '../session/HandoverItems.js';
import { OtherGates } from '../session/OtherGates.js';
import { ResponsibilityAcceptance } from '../session/ResponsibilityAcceptance.js';
import { SessionHeld } from '../session/SessionHeld.js';
import type { StagePanelProps } from '../stage-panel.js';
import { StageDescription } from './StageDescription.js';

/** The milestones this panel's own sections establish. */
const SECTION_MILESTONES: readonly TMilestone[] = [
  'handover_prepared',
  'credentials_confirmed',
  'backup_recorded',
  'backup_received',
  'session_held',
  'responsibility_accepted',
];

/**
 * 11a.04 Service Deactivation Session: the administration credentials and a copy of the backup
 * data handed over and confirmed by the client, the session held, and the client's signed
 * acceptance of system-administration responsibility.
 */
export function DeactivationSessionPanel({
  closeout,
  definition,
  stageKey,
  editable,
}: StagePanelProps) {
  const gates = stageGates(definition, stageKey);
  return (
    <Stack gap="md">
      <StageDescription definition={definition} stageKey={stageKey} />
      <HandoverItems
        closeout={closeout}
        editable={editable}
        gateKeys={gates('handover_prepared', 'credentials_confirmed')}
      />
      <BackupCopies
        closeout={closeout}
        editable={editable}
        gateKeys={gates('backup_recorded', 'backup_received')}
      />
      <SessionHeld closeout={closeout} editable={editable} gateKeys={gates('session_held')} />
      <ResponsibilityAcceptance
        closeout={closeout}
        editable={editable}
        gateKeys={gates('responsibility_accepted')}
      />
      <OtherGates
        closeout={closeout}
        definition={definition}
        stageKey={stageKey}
        shown={SECTION_MILESTONES}
      />
    </Stack>
  );
}
