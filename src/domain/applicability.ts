import type { TApplicability } from '../blueprint/schema.js';
import type { Closeout } from './model.js';

/** Whether a task or gate restricted by `appliesWhen` concerns this closeout. */
export function applies(rule: TApplicability | undefined, closeout: Closeout): boolean {
  if (rule === undefined) return true;
  if (rule.triggers !== undefined && !rule.triggers.includes(closeout.trigger)) return false;
  if (rule.retentionAttempted !== undefined) {
    const attempted = closeout.retention.decision === 'attempt_retention';
    if (attempted !== rule.retentionAttempted) return false;
  }
  return true;
}
