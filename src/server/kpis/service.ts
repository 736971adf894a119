import { eq } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import {
  clientReturns,
  clients,
  closeouts,
  deactivationIssues,
  responsibilityTransfers,
} from '../../db/schema.js';
import { invalid } from '../../domain/errors.js';
import { addMonthsToDay, utcDayOf } from '../../domain/kpis/calendar.js';
import {
  computeKpiReport,
  computeKpiTrend,
  type KpiCloseout,
  type KpiReturn,
} from '../../domain/kpis.js';
import type { IsoDateTime } from '../../domain/model.js';
import { currentDefinition } from '../process/service.js';
import type { TKpiQuery, TKpiReportResponse, TKpiTrendQuery, TKpiTrendResponse } from './schema.js';

/**
 * The KPI report and trend of an organisation. Everything is read with one query per table,
 * whatever the number of closeouts or months, and computed by the pure KPI functions of the
 * domain.
 */

/** The period asked for: by default the twelve months up to today. */
export function kpiPeriod(query: TKpiQuery, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? addMonthsToDay(to, -12);
  if (from > to) throw invalid('from', `The period cannot start (${from}) after it ends (${to}).`);
  return { from, to };
}

/** The closeouts as the KPIs read them, with their issues' and acceptance's moments. */
async function loadKpiCloseouts(db: Database, orgId: string): Promise<KpiCloseout[]> {
  const [rows, issues, acceptances] = await Promise.all([
    db
      .select({
        id: closeouts.id,
        clientId: closeouts.clientId,
        trigger: closeouts.trigger,
        status: closeouts.status,
        stage: closeouts.stage,
        noticeReceivedOn: closeouts.noticeReceivedOn,
        openedAt: closeouts.openedAt,
        endedAt: closeouts.endedAt,
        mrrAtRisk: closeouts.mrrAtRisk,
        primaryReason: closeouts.primaryReason,
        contributingReasons: closeouts.contributingReasons,
        reasonNotes: closeouts.reasonNotes,
        sessionHeldAt: closeouts.sessionHeldAt,
      })
      .from(closeouts)
      .where(eq(closeouts.orgId, orgId)),
    db
      .select({ closeoutId: deactivationIssues.closeoutId, loggedAt: deactivationIssues.loggedAt })
      .from(deactivationIssues)
      .where(eq(deactivationIssues.orgId, orgId)),
    db
      .select({
        closeoutId: responsibilityTransfers.closeoutId,
        acceptedAt: responsibilityTransfers.acceptedAt,
      })
      .from(responsibilityTransfers)
      .where(eq(responsibilityTransfers.orgId, orgId)),
  ]);

  const issuesByCloseout = new Map<string, IsoDateTime[]>();
  for (const issue of issues) {
    const loggedAt = issuesByCloseout.get(issue.closeoutId) ?? [];
    loggedAt.push(issue.loggedAt.toISOString());
    issuesByCloseout.set(issue.closeoutId, loggedAt);
  }
  const acceptedAt = new Map(
    acceptances.map((acceptance) => [acceptance.closeoutId, acceptance.acceptedAt.toISOString()]),
  );

  return rows.map((row) => ({
    id: row.id,
    clientId: row.clientId,
    trigger: row.trigger,
    status: row.status,
    stage: row.stage,
    noticeReceivedOn: row.noticeReceivedOn,
    openedAt: row.openedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    mrrAtRisk: row.mrrAtRisk,
    reasons: {
      primary: row.primaryReason,
      contributing: row.contributingReasons,
      notes: row.reasonNotes,
    },
    sessionHeldAt: row.sessionHeldAt?.toISOString() ?? null,
    responsibilityAcceptedAt: acceptedAt.get(row.id) ?? null,
    deactivationIssueLoggedAt: issuesByCloseout.get(row.id) ?? [],
  }));
}

async function loadKpiReturns(db: Database, orgId: string): Promise<KpiReturn[]> {
  return db
    .select({
      id: clientReturns.id,
      clientId: clientReturns.clientId,
      closeoutId: clientReturns.closeoutId,
      agreementSignedOn: clientReturns.agreementSignedOn,
      monthlyRecurringRevenue: clientReturns.monthlyRecurringRevenue,
    })
    .from(clientReturns)
    .where(eq(clientReturns.orgId, orgId));
}

export async function kpiReport(options: {
  db: Database;
  orgId: string;
  period: { from: string; to: string };
  now: IsoDateTime;
}): Promise<TKpiReportResponse> {
  const { db, orgId, period, now } = options;
  const [definition, kpiCloseouts, clientRows, returns] = await Promise.all([
    currentDefinition({ db, orgId }),
    loadKpiCloseouts(db, orgId),
    db
      .select({ id: clients.id, clientSince: clients.clientSince })
      .from(clients)
      .where(eq(clients.orgId, orgId)),
    loadKpiReturns(db, orgId),
  ]);
  const report = computeKpiReport({
    closeouts: kpiCloseouts,
    clients: clientRows,
    returns,
    period,
    now,
    deactivationIssueWindowDays: definition.deactivationIssueWindowDays,
    stageOrder: definition.stages.map((stage) => stage.key),
  });
  return {
    ...report,
    processKpis: definition.kpis.map(({ key, name, definition: text }) => ({
      key,
      name,
      definition: text,
    })),
  };
}

/** The report's main figures for each calendar month up to `to` (today by default). */
export async function kpiTrend(options: {
  db: Database;
  orgId: string;
  query: TKpiTrendQuery;
  now: IsoDateTime;
}): Promise<TKpiTrendResponse> {
  const { db, orgId, query, now } = options;
  const [definition, kpiCloseouts, returns] = await Promise.all([
    currentDefinition({ db, orgId }),
    loadKpiCloseouts(db, orgId),
    loadKpiReturns(db, orgId),
  ]);
  const to = query.to ?? utcDayOf(now);
  const points = computeKpiTrend({
    closeouts: kpiCloseouts,
    returns,
    to,
    months: query.months,
    now,
    deactivationIssueWindowDays: definition.deactivationIssueWindowDays,
  });
  return { period: { from: points[0]!.from, to }, asOf: new Date(now).toISOString(), points };
}
