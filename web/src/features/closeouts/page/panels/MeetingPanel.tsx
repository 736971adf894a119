import { Stack, Text } from '@mantine/core';
import type { TMilestone } from '../../../../../../src/blueprint/schema.js';
import { gatesFixedIn } from '../gate-links.js';
import type { StagePanelProps } from '../stage-panel.js';
import { RecordSection } from './meeting/RecordSection.js';
import { ScheduleSection } from './meeting/ScheduleSection.js';
import { SummarySection } from './meeting/SummarySection.js';

/**
 * 11a.02 Service Closeout Meeting: schedule it with an agenda from the process's template, record
 * it as held with what was agreed, and send the summary.
 */
export function MeetingPanel({ closeout, definition, stageKey, editable }: StagePanelProps) {
  const stage = definition.stages.find((candidate) => candidate.key === stageKey);
  const gates = (...milestones: TMilestone[]) => gatesFixedIn(definition, stageKey, milestones);
  return (
    <Stack gap="md">
      {stage !== undefined && (
        <Text size="sm" c="dimmed">
          {stage.description}
        </Text>
      )}
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
