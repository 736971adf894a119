import { calendarDaysBetween, endedIn, utcDayOf } from './calendar.js';
import type { KpiCloseout, KpiPeriod } from './inputs.js';
import { mean, median, roundTo } from './numbers.js';
import type { TDaysNoticeToClose } from './report-schema.js';

/** Calendar days from the notice date to the UTC day each closeout ended in the period. */
export function daysNoticeToClose({
  closeouts,
  period,
}: {
  closeouts: KpiCloseout[];
  period: KpiPeriod;
}): TDaysNoticeToClose {
  const days = closeouts
    .filter(endedIn(period))
    .map((closeout) => calendarDaysBetween(closeout.noticeReceivedOn, utcDayOf(closeout.endedAt)));
  const average = mean(days);
  return {
    closeouts: days.length,
    median: median(days),
    mean: average === null ? null : roundTo(average, 1),
  };
}
