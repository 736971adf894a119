import { z } from 'zod';
import { ZKpi } from '../../blueprint/schema.js';
import { ZKpiReport } from '../../domain/kpis/report-schema.js';

/**
 * The KPI API's contract: the report over a period of whole UTC days. Shared with the web app,
 * so it imports nothing from the server.
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
