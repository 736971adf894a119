import type { TApplicability, TDueRule } from '../../../../src/blueprint/schema.js';
import { DUE_ANCHOR_LABELS, TRIGGER_LABELS } from '../../labels.js';

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
