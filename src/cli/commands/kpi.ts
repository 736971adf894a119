import { z } from 'zod';
import type { TKpiReportResponse } from '../../server/kpis/schema.js';
import { kpiPeriod, kpiReport } from '../../server/kpis/service.js';
import { resolveOrganisation, withDatabase } from '../database.js';
import { formatTable } from '../output.js';

const ZKpiOptions = z.object({
  from: z.iso.date('a date like 2026-01-31').optional(),
  to: z.iso.date('a date like 2026-12-31').optional(),
  org: z.string().optional(),
  json: z.boolean().default(false),
});

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);
const money = (amount: number) =>
  amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function kpiTable(report: TKpiReportResponse): string {
  const {
    deactivationIssues,
    clientRetention,
    logoRetention,
    clientReturn,
    mrr,
    daysNoticeToClose,
  } = report;
  const rows: string[][] = [
    [
      'Deactivation Issues',
      deactivationIssues.issuesPerCloseout === null
        ? '—'
        : deactivationIssues.issuesPerCloseout.toFixed(2),
      `per closeout; ${percent(deactivationIssues.shareWithoutIssues)} of ${deactivationIssues.closeouts} closeouts had none`,
    ],
    [
      'Client Retention Rate',
      percent(clientRetention.rate),
      `${clientRetention.retained} retained, ${clientRetention.withdrawn} withdrawn of ${clientRetention.ended} ended`,
    ],
    [
      'Logo retention',
      percent(logoRetention.rate),
      `${logoRetention.lost} of ${logoRetention.activeAtStart} clients lost`,
    ],
    ...clientReturn.windows.map((window) => [
      `Client Return Rate (${window.months} months)`,
      percent(window.rate),
      `${window.returned} of ${window.eligible} eligible of ${clientReturn.cohort} former clients`,
    ]),
    ['MRR lost', money(mrr.lost), 'closeouts ended terminated'],
    ['MRR saved', money(mrr.saved), 'closeouts ended retained or withdrawn'],
    [
      'Days from notice to close',
      daysNoticeToClose.median === null ? '—' : String(daysNoticeToClose.median),
      `median over ${daysNoticeToClose.closeouts} closeouts (mean ${daysNoticeToClose.mean ?? '—'})`,
    ],
  ];
  const byTrigger = Object.entries(report.closeoutsByTrigger)
    .map(([trigger, count]) => `${trigger} ${count}`)
    .join(', ');
  return [
    `KPIs from ${report.period.from} to ${report.period.to}`,
    '',
    formatTable(['KPI', 'value', 'detail'], rows),
    '',
    `Closeouts opened in the period by trigger: ${byTrigger}`,
  ].join('\n');
}

/** The KPI report for a period, as a table or as the API's JSON. */
export async function kpiCommand(options: Record<string, unknown>): Promise<string> {
  const parsed = ZKpiOptions.parse(options);
  const now = new Date().toISOString();
  const period = kpiPeriod(
    {
      ...(parsed.from === undefined ? {} : { from: parsed.from }),
      ...(parsed.to === undefined ? {} : { to: parsed.to }),
    },
    now.slice(0, 10),
  );
  return withDatabase(async ({ db }) => {
    const organisation = await resolveOrganisation(db, parsed.org);
    const report = await kpiReport({ db, orgId: organisation.id, period, now });
    return parsed.json ? JSON.stringify(report, null, 2) : kpiTable(report);
  });
}
