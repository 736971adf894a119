import { z } from 'zod';
import { ZKpi } from '../../blueprint/schema.js';
import { MAX_TREND_MONTHS, ZKpiReport, ZKpiTrendPoint } from '../../domain/kpis/report-schema.js';

/**
 * The KPI API's contract: the report over a period of whole UTC days, and the trend of its main
 * figures month by month. Shared with the web app, so it imports nothing from the server.
 */

const ZDay = z.iso.date();

export const ZKpiQuery = z.object({
  /** The first day of the period; twelve months before `to` when absent. */
  from: ZDay.optional(),
  /** The last day of the period; today when absent. */
  to: ZDay.optional(),
});
export type TKpiQuery = z.infer<typeof ZKpiQuery>;

export const ZKpiReportResponse = ZKpiReport.extend({
  /** The KPIs as the organisation's current process definition states them. */
  processKpis: z.array(ZKpi.pick({ key: true, name: true, definition: true })),
});
export type TKpiReportResponse = z.infer<typeof ZKpiReportResponse>;

export const ZKpiTrendQuery = z.object({
  /** How many calendar months, the last being the one `to` falls in. */
  months: z.coerce.number().int().min(1).max(MAX_TREND_MONTHS).default(12),
  /** The last day counted; today when absent. */
  to: ZDay.optional(),
});
export type TKpiTrendQuery = z.infer<typeof ZKpiTrendQuery>;

export const ZKpiTrendResponse = z.object({
  period: z.object({ from: ZDay, to: ZDay }),
  /** The moment the trend was computed; return windows are judged against it. */
  asOf: z.iso.datetime({ offset: true }),
  /** Oldest month first; each point is the report over that month. */
  points: z.array(ZKpiTrendPoint),
});
export type TKpiTrendResponse = z.infer<typeof ZKpiTrendResponse>;
