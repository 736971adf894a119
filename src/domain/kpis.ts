import { isValid } from 'date-fns';
import { invalid } from './errors.js';
import { utcMoment } from './kpis/calendar.js';
import { closeoutsByOutcome, closeoutsByTrigger, openCloseoutsByStage } from './kpis/counts.js';
import { kpiDefinitions } from './kpis/definitions.js';
import type { KpiClient, KpiCloseout, KpiPeriod, KpiReturn } from './kpis/inputs.js';
import { daysNoticeToClose } from './kpis/notice-to-close.js';
import { reasonsBreakdown } from './kpis/reasons.js';
import { type TKpiReport, ZKpiPeriod } from './kpis/report-schema.js';
import { logoRetention } from './kpis/retention.js';
import { trendFigures } from './kpis/trend.js';
import type { IsoDateTime } from './model.js';

export { closeoutsByOutcome, closeoutsByTrigger, openCloseoutsByStage } from './kpis/counts.js';
export { deactivationIssues, issuesInWindow } from './kpis/deactivation-issues.js';
export { kpiDefinitions } from './kpis/definitions.js';
export type {
  EndedKpiCloseout,
  KpiClient,
  KpiCloseout,
  KpiPeriod,
  KpiReturn,
} from './kpis/inputs.js';
export { mrrAtRisk, mrrLostAndSaved } from './kpis/mrr.js';
export { daysNoticeToClose } from './kpis/notice-to-close.js';
export { reasonsBreakdown } from './kpis/reasons.js';
export * from './kpis/report-schema.js';
export { clientRetentionRate, logoRetention } from './kpis/retention.js';
export { clientReturnRate, RETURN_WINDOWS_MONTHS } from './kpis/return-rate.js';
export { computeKpiTrend, trendFigures, trendMonths } from './kpis/trend.js';

export type KpiReportInput = {
  closeouts: KpiCloseout[];
  clients: KpiClient[];
  returns: KpiReturn[];
  period: KpiPeriod;
  /** The moment the report is for; return windows that have not elapsed by then do not count. */
  now: IsoDateTime;
  /** From the process definition: how long after closing deactivation issues keep counting. */
  deactivationIssueWindowDays: number;
  /** The definition's stage keys in order, so the board of open closeouts reads like the process. */
  stageOrder?: string[];
};

function assertValidInput({ period, now, deactivationIssueWindowDays }: KpiReportInput): void {
  const parsedPeriod = ZKpiPeriod.safeParse(period);
  if (!parsedPeriod.success) {
    const issue = parsedPeriod.error.issues[0]!;
    throw invalid(
      `period.${issue.path.join('.')}`,
      issue.code === 'custom'
        ? issue.message
        : 'The period needs a start and an end day, each written as YYYY-MM-DD.',
    );
  }
  if (!isValid(utcMoment(now))) {
    throw invalid('now', 'The moment of the report must be an ISO timestamp.');
  }
  if (!Number.isInteger(deactivationIssueWindowDays) || deactivationIssueWindowDays < 0) {
    throw invalid(
      'deactivationIssueWindowDays',
      'The deactivation issue window must be a whole number of days, zero or more.',
    );
  }
}

/** Every KPI of the closeout process over one period, in the shape of `ZKpiReport`. */
export function computeKpiReport(input: KpiReportInput): TKpiReport {
  assertValidInput(input);
  const { closeouts, clients, returns, period, now, deactivationIssueWindowDays } = input;
  return {
    period: { from: period.from, to: period.to },
    asOf: utcMoment(now).toISOString(),
    ...trendFigures({ closeouts, returns, period, now, deactivationIssueWindowDays }),
    logoRetention: logoRetention({ clients, closeouts, returns, period }),
    reasons: reasonsBreakdown({ closeouts, period }),
    daysNoticeToClose: daysNoticeToClose({ closeouts, period }),
    closeoutsByTrigger: closeoutsByTrigger({ closeouts, period }),
    closeoutsByOutcome: closeoutsByOutcome({ closeouts, period }),
    openCloseoutsByStage: openCloseoutsByStage({ closeouts, stageOrder: input.stageOrder }),
    definitions: kpiDefinitions({ deactivationIssueWindowDays }),
  };
}
