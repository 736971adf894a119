import { openedIn } from './calendar.js';
import type { KpiCloseout, KpiPeriod } from './inputs.js';
import { sumMoney } from './numbers.js';
import type { TReasonsBreakdown } from './report-schema.js';

/** Most frequent first; unrecorded last; ties by name so the order never wobbles. */
function byFrequency<T extends { reason: string | null; closeouts: number }>(a: T, b: T): number {
  if (a.closeouts !== b.closeouts) return b.closeouts - a.closeouts;
  if (a.reason === null || b.reason === null) return a.reason === null ? 1 : -1;
  return a.reason.localeCompare(b.reason);
}

/** Why the closeouts opened in the period were opened: primary reasons with their MRR. */
export function reasonsBreakdown({
  closeouts,
  period,
}: {
  closeouts: KpiCloseout[];
  period: KpiPeriod;
}): TReasonsBreakdown {
  const opened = closeouts.filter(openedIn(period));

  const mrrByPrimary = new Map<string | null, number[]>();
  const closeoutsByContributing = new Map<string, number>();
  for (const { reasons, mrrAtRisk } of opened) {
    mrrByPrimary.set(reasons.primary, [...(mrrByPrimary.get(reasons.primary) ?? []), mrrAtRisk]);
    for (const reason of new Set(reasons.contributing)) {
      closeoutsByContributing.set(reason, (closeoutsByContributing.get(reason) ?? 0) + 1);
    }
  }

  return {
    primary: [...mrrByPrimary]
      .map(([reason, amounts]) => ({
        reason,
        closeouts: amounts.length,
        mrrAtRisk: sumMoney(amounts),
      }))
      .sort(byFrequency),
    contributing: [...closeoutsByContributing]
      .map(([reason, count]) => ({ reason, closeouts: count }))
      .sort(byFrequency),
  };
}
