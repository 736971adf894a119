import { endOfMonth, formatISO } from 'date-fns';
import { invalid } from '../errors.js';
import type { IsoDate, IsoDateTime } from '../model.js';
import { addMonthsToDay, startOfUtcDay } from './calendar.js';
import { deactivationIssues } from './deactivation-issues.js';
import type { KpiCloseout, KpiPeriod, KpiReturn } from './inputs.js';
import { mrrAtRisk, mrrLostAndSaved } from './mrr.js';
import { MAX_TREND_MONTHS, type TKpiTrendFigures, type TKpiTrendPoint } from './report-schema.js';
import { clientRetentionRate } from './retention.js';
import { clientReturnRate } from './return-rate.js';

/**
 * The figures a trend follows, over one period. The report computes its own with this too, so a
 * month of the trend always reads exactly as the report over that month.
 */
export function trendFigures({
  closeouts,
  returns,
  period,
  now,
  deactivationIssueWindowDays,
}: {
  closeouts: KpiCloseout[];
  returns: KpiReturn[];
  period: KpiPeriod;
  now: IsoDateTime;
  deactivationIssueWindowDays: number;
}): TKpiTrendFigures {
  return {
    deactivationIssues: deactivationIssues({
      closeouts,
      period,
      windowDays: deactivationIssueWindowDays,
    }),
    clientRetention: clientRetentionRate({ closeouts, period }),
    clientReturn: clientReturnRate({ closeouts, returns, period, now }),
    mrr: mrrLostAndSaved({ closeouts, period }),
    mrrAtRisk: mrrAtRisk({ closeouts, on: period.to }),
  };
}

const isDay = (day: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) &&
  formatISO(startOfUtcDay(day), { representation: 'date' }) === day;

/**
 * The calendar months ending with the one `to` falls in, oldest first. The last month stops at
 * `to`, so no point counts days that have not happened yet.
 */
export function trendMonths(to: IsoDate, months: number): Array<KpiPeriod & { month: string }> {
  if (!isDay(to)) throw invalid('to', 'The last day must be written as YYYY-MM-DD.');
  if (!Number.isInteger(months) || months < 1 || months > MAX_TREND_MONTHS) {
    throw invalid('months', `A trend covers 1 to ${MAX_TREND_MONTHS} whole months.`);
  }
  const lastMonthStart = `${to.slice(0, 7)}-01`;
  return Array.from({ length: months }, (_, index) => {
    const from = addMonthsToDay(lastMonthStart, index - months + 1);
    const monthEnd = formatISO(endOfMonth(startOfUtcDay(from)), { representation: 'date' });
    return { month: from.slice(0, 7), from, to: monthEnd < to ? monthEnd : to };
  });
}

/** The trend's figures month by month, from closeouts and returns read once. */
export function computeKpiTrend(input: {
  closeouts: KpiCloseout[];
  returns: KpiReturn[];
  to: IsoDate;
  months: number;
  now: IsoDateTime;
  deactivationIssueWindowDays: number;
}): TKpiTrendPoint[] {
  const { to, months, ...figuresInput } = input;
  return trendMonths(to, months).map(({ month, ...period }) => ({
    month,
    ...period,
    ...trendFigures({ ...figuresInput, period }),
  }));
}
