import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, differenceInCalendarDays, endOfDay, formatISO } from 'date-fns';
import type { IsoDate, IsoDateTime } from '../model.js';
import type { EndedKpiCloseout, KpiCloseout, KpiPeriod } from './inputs.js';

/**
 * Every KPI counts in UTC: a day string is a UTC calendar day and a moment belongs to the UTC
 * day it falls on, so a report reads the same whatever the server's time zone.
 */

export function startOfUtcDay(day: IsoDate): UTCDate {
  return new UTCDate(`${day}T00:00:00.000Z`);
}

export function endOfUtcDay(day: IsoDate): UTCDate {
  return endOfDay(startOfUtcDay(day));
}

export function utcMoment(moment: IsoDateTime): UTCDate {
  return new UTCDate(moment);
}

export function utcDayOf(moment: IsoDateTime): IsoDate {
  return formatISO(utcMoment(moment), { representation: 'date' });
}

export function addMonthsToDay(day: IsoDate, months: number): IsoDate {
  return formatISO(addMonths(startOfUtcDay(day), months), { representation: 'date' });
}

/** A moment some whole days later; UTC days are always 24 hours long. */
export function daysAfter(moment: IsoDateTime, days: number): UTCDate {
  return addDays(utcMoment(moment), days);
}

export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(startOfUtcDay(to), startOfUtcDay(from));
}

export function isInPeriod(moment: IsoDateTime | null, period: KpiPeriod): moment is IsoDateTime {
  if (moment === null) return false;
  const day = utcDayOf(moment);
  return day >= period.from && day <= period.to;
}

export function endedIn(period: KpiPeriod) {
  return (closeout: KpiCloseout): closeout is EndedKpiCloseout =>
    closeout.status !== 'open' && isInPeriod(closeout.endedAt, period);
}

export function openedIn(period: KpiPeriod) {
  return (closeout: KpiCloseout): boolean => isInPeriod(closeout.openedAt, period);
}
