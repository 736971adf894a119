import type { TKpi } from '../../blueprint/schema.js';
import { RETURN_WINDOWS_MONTHS } from './return-rate.js';

/**
 * What each figure of the report means, exactly as computed, for the screens to state beside it.
 * Keys match the KPIs of the process definition where it names them.
 */
export function kpiDefinitions({
  deactivationIssueWindowDays,
}: {
  deactivationIssueWindowDays: number;
}): TKpi[] {
  const windows = RETURN_WINDOWS_MONTHS.join(', ').replace(/, (\d+)$/, ' and $1');
  return [
    {
      key: 'deactivation_issues',
      name: 'Deactivation Issues',
      definition: `Issues logged against a closeout from its deactivation session (or, where none was recorded, from the client's acceptance of responsibility, else from the closing) until ${deactivationIssueWindowDays} days after it closed, over the closeouts that ended terminated in the period; shown as issues per closeout and the share of closeouts with none.`,
      unit: 'count',
    },
    {
      key: 'client_retention_rate',
      name: 'Client Retention Rate',
      definition:
        'Of the closeouts opened by the client or by mutual decision that ended in the period, the share that kept the client: ended retained, or withdrawn because the client took its notice back (a withdrawn closeout counts as kept; retained and withdrawn are also shown apart). Provider-initiated closeouts are excluded.',
      unit: 'ratio',
    },
    {
      key: 'logo_retention',
      name: 'Logo Retention',
      definition:
        'Of the clients active when the period starts, the share still active when it ends. A client stops being active when a closeout ends terminated, and is active again once it signs a new agreement.',
      unit: 'ratio',
    },
    {
      key: 'client_return_rate',
      name: 'Client Return Rate',
      definition: `Of the clients whose closeout ended terminated in the period, the share that signed a new agreement within ${windows} months of the closeout's end. Each window counts only the clients for whom it has fully elapsed.`,
      unit: 'ratio',
    },
    {
      key: 'mrr_lost',
      name: 'MRR Lost',
      definition:
        'The monthly recurring revenue at risk of the closeouts that ended terminated in the period.',
      unit: 'currency',
    },
    {
      key: 'mrr_saved',
      name: 'MRR Saved',
      definition:
        'The monthly recurring revenue at risk of the closeouts that ended retained or withdrawn in the period: revenue that was at risk and stayed.',
      unit: 'currency',
    },
    {
      key: 'mrr_at_risk',
      name: 'MRR at Risk',
      definition:
        'The monthly recurring revenue at risk of the closeouts still open at the end of the period: opened by then and not yet ended retained, withdrawn or terminated. For a period up to today, every open closeout.',
      unit: 'currency',
    },
    {
      key: 'reasons_breakdown',
      name: 'Cancellation Reasons',
      definition:
        'The closeouts opened in the period by primary reason, with their monthly recurring revenue at risk, and how often each contributing reason was named.',
      unit: 'count',
    },
    {
      key: 'days_notice_to_close',
      name: 'Days from Notice to Close',
      definition:
        'Calendar days from the notice date to the day a closeout ended, over the closeouts that ended in the period: median and mean.',
      unit: 'days',
    },
    {
      key: 'closeouts_by_trigger',
      name: 'Closeouts by Trigger',
      definition:
        'The closeouts opened in the period: by the client’s notice, by the provider, or by mutual decision.',
      unit: 'count',
    },
    {
      key: 'closeouts_by_outcome',
      name: 'Closeouts by Outcome',
      definition:
        'The closeouts opened in the period by where they stand now: open, retained, withdrawn or terminated.',
      unit: 'count',
    },
    {
      key: 'open_closeouts_by_stage',
      name: 'Open Closeouts by Stage',
      definition:
        'Every closeout open now, whatever the period, by the stage it is in, with its monthly recurring revenue at risk.',
      unit: 'count',
    },
  ];
}
