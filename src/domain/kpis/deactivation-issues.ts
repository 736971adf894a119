import { isAfter, isBefore } from 'date-fns';
import { daysAfter, endedIn, utcMoment } from './calendar.js';
import type { EndedKpiCloseout, KpiCloseout, KpiPeriod } from './inputs.js';
import { share } from './numbers.js';
import type { TDeactivationIssuesKpi } from './report-schema.js';

/**
 * Issues logged from the deactivation session until `windowDays` after the closeout ended.
 * Without a recorded session, the client's acceptance of responsibility marks the hand-over,
 * and failing that the closing itself.
 */
export function issuesInWindow({
  closeout,
  windowDays,
}: {
  closeout: EndedKpiCloseout;
  windowDays: number;
}): number {
  const start = utcMoment(
    closeout.sessionHeldAt ?? closeout.responsibilityAcceptedAt ?? closeout.endedAt,
  );
  const end = daysAfter(closeout.endedAt, windowDays);
  return closeout.deactivationIssueLoggedAt.filter((loggedAt) => {
    const moment = utcMoment(loggedAt);
    return !isBefore(moment, start) && !isAfter(moment, end);
  }).length;
}

/** Over the closeouts that ended terminated in the period. */
export function deactivationIssues({
  closeouts,
  period,
  windowDays,
}: {
  closeouts: KpiCloseout[];
  period: KpiPeriod;
  windowDays: number;
}): TDeactivationIssuesKpi {
  const counts = closeouts
    .filter(endedIn(period))
    .filter((closeout) => closeout.status === 'terminated')
    .map((closeout) => issuesInWindow({ closeout, windowDays }));
  const issues = counts.reduce((total, count) => total + count, 0);
  const closeoutsWithoutIssues = counts.filter((count) => count === 0).length;
  return {
    windowDays,
    closeouts: counts.length,
    issues,
    issuesPerCloseout: share(issues, counts.length),
    closeoutsWithoutIssues,
    shareWithoutIssues: share(closeoutsWithoutIssues, counts.length),
  };
}
