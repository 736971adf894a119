import type { IsoDate } from '../model.js';
import { endedIn, utcDayOf } from './calendar.js';
import type { KpiCloseout, KpiPeriod } from './inputs.js';
import { sumMoney } from './numbers.js';
import type { TMrrAtRiskKpi, TMrrKpi } from './report-schema.js';

/** MRR at risk of the closeouts that ended in the period: lost when terminated, else saved. */
export function mrrLostAndSaved({
  closeouts,
  period,
}: {
  closeouts: KpiCloseout[];
  period: KpiPeriod;
}): TMrrKpi {
  const ended = closeouts.filter(endedIn(period));
  return {
    lost: sumMoney(
      ended.filter((closeout) => closeout.status === 'terminated').map((c) => c.mrrAtRisk),
    ),
    saved: sumMoney(
      ended.filter((closeout) => closeout.status !== 'terminated').map((c) => c.mrrAtRisk),
    ),
  };
}

/**
 * The closeouts still open at the end of a UTC day, with their MRR at risk: opened by then and
 * not ended that day or before. At the end of today that is every open closeout.
 */
export function mrrAtRisk({
  closeouts,
  on,
}: {
  closeouts: KpiCloseout[];
  on: IsoDate;
}): TMrrAtRiskKpi {
  const open = closeouts.filter(
    (closeout) =>
      utcDayOf(closeout.openedAt) <= on &&
      (closeout.endedAt === null || utcDayOf(closeout.endedAt) > on),
  );
  return { closeouts: open.length, amount: sumMoney(open.map((closeout) => closeout.mrrAtRisk)) };
}
