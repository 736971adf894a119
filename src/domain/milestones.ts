import type { TMilestone } from '../blueprint/schema.js';
import type { Closeout } from './model.js';

/**
 * What the engine can establish about a closeout. Each check returns what is still missing:
 * an empty list means the milestone is reached. Gates and automatic task completion read these
 * through the process definition, so a gate's refusal can say exactly what is missing.
 */
type MilestoneCheck = (closeout: Closeout) => string[];

const when = (reached: boolean, missing: string): string[] => (reached ? [] : [missing]);

const reviewPending = (closeout: Closeout): string[] =>
  closeout.ticketsPulledAt === null ? ["The client's open tickets have not been pulled yet."] : [];

const ticketLabel = (review: { ticketNumber: string; title: string }) =>
  `Ticket ${review.ticketNumber} "${review.title}"`;

const MILESTONES: Record<TMilestone, MilestoneCheck> = {
  closeout_opened: () => [],
  termination_date_proposed: (c) =>
    when(c.earliestTerminationDate !== null, 'No earliest termination date has been computed.'),
  notice_acknowledged: (c) =>
    when(c.acknowledgedAt !== null, 'The notice has not been acknowledged to the client.'),
  health_snapshot_compiled: (c) =>
    when(c.healthSnapshot !== null, 'The health snapshot has not been compiled.'),
  reasons_recorded: (c) =>
    when(c.reasons.primary !== null, 'No primary cancellation reason is recorded.'),
  retention_decided: (c) =>
    when(c.retention.decision !== null, 'No retention decision has been made.'),
  termination_approved: (c) =>
    when(c.retention.approvedAt !== null, 'An Executive has not approved the termination.'),
  sip_concluded: (c) =>
    when(
      c.retention.sipOutcome !== null,
      'The Service Improvement Program has no outcome (retained or not retained).',
    ),
  retention_resolved: (c) => {
    const { decision, sipOutcome } = c.retention;
    if (decision === 'accept_cancellation' || decision === 'confirm_termination') return [];
    if (decision === 'attempt_retention') {
      return when(
        sipOutcome === 'not_retained',
        'The Service Improvement Program is still running.',
      );
    }
    return ['No retention decision has been made.'];
  },
  meeting_scheduled: (c) =>
    when(c.meeting.scheduledAt !== null, 'The closeout meeting has not been scheduled.'),
  meeting_held: (c) =>
    when(
      c.meeting.heldAt !== null && c.meeting.agreement !== null,
      'The closeout meeting has not been recorded as held with its agreed dates.',
    ),
  transition_contact_named: (c) =>
    when(
      c.meeting.agreement !== null,
      'The client has not named who takes over (own IT or an incoming provider).',
    ),
  meeting_summary_sent: (c) =>
    when(c.meeting.summarySentAt !== null, 'The meeting summary has not been sent.'),
  tickets_pulled: reviewPending,
  tickets_dispositioned: (c) => [
    ...reviewPending(c),
    ...c.ticketReviews
      // A ticket closed in the PSA before it got a disposition needs none: it can no longer get one.
      .filter((review) => review.disposition === null && review.outcome === null)
      .map((review) => `${ticketLabel(review)} has no disposition.`),
  ],
  dispositions_agreed: (c) => [
    ...reviewPending(c),
    ...c.ticketReviews
      // Only dispositions still to carry out need the client's agreement.
      .filter((review) => !review.clientAgreed && review.outcome === null)
      .map((review) => `The client has not agreed the disposition of ${ticketLabel(review)}.`),
  ],
  tickets_completed: (c) => [
    ...reviewPending(c),
    ...c.ticketReviews
      // A ticket closed the other way in the PSA is settled: nothing is left to complete.
      .filter((review) => review.disposition === 'complete' && review.outcome === null)
      .map((review) => `${ticketLabel(review)} is still to be completed.`),
  ],
  cancelled_tickets_closed: (c) => [
    ...reviewPending(c),
    ...c.ticketReviews
      .filter((review) => review.disposition === 'cancel' && review.outcome === null)
      .map((review) => `${ticketLabel(review)} is to be cancelled but is not closed yet.`),
  ],
  tickets_resolved: (c) => [
    ...reviewPending(c),
    ...c.ticketReviews
      .filter((review) => review.outcome === null)
      .map((review) => `${ticketLabel(review)} is neither completed nor cancelled.`),
  ],
  handover_prepared: (c) =>
    c.handoverItems.length === 0
      ? ['No handover items have been prepared.']
      : c.handoverItems
          .filter((item) => item.handedOverAt === null)
          .map((item) => `${item.systemName}: ${item.credentialLabel} is not handed over yet.`),
  backup_recorded: (c) =>
    when(c.backupCopies.length > 0, 'No copy of the backup data has been recorded.'),
  session_held: (c) =>
    when(c.sessionHeldAt !== null, 'The deactivation session has not been held.'),
  credentials_confirmed: (c) =>
    c.handoverItems.length === 0
      ? ['No administration credentials have been handed over.']
      : c.handoverItems
          .filter((item) => item.confirmedAt === null)
          .map(
            (item) => `${item.systemName}: the client has not confirmed ${item.credentialLabel}.`,
          ),
  backup_received: (c) =>
    c.backupCopies.length === 0
      ? ['No copy of the backup data has been handed over.']
      : c.backupCopies
          .filter((copy) => copy.receivedAt === null)
          .map((copy) => `The client has not confirmed receipt of "${copy.description}".`),
  responsibility_accepted: (c) =>
    when(
      c.responsibilityAcceptance !== null,
      'The client has not signed the transfer of system-administration responsibility.',
    ),
};

export function missingFor(milestone: TMilestone, closeout: Closeout): string[] {
  return MILESTONES[milestone](closeout);
}

export function isReached(milestone: TMilestone, closeout: Closeout): boolean {
  return missingFor(milestone, closeout).length === 0;
}
