import type { MantineColor } from '@mantine/core';
import type { TKpiTrendPoint } from '../../../../src/domain/kpis/report-schema.js';
import type { TKpiReportResponse } from '../../../../src/server/kpis/schema.js';
import { formatMoney, formatPercent, plural } from '../../format.js';

/**
 * The dashboard's KPI tiles: which figure of the report each shows, how it reads, and the same
 * figure in each month of the trend. Names and definitions come from the API (the organisation's
 * process definition first, else the report's own), never from here.
 */

export type KpiTile = {
  /** The KPI's key in the process definition and the report's definitions. */
  key: string;
  color: MantineColor;
  format: (value: number | null) => string;
  value: (report: TKpiReportResponse) => number | null;
  detail: (report: TKpiReportResponse) => string;
  point: (point: TKpiTrendPoint) => number | null;
};

const money = (value: number | null) => (value === null ? '—' : formatMoney(value));

/** The shortest return window: the first to tell anything about a recent cohort. */
const firstReturnWindow = (kpi: TKpiReportResponse['clientReturn']) => kpi.windows[0];

export const KPI_TILES: KpiTile[] = [
  {
    key: 'client_retention_rate',
    color: 'brand',
    format: formatPercent,
    value: (report) => report.clientRetention.rate,
    detail: ({ clientRetention: kpi }) =>
      `${kpi.retained + kpi.withdrawn} of ${plural(kpi.ended, 'ended closeout')} kept the client`,
    point: (point) => point.clientRetention.rate,
  },
  {
    key: 'client_return_rate',
    color: 'grape',
    format: formatPercent,
    value: (report) => firstReturnWindow(report.clientReturn)?.rate ?? null,
    detail: ({ clientReturn }) => {
      const window = firstReturnWindow(clientReturn);
      if (window === undefined) return plural(clientReturn.cohort, 'former client');
      return `${window.returned} of ${plural(window.eligible, 'former client')} returned within ${window.months} months`;
    },
    point: (point) => firstReturnWindow(point.clientReturn)?.rate ?? null,
  },
  {
    key: 'deactivation_issues',
    color: 'cyan',
    format: formatPercent,
    value: (report) => report.deactivationIssues.shareWithoutIssues,
    detail: ({ deactivationIssues: kpi }) =>
      `closed without an issue · ${plural(kpi.issues, 'issue')} over ${plural(kpi.closeouts, 'closeout')}`,
    point: (point) => point.deactivationIssues.shareWithoutIssues,
  },
  {
    key: 'mrr_at_risk',
    color: 'orange',
    format: money,
    value: (report) => report.mrrAtRisk.amount,
    detail: (report) => `in ${plural(report.mrrAtRisk.closeouts, 'open closeout')}`,
    point: (point) => point.mrrAtRisk.amount,
  },
  {
    key: 'mrr_lost',
    color: 'red',
    format: money,
    value: (report) => report.mrr.lost,
    // The deactivation issues count over exactly the closeouts that ended terminated.
    detail: (report) =>
      `from ${plural(report.deactivationIssues.closeouts, 'closeout')} ended terminated`,
    point: (point) => point.mrr.lost,
  },
  {
    key: 'mrr_saved',
    color: 'teal',
    format: money,
    value: (report) => report.mrr.saved,
    detail: () => 'from closeouts ended retained or withdrawn',
    point: (point) => point.mrr.saved,
  },
];

/**
 * A KPI as the tile states it: by the name the organisation's process gives it, and defined
 * exactly as the report computed it (the process's own wording where the report has none).
 */
export function kpiStatement(
  report: TKpiReportResponse,
  key: string,
): { name: string; definition: string } | undefined {
  const stated = report.processKpis.find((kpi) => kpi.key === key);
  const computed = report.definitions.find((kpi) => kpi.key === key);
  const name = stated?.name ?? computed?.name;
  const definition = computed?.definition ?? stated?.definition;
  return name === undefined || definition === undefined ? undefined : { name, definition };
}
