import type { TProcessDefinition } from '../../blueprint/schema.js';
import type { TimelineEntry } from './data.js';

/**
 * What the audit trail's actions mean, as a line of the closeout report. An action this list
 * does not know yet (a later feature's) still reads: its name with spaces.
 */
const ACTION_WORDS: Record<string, string> = {
  open_closeout: 'Opened the closeout',
  acknowledge_notice: 'Acknowledged the notice in writing',
  assign_owner: 'Assigned the owner',
  compile_health_snapshot: 'Compiled the health snapshot',
  record_reasons: 'Recorded the reasons for cancelling',
  decide_retention: 'Decided on retention',
  approve_termination: 'Approved the termination',
  add_sip_action: 'Added a Service Improvement Program action',
  update_sip_action: 'Updated a Service Improvement Program action',
  conclude_sip: 'Concluded the Service Improvement Program',
  advance_stage: 'Moved to the next stage',
  schedule_meeting: 'Scheduled the closeout meeting',
  record_meeting: 'Recorded the closeout meeting and what it agreed',
  record_meeting_summary_sent: 'Sent the meeting summary',
  pull_tickets: "Pulled the client's open tickets into the review",
  set_ticket_dispositions: 'Set ticket dispositions',
  record_client_response: "Recorded the client's response to the dispositions",
  client_ticket_response: 'The client responded to the dispositions in the portal',
  record_ticket_outcome: 'Recorded a ticket outcome',
  add_handover_items: 'Listed credentials to hand over',
  add_documented_logins: 'Listed documented logins to hand over',
  hand_over_credential: 'Handed over a credential',
  confirm_handover: 'The client confirmed a credential',
  store_handover_secret: 'Stored a credential for the client portal',
  replace_handover_secret: 'Replaced a credential for the client portal',
  reveal_handover_secret: 'A credential was revealed to staff',
  reissue_handover_secret: 'Issued a credential to the client portal again',
  client_reveal_handover_secret: 'The client revealed a credential in the portal',
  record_backup_copy: 'Recorded a backup copy',
  deliver_backup_copy: 'Delivered a backup copy',
  confirm_backup_receipt: 'The client confirmed receipt of a backup copy',
  record_session_held: 'Held the deactivation session',
  accept_responsibility: 'The client accepted responsibility for system administration',
  complete_task: 'Completed a task',
  waive_task: 'Waived a task',
  assign_task: 'Assigned a task',
  log_deactivation_issue: 'Logged a deactivation issue',
  resolve_deactivation_issue: 'Resolved a deactivation issue',
  close_terminated: 'Closed the closeout as terminated',
  withdraw: 'The client withdrew its notice',
  record_return: 'Recorded the client’s return',
};

export function actionInWords(entry: Pick<TimelineEntry, 'action'>): string {
  const known = ACTION_WORDS[entry.action];
  if (known) return known;
  const words = entry.action.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Entry = Record<string, unknown> | null;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** How an entry of a changed collection is named in the timeline. */
const NAMERS: Record<string, (entry: Record<string, unknown>) => string> = {
  ticketReviews: (review) =>
    [text(review.ticketNumber), text(review.outcome) || text(review.disposition)]
      .filter(Boolean)
      .join(' '),
  handoverItems: (item) =>
    [text(item.systemName), text(item.credentialLabel)].filter(Boolean).join(': '),
  backupCopies: (copy) => text(copy.description),
  deactivationIssues: (issue) => text(issue.summary),
  sipActions: (action) => text(action.description),
};

/** Tasks follow from most actions; the timeline names them only where a task was the point. */
const TASK_ACTIONS = new Set(['complete_task', 'waive_task', 'assign_task']);

/**
 * What an audit event changed, in a few words: the stage it moved to, the tickets, credentials,
 * copies or issues it touched. It reads only those names from the event, never anything else.
 */
export function timelineDetail(
  event: { action: string; after: unknown },
  definition: TProcessDefinition,
): string | null {
  if (typeof event.after !== 'object' || event.after === null) return null;
  const after = event.after as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof after.stage === 'string') {
    const stage = definition.stages.find((candidate) => candidate.key === after.stage);
    parts.push(stage ? `${stage.code} ${stage.name}` : after.stage);
  }
  const namers = TASK_ACTIONS.has(event.action)
    ? { ...NAMERS, tasks: (task: Record<string, unknown>) => text(task.name) }
    : NAMERS;
  for (const [collection, name] of Object.entries(namers)) {
    const changed = after[collection];
    if (typeof changed !== 'object' || changed === null) continue;
    const names = Object.values(changed as Record<string, Entry>)
      .flatMap((entry) => (entry === null ? [] : [name(entry)]))
      .filter(Boolean);
    parts.push(
      names.length > 3
        ? `${names.slice(0, 3).join('; ')} and ${names.length - 3} more`
        : names.join('; '),
    );
  }
  const detail = parts.filter(Boolean).join('; ');
  return detail === '' ? null : detail;
}
