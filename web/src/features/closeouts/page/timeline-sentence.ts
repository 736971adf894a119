import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TTimelinePage } from '../../../api/closeouts.js';
import { formatDay, formatMoment } from '../../../format.js';
import { RETENTION_DECISION_LABELS, SIP_OUTCOME_LABELS, STATUS_LABELS } from '../../../labels.js';

/**
 * An audit event of a closeout as a sentence ("Sam Service decided: Attempt retention") with the
 * fields it changed, compactly. The event stores the changed parts of the closeout before and
 * after (collections keyed by id), so both the sentence and the changes are read from them.
 */

type TTimelineEvent = TTimelinePage['items'][number];
type Fields = Record<string, unknown>;

/** `before` is null where only the fact of a change is worth showing (a collection, a record). */
export type FieldChange = { field: string; before: string | null; after: string };
export type DescribedEvent = { actor: string; phrase: string; changes: FieldChange[] };

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const part = (value: unknown, key: string): unknown => (isRecord(value) ? value[key] : undefined);

/** The entries of a changed collection (`tasks`, `sipActions`…) as they are after the event. */
const changedEntries = (event: TTimelineEvent, collection: string): Fields[] => {
  const entries = part(event.after, collection);
  return isRecord(entries) ? Object.values(entries).filter(isRecord) : [];
};

const quoted = (text: unknown): string => (typeof text === 'string' ? `“${text}”` : '');

/** The task a task action was about: the one whose field the action sets. */
function taskName(event: TTimelineEvent, changed: (task: Fields) => boolean): string {
  const task = changedEntries(event, 'tasks').find(changed);
  return task === undefined ? 'a task' : quoted(task.name);
}

function stageName(definition: TProcessDefinition, stageKey: unknown): string {
  const stage = definition.stages.find((candidate) => candidate.key === stageKey);
  return stage === undefined ? 'the next stage' : `${stage.code} ${stage.name}`;
}

const label = <T extends string>(labels: Record<T, string>, value: unknown): string =>
  typeof value === 'string' && value in labels ? labels[value as T] : String(value);

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The credential a vault event was about (its audit entry names it, never the secret). */
const vaultCredential = (event: TTimelineEvent): string =>
  quoted(`${part(event.after, 'systemName')} · ${part(event.after, 'credentialLabel')}`);

type Phrase = string | ((event: TTimelineEvent, definition: TProcessDefinition) => string);

const PHRASES: Record<string, Phrase> = {
  open_closeout: 'opened the closeout',
  acknowledge_notice: 'recorded that the notice was acknowledged in writing',
  assign_owner: 'changed the owner',
  compile_health_snapshot: 'compiled the health snapshot',
  record_reasons: 'recorded the reasons for cancelling',
  decide_retention: (event) =>
    `decided: ${label(RETENTION_DECISION_LABELS, part(part(event.after, 'retention'), 'decision'))}`,
  approve_termination: 'approved the provider termination',
  add_sip_action: (event) =>
    `added the improvement action ${quoted(changedEntries(event, 'sipActions')[0]?.description)}`,
  update_sip_action: (event) =>
    `updated the improvement action ${quoted(changedEntries(event, 'sipActions')[0]?.description)}`,
  conclude_sip: (event) =>
    `concluded the Service Improvement Program: ${label(
      SIP_OUTCOME_LABELS,
      part(part(event.after, 'retention'), 'sipOutcome'),
    ).toLowerCase()}`,
  advance_stage: (event, definition) =>
    `moved the closeout on to ${stageName(definition, part(event.after, 'stage'))}`,
  schedule_meeting: 'scheduled the closeout meeting',
  record_meeting: 'recorded the closeout meeting as held',
  record_meeting_summary_sent: 'recorded that the meeting summary was sent',
  pull_tickets: "brought the client's open tickets into the review",
  sync_ticket_review: 'brought the ticket review in line with the PSA',
  set_ticket_dispositions: (event) =>
    `set the disposition of ${count(changedEntries(event, 'ticketReviews').length, 'ticket', 'tickets')}`,
  record_client_response: "recorded the client's response to a ticket disposition",
  record_ticket_outcome: 'recorded the outcome of a ticket',
  add_handover_items: (event) =>
    `added ${count(changedEntries(event, 'handoverItems').length, 'credential', 'credentials')} to hand over`,
  hand_over_credential: 'handed over a credential',
  confirm_handover: 'recorded that the client verified a credential',
  store_handover_secret: (event) => `stored the secret of ${vaultCredential(event)}`,
  replace_handover_secret: (event) => `replaced the secret of ${vaultCredential(event)}`,
  reveal_handover_secret: (event) => `revealed the secret of ${vaultCredential(event)}`,
  reissue_handover_secret: (event) =>
    `issued the secret of ${vaultCredential(event)} to the client again`,
  client_reveal_handover_secret: (event) => `revealed the secret of ${vaultCredential(event)}`,
  record_backup_copy: 'recorded a copy of the backup data',
  deliver_backup_copy: 'delivered a backup copy',
  confirm_backup_receipt: "recorded the client's receipt of a backup copy",
  upload_backup_archive: 'uploaded the archive of a backup copy for download',
  create_backup_download_link: 'created a download link for a backup copy',
  revoke_backup_download_link: 'revoked a download link of a backup copy',
  attach_task_evidence: (event) =>
    `attached evidence to ${quoted(part(event.after, 'subject')) || 'a task'}`,
  remove_task_evidence: (event) =>
    `removed evidence from ${quoted(part(event.before, 'subject')) || 'a task'}`,
  attach_handover_evidence: 'attached evidence to a handover item',
  remove_handover_evidence: 'removed evidence from a handover item',
  record_session_held: 'recorded the deactivation session as held',
  accept_responsibility: "recorded the client's acceptance of responsibility",
  complete_task: (event) => `completed ${taskName(event, (task) => task.status === 'done')}`,
  waive_task: (event) => `waived ${taskName(event, (task) => task.status === 'waived')}`,
  assign_task: (event) => `assigned ${taskName(event, () => true)}`,
  log_deactivation_issue: (event) =>
    `logged the deactivation issue ${quoted(changedEntries(event, 'deactivationIssues')[0]?.summary)}`,
  resolve_deactivation_issue: 'resolved a deactivation issue',
  close_terminated: 'closed the closeout as terminated',
  withdraw: 'withdrew the closeout: the client stays',
};

