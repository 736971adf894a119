import { Stack } from '@mantine/core';
import { stageGates } from '../gate-links.js';
import type { StagePanelProps } from '../stage-panel.js';
import { RecordSection } from './meeting/RecordSection.js';
import { ScheduleSection } from './meeting/ScheduleSection.js';
import { SummarySection } from './meeting/SummarySection.js';
import { StageDescription } from './StageDescription.js';

/**
 * 11a.02 Service Closeout Meeting: schedule it with an agenda from the process's template, record
 * it as held with what was agreed, and send the summary.
 */
export function MeetingPanel({ closeout, definition, stageKey, editable }: StagePanelProps) {
  const gates = stageGates(definition, stageKey);
  return (
    <Stack gap="md">
      <StageDescription definition={definition} stageKey={stageKey} />
      <ScheduleSection
        closeout={closeout}
        definition={definition}
        editable={editable}
        gateKeys={gates('meeting_scheduled')}
      />
      <RecordSection
        closeout={closeout}
        editable={editable}
        gateKeys={gates('meeting_held', 'transition_contact_named')}
      />
      <SummarySection
        closeout={closeout}
        editable={editable}
        gateKeys={gates('meeting_summary_sent')}
      />
    </Stack>
  );
}
