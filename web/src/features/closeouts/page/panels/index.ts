import type { ComponentType } from 'react';
import type { StagePanelProps } from '../stage-panel.js';
import { DeactivationChecklistPanel } from './DeactivationChecklistPanel.js';
import { DeactivationSessionPanel } from './DeactivationSessionPanel.js';
import { MeetingPanel } from './MeetingPanel.js';
import { RetentionPanel } from './RetentionPanel.js';
import { TicketReviewPanel } from './TicketReviewPanel.js';

/**
 * The panel that works each stage of the process, by stage key. Stages are data: a later version
 * of an organisation's process may add a stage this app has no dedicated screen for. Such a stage
 * still has tasks, and the checklist panel works any stage's tasks (done with evidence, waived
 * with a reason), so it stands in for every stage not listed here.
 */
const PANELS: Record<string, ComponentType<StagePanelProps>> = {
  retention_assessment: RetentionPanel,
  closeout_meeting: MeetingPanel,
  ticket_review: TicketReviewPanel,
  deactivation_session: DeactivationSessionPanel,
  deactivation: DeactivationChecklistPanel,
};

export const panelFor = (stageKey: string): ComponentType<StagePanelProps> =>
  PANELS[stageKey] ?? DeactivationChecklistPanel;