/** Collections are summarised by how many entries changed, not field by field. */
const COLLECTIONS: Record<string, [string, string]> = {
  tasks: ['task', 'tasks'],
  sipActions: ['improvement action', 'improvement actions'],
  ticketReviews: ['ticket', 'tickets'],
  handoverItems: ['credential', 'credentials'],
  backupCopies: ['backup copy', 'backup copies'],
  deactivationIssues: ['deactivation issue', 'deactivation issues'],
};

const words = (key: string): string => {
  const spaced = key
    .replace(/UserId$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as a few words: dates formatted, empties as a dash, long text shortened. */
export function shortValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (ISO_DAY.test(value)) return formatDay(value);
    if (ISO_MOMENT.test(value)) return formatMoment(value);
    return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  }
  if (Array.isArray(value)) {
    return value.every((item) => typeof item === 'string')
      ? shortValue(value.join(', '))
      : count(value.length, 'item', 'items');
  }
  return 'changed';
}

/** A value in words; `key` is the field it sits in, for values that name something. */
export type DescribeValue = (key: string, value: unknown) => string;

/** The changed fields, one level into nested parts (`retention`, `meeting`). */
export function fieldChanges(
  before: unknown,
  after: unknown,
  describeValue: DescribeValue,
): FieldChange[] {
  if (!isRecord(after) || !isRecord(before)) return [];
  const changes: FieldChange[] = [];
  const add = (key: string, was: unknown, is: unknown, parent?: string) => {
    if (JSON.stringify(was) === JSON.stringify(is)) return;
    const field =
      parent === undefined ? words(key) : `${words(parent)}: ${words(key).toLowerCase()}`;
    if (isRecord(was) || isRecord(is)) {
      const change =
        was === null || was === undefined ? 'recorded' : is === null ? 'removed' : 'changed';
      changes.push({ field, before: null, after: change });
      return;
    }
    changes.push({ field, before: describeValue(key, was), after: describeValue(key, is) });
  };
  for (const [key, is] of Object.entries(after)) {
    const was = before[key];
    const collection = COLLECTIONS[key];
    if (collection !== undefined) {
      const changed = isRecord(is) ? Object.keys(is).length : 0;
      changes.push({
        field: words(key),
        before: null,
        after: `${count(changed, ...collection)} changed`,
      });
    } else if (isRecord(is) && isRecord(was)) {
      for (const [inner, innerIs] of Object.entries(is)) add(inner, was[inner], innerIs, key);
    } else {
      add(key, was, is);
    }
  }
  return changes;
}

export function describeEvent(
  event: TTimelineEvent,
  definition: TProcessDefinition,
  staffName: (userId: string | null) => string,
  /** A cancellation reason's label from its key, in the organisation's reason list. */
  reasonName: (reasonKey: string) => string,
): DescribedEvent {
  const phrase = PHRASES[event.action];
  const actor =
    event.actor.kind === 'client_contact' ? `${event.actor.name} (client)` : event.actor.name;
  const describeValue: DescribeValue = (key, value) => {
    if (key === 'ownerUserId' || key === 'assigneeUserId') {
      return staffName(typeof value === 'string' ? value : null);
    }
    if (key === 'stage') return stageName(definition, value);
    if (key === 'primary' && typeof value === 'string') return reasonName(value);
    if (key === 'contributing' && Array.isArray(value)) {
      return shortValue(value.map((reasonKey) => reasonName(String(reasonKey))));
    }
    if (key === 'decision' && value !== null) return label(RETENTION_DECISION_LABELS, value);
    if (key === 'sipOutcome' && value !== null) return label(SIP_OUTCOME_LABELS, value);
    if (key === 'status' && value !== null) return label(STATUS_LABELS, value);
    return shortValue(value);
  };
  return {
    actor,
    phrase:
      phrase === undefined
        ? words(event.action).toLowerCase()
        : typeof phrase === 'string'
          ? phrase
          : phrase(event, definition),
    changes: event.before === null ? [] : fieldChanges(event.before, event.after, describeValue),
  };
}
