import type {
  TApplicability,
  TDueAnchor,
  TDueRule,
  TKpi,
  TLane,
  TRole,
  TTrigger,
} from './schema.js';

/**
 * The definition's rules in the words people read, shared by the screens and the documents so
 * the Process page and the Task Report say the same thing.
 */

export const TRIGGER_LABELS: Record<TTrigger, string> = {
  client_notice: 'Client cancels',
  provider_termination: 'Provider terminates',
  mutual: 'Mutual agreement',
};

export const LANE_LABELS: Record<TLane, string> = {
  client: 'Client actions',
  onstage: 'Onstage (visible to the client)',
  backstage: 'Backstage',
  support: 'Support systems',
};

export const ROLE_KIND_LABELS: Record<TRole['kind'], string> = {
  staff: 'Staff',
  client: 'Client side',
  system: 'Automation',
};

export const KPI_UNIT_LABELS: Record<TKpi['unit'], string> = {
  ratio: 'Percentage',
  count: 'Count',
  days: 'Days',
  currency: 'Money',
};

/** The lanes' names where a column is narrow, e.g. in a printed table. */
export const LANE_SHORT_LABELS: Record<TLane, string> = {
  client: 'Client',
  onstage: 'Onstage',
  backstage: 'Backstage',
  support: 'Support',
};

/** The date a due rule counts from, as the rule reads: "5 business days after the notice". */
export const DUE_ANCHOR_LABELS: Record<TDueAnchor, string> = {
  notice: 'the notice',
  meeting: 'the closeout meeting',
  termination: 'the termination date',
  session: 'the deactivation session',
};

/** A due rule as people say it: "5 business days after the notice". */
export function describeDueRule(rule: TDueRule): string {
  const anchor = DUE_ANCHOR_LABELS[rule.anchor];
  const distance = Math.abs(rule.offsetDays);
  const when =
    rule.offsetDays === 0
      ? `Same day as ${anchor}`
      : `${distance} ${rule.days} ${distance === 1 ? 'day' : 'days'} ${rule.offsetDays > 0 ? 'after' : 'before'} ${anchor}`;
  return rule.note === undefined ? when : `${when} (${rule.note})`;
}

/** When a task or gate applies to only some closeouts, in words; null when it always applies. */
export function describeApplicability(applicability: TApplicability | undefined): string | null {
  if (applicability === undefined) return null;
  const conditions: string[] = [];
  if (applicability.triggers !== undefined) {
    conditions.push(applicability.triggers.map((trigger) => TRIGGER_LABELS[trigger]).join(' or '));
  }
  if (applicability.retentionAttempted === true) conditions.push('retention is attempted');
  if (applicability.retentionAttempted === false) conditions.push('retention is not attempted');
  return conditions.length === 0 ? null : `Only when: ${conditions.join('; ')}`;
}
