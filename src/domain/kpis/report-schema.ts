import { z } from 'zod';
import { ZKpi, ZTrigger } from '../../blueprint/schema.js';
import { CLOSEOUT_OUTCOMES } from '../model.js';

/**
 * The KPI report as the API returns it and the web app reads it: one contract for both.
 * Rates are shares between 0 and 1, null when nothing was there to count.
 */

const ZIsoDate = z.iso.date();
const ZCount = z.number().int().min(0);
const ZRate = z.number().min(0).max(1).nullable();
/** Rounded to cents, in the MSP's own currency. */
const ZMoney = z.number();

export const ZKpiPeriod = z
  .object({ from: ZIsoDate, to: ZIsoDate })
  .refine((period) => period.from <= period.to, {
    message: 'The period must not end before it starts.',
    path: ['to'],
  });
export type TKpiPeriod = z.infer<typeof ZKpiPeriod>;

export const ZDeactivationIssuesKpi = z.object({
  windowDays: ZCount,
  /** Closeouts that ended terminated in the period. */
  closeouts: ZCount,
  issues: ZCount,
  issuesPerCloseout: z.number().min(0).nullable(),
  closeoutsWithoutIssues: ZCount,
  shareWithoutIssues: ZRate,
});
export type TDeactivationIssuesKpi = z.infer<typeof ZDeactivationIssuesKpi>;

export const ZClientRetentionKpi = z.object({
  /** Client-initiated and mutual closeouts that ended in the period. */
  ended: ZCount,
  retained: ZCount,
  withdrawn: ZCount,
  terminated: ZCount,
  /** (retained + withdrawn) / ended: a withdrawn notice kept the client too. */
  rate: ZRate,
});
export type TClientRetentionKpi = z.infer<typeof ZClientRetentionKpi>;

export const ZLogoRetentionKpi = z.object({
  activeAtStart: ZCount,
  activeAtEnd: ZCount,
  lost: ZCount,
  rate: ZRate,
});
export type TLogoRetentionKpi = z.infer<typeof ZLogoRetentionKpi>;

export const ZReturnWindow = z.object({
  months: ZCount,
  /** Cohort clients whose window had fully elapsed by the time of the report. */
  eligible: ZCount,
  returned: ZCount,
  rate: ZRate,
});
export type TReturnWindow = z.infer<typeof ZReturnWindow>;

export const ZClientReturnKpi = z.object({
  /** Clients whose closeout ended terminated in the period. */
  cohort: ZCount,
  returnedToDate: ZCount,
  windows: z.array(ZReturnWindow),
});
export type TClientReturnKpi = z.infer<typeof ZClientReturnKpi>;

export const ZMrrKpi = z.object({ lost: ZMoney, saved: ZMoney });
export type TMrrKpi = z.infer<typeof ZMrrKpi>;

export const ZMrrAtRiskKpi = z.object({
  /** Closeouts open at the end of the period's last day. */
  closeouts: ZCount,
  amount: ZMoney,
});
export type TMrrAtRiskKpi = z.infer<typeof ZMrrAtRiskKpi>;

export const ZReasonsBreakdown = z.object({
  /** Per primary reason; null gathers closeouts whose primary reason is not recorded yet. */
  primary: z.array(
    z.object({ reason: z.string().nullable(), closeouts: ZCount, mrrAtRisk: ZMoney }),
  ),
  contributing: z.array(z.object({ reason: z.string(), closeouts: ZCount })),
});
export type TReasonsBreakdown = z.infer<typeof ZReasonsBreakdown>;

export const ZDaysNoticeToClose = z.object({
  closeouts: ZCount,
  median: z.number().nullable(),
  /** Rounded to one decimal. */
  mean: z.number().nullable(),
});
export type TDaysNoticeToClose = z.infer<typeof ZDaysNoticeToClose>;

export const ZCloseoutsByTrigger = z.record(ZTrigger, ZCount);
export type TCloseoutsByTrigger = z.infer<typeof ZCloseoutsByTrigger>;

export const ZCloseoutStatus = z.enum(['open', ...CLOSEOUT_OUTCOMES]);
export const ZCloseoutsByOutcome = z.record(ZCloseoutStatus, ZCount);
export type TCloseoutsByOutcome = z.infer<typeof ZCloseoutsByOutcome>;

export const ZOpenCloseoutsByStage = z.array(
  z.object({ stage: z.string(), closeouts: ZCount, mrrAtRisk: ZMoney }),
);
export type TOpenCloseoutsByStage = z.infer<typeof ZOpenCloseoutsByStage>;

export const ZKpiReport = z.object({
  period: z.object({ from: ZIsoDate, to: ZIsoDate }),
  /** The moment the report was computed; return windows are judged against it. */
  asOf: z.iso.datetime({ offset: true }),
  deactivationIssues: ZDeactivationIssuesKpi,
  clientRetention: ZClientRetentionKpi,
  logoRetention: ZLogoRetentionKpi,
  clientReturn: ZClientReturnKpi,
  mrr: ZMrrKpi,
  /** At the end of the period: with a period up to today, every open closeout. */
  mrrAtRisk: ZMrrAtRiskKpi,
  reasons: ZReasonsBreakdown,
  daysNoticeToClose: ZDaysNoticeToClose,
  /** Closeouts opened in the period. */
  closeoutsByTrigger: ZCloseoutsByTrigger,
  /** Closeouts opened in the period, by where they stand now. */
  closeoutsByOutcome: ZCloseoutsByOutcome,
  /** Every open closeout now, whatever the period. */
  openCloseoutsByStage: ZOpenCloseoutsByStage,
  /** What each figure means, as the screens state it. */
  definitions: z.array(ZKpi),
});
export type TKpiReport = z.infer<typeof ZKpiReport>;

/** The longest trend, in calendar months. */
export const MAX_TREND_MONTHS = 36;

/** The figures a trend follows month by month, each exactly as the report computes it. */
export const ZKpiTrendFigures = z.object({
  deactivationIssues: ZDeactivationIssuesKpi,
  clientRetention: ZClientRetentionKpi,
  clientReturn: ZClientReturnKpi,
  mrr: ZMrrKpi,
  mrrAtRisk: ZMrrAtRiskKpi,
});
export type TKpiTrendFigures = z.infer<typeof ZKpiTrendFigures>;

export const ZKpiTrendPoint = ZKpiTrendFigures.extend({
  /** The calendar month, YYYY-MM. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** The month's first day. */
  from: ZIsoDate,
  /** The month's last day, or the trend's last day in its final month. */
  to: ZIsoDate,
});
export type TKpiTrendPoint = z.infer<typeof ZKpiTrendPoint>;
