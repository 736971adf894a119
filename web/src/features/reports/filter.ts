import type {
  TDetailReport,
  TReportUse,
  TTaskReport,
} from '../../../../src/server/reports/schema.js';

/** Narrowing a report to one role's or one system's work; null keys leave it whole. */
export type ReportFilter = { role: string | null; system: string | null };

const taskKeys = (uses: TReportUse[]) =>
  new Set(uses.flatMap((use) => use.tasks.map((task) => task.key)));

/** The tasks a filter keeps, or null when it keeps every task. */
function keptTasks(report: TDetailReport, filter: ReportFilter): Set<string> | null {
  const sets = [
    filter.role === null
      ? null
      : taskKeys(report.roles.find((role) => role.key === filter.role)?.uses ?? []),
    filter.system === null
      ? null
      : taskKeys(report.systems.find((system) => system.key === filter.system)?.uses ?? []),
  ].filter((set): set is Set<string> => set !== null);
  if (sets.length === 0) return null;
  const [first, ...rest] = sets;
  return new Set([...first!].filter((key) => rest.every((set) => set.has(key))));
}

function narrowUses(uses: TReportUse[], kept: Set<string>): TReportUse[] {
  return uses.flatMap((use) => {
    const tasks = use.tasks.filter((task) => kept.has(task.key));
    return tasks.length === 0 ? [] : [{ ...use, tasks }];
  });
}

/**
 * The Detail Report as far as the filter's tasks go: each role, system, document and KPI with
 * only those tasks, and those used by none of them left out (the filtered role or system stays).
 */
export function filterDetailReport(report: TDetailReport, filter: ReportFilter): TDetailReport {
  const kept = keptTasks(report, filter);
  if (kept === null) return report;
  const narrow = <T extends { key: string; uses: TReportUse[] }>(
    items: T[],
    chosen: string | null,
  ) =>
    items
      .map((item) => ({ ...item, uses: narrowUses(item.uses, kept) }))
      .filter((item) => item.uses.length > 0 || item.key === chosen);
  return {
    ...report,
    roles: narrow(report.roles, filter.role),
    systems: narrow(report.systems, filter.system),
    documents: narrow(report.documents, null),
    kpis: narrow(report.kpis, null),
  };
}

/** The Task Report's tasks that have the role and the system; stages left empty are dropped. */
export function filterTaskReport(report: TTaskReport, filter: ReportFilter): TTaskReport {
  if (filter.role === null && filter.system === null) return report;
  return {
    ...report,
    stages: report.stages
      .map((stage) => ({
        ...stage,
        tasks: stage.tasks.filter(
          (task) =>
            (filter.role === null || task.roles.some((role) => role.key === filter.role)) &&
            (filter.system === null || task.systems.some((system) => system.key === filter.system)),
        ),
      }))
      .filter((stage) => stage.tasks.length > 0),
  };
}
