import type { IsoDate, IsoDateTime } from '../model.js';
import { addMonthsToDay, endedIn, utcDayOf } from './calendar.js';
import type { KpiCloseout, KpiPeriod, KpiReturn } from './inputs.js';
import { share } from './numbers.js';
import type { TClientReturnKpi } from './report-schema.js';

export const RETURN_WINDOWS_MONTHS = [6, 12, 24] as const;

function firstReturnByCloseout(returns: KpiReturn[]): Map<string, IsoDate> {
  const first = new Map<string, IsoDate>();
  for (const { closeoutId, agreementSignedOn } of returns) {
    const known = first.get(closeoutId);
    if (known === undefined || agreementSignedOn < known) first.set(closeoutId, agreementSignedOn);
  }
  return first;
}

/**
 * For the clients whose closeout ended terminated in the period, the share that signed a new
 * agreement within each window after the closeout ended. A window counts a client only once it
 * has fully elapsed, so a young cohort does not read as one that never returns.
 */
export function clientReturnRate({
  closeouts,
  returns,
  period,
  now,
}: {
  closeouts: KpiCloseout[];
  returns: KpiReturn[];
  period: KpiPeriod;
  now: IsoDateTime;
}): TClientReturnKpi {
  const today = utcDayOf(now);
  const firstReturn = firstReturnByCloseout(returns);
  const cohort = closeouts
    .filter(endedIn(period))
    .filter((closeout) => closeout.status === 'terminated')
    .map((closeout) => ({
      endedOn: utcDayOf(closeout.endedAt),
      returnedOn: firstReturn.get(closeout.id) ?? null,
    }));

  const windows = RETURN_WINDOWS_MONTHS.map((months) => {
    const eligible = cohort
      .map((departure) => ({ ...departure, windowEnd: addMonthsToDay(departure.endedOn, months) }))
      .filter((departure) => departure.windowEnd < today);
    const returned = eligible.filter(
      (departure) => departure.returnedOn !== null && departure.returnedOn <= departure.windowEnd,
    ).length;
    return { months, eligible: eligible.length, returned, rate: share(returned, eligible.length) };
  });

  return {
    cohort: cohort.length,
    returnedToDate: cohort.filter(
      (departure) => departure.returnedOn !== null && departure.returnedOn <= today,
    ).length,
    windows,
  };
}
