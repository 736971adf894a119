import type { TTrigger } from '../../blueprint/schema.js';
import { earliestTerminationDate, monthlyRecurringRevenue } from '../agreements.js';
import { invalid } from '../errors.js';
import type { Agreement, Closeout, IsoDate } from '../model.js';
import { syncTasks } from '../tasks.js';
import { actorName, type EngineContext } from './context.js';

export type OpenCloseoutInput = {
  id: string;
  orgId: string;
  reference: string;
  clientId: string;
  trigger: TTrigger;
  noticeReceivedOn: IsoDate;
  noticeEvidence: string;
  ownerUserId: string | null;
};

/**
 * A new closeout in the first stage of the definition it is pinned to, with the earliest
 * termination date proposed from the client's agreements and the first stage's tasks.
 */
export function openCloseout(
  input: OpenCloseoutInput,
  agreements: Agreement[],
  context: EngineContext,
): Closeout {
  if (input.noticeReceivedOn > context.now.slice(0, 10)) {
    throw invalid('noticeReceivedOn', 'The notice date cannot be in the future.');
  }
  const firstStage = context.definition.stages[0]!;
  const closeout: Closeout = {
    ...input,
    definitionKey: context.definition.key,
    definitionVersion: context.definition.version,
    stage: firstStage.key,
    status: 'open',
    openedAt: context.now,
    openedBy: actorName(context.actor),
    endedAt: null,
    endNote: '',
    mrrAtRisk: monthlyRecurringRevenue(agreements),
    earliestTerminationDate: earliestTerminationDate(agreements, input.noticeReceivedOn),
    acknowledgedAt: null,
    reasons: { primary: null, contributing: [], notes: '' },
    healthSnapshot: null,
    retention: {
      decision: null,
      decidedAt: null,
      decidedBy: null,
      rationale: '',
      approvedAt: null,
      approvedBy: null,
      approvalNote: '',
      sipOutcome: null,
      sipConcludedAt: null,
    },
    sipActions: [],
    meeting: {
      scheduledAt: null,
      location: '',
      agenda: '',
      heldAt: null,
      attendees: [],
      minutes: '',
      agreement: null,
      summarySentAt: null,
    },
    ticketsPulledAt: null,
    ticketReviews: [],
    handoverItems: [],
    backupCopies: [],
    sessionHeldAt: null,
    responsibilityAcceptance: null,
    tasks: [],
    deactivationIssues: [],
    version: 1,
  };
  return { ...closeout, tasks: syncTasks(context.definition, closeout, context) };
}
