import { endedIn } from './calendar.js';
import type { KpiCloseout, KpiPeriod } from './inputs.js';
import { sumMoney } from './numbers.js';
import type { TMrrKpi } from './report-schema.js';

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
