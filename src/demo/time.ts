import { toIsoDate } from '../domain/calendar.js';
import type { IsoDate, IsoDateTime } from '../domain/model.js';

/**
 * Days and moments of the demo's simulated past, all in UTC like the rest of Closeout. Day
 * arithmetic is plain epoch maths here rather than the calendar module's date-fns: the demo
 * does it hundreds of thousands of times, and from a weekday both count business days alike.
 */

const DAY_MS = 86_400_000;

const epochDay = (day: IsoDate): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayFromEpoch = (epoch: number): IsoDate =>
  new Date(epoch * DAY_MS).toISOString().slice(0, 10);
const weekendEpoch = (epoch: number): boolean => {
  // 1970-01-01 was a Thursday: 0 is Thursday, 2 Saturday, 3 Sunday.
  const weekday = ((((epoch % 7) + 7) % 7) + 4) % 7;
  return weekday === 0 || weekday === 6;
};

export const calendarDays = (day: IsoDate, days: number): IsoDate =>
  dayFromEpoch(epochDay(day) + days);

/** `days` business days on (or back, when negative), skipping Saturdays and Sundays. */
export const businessDays = (day: IsoDate, days: number): IsoDate => {
  const direction = Math.sign(days);
  let epoch = epochDay(day) + Math.trunc(Math.abs(days) / 5) * 7 * direction;
  let remaining = Math.abs(days) % 5;
  while (remaining > 0) {
    epoch += direction;
    if (!weekendEpoch(epoch)) remaining -= 1;
  }
  return dayFromEpoch(epoch);
};

export const isWeekend = (day: IsoDate): boolean => weekendEpoch(epochDay(day));

/** The day itself on a weekday, otherwise the Monday after. */
export const weekdayOnOrAfter = (day: IsoDate): IsoDate => {
  let current = day;
  while (isWeekend(current)) current = calendarDays(current, 1);
  return current;
};

/** The moment `hour:minute` on `day`. */
export const at = (day: IsoDate, hour: number, minute = 0): IsoDateTime =>
  new Date(epochDay(day) * DAY_MS + (hour * 60 + minute) * 60_000).toISOString();

export const minutesAfter = (moment: IsoDateTime, minutes: number): IsoDateTime =>
  new Date(Date.parse(moment) + minutes * 60_000).toISOString();

export const dayOf = toIsoDate;

export const later = (left: IsoDateTime, right: IsoDateTime): IsoDateTime =>
  left > right ? left : right;

export const startOfDay = (day: IsoDate): IsoDateTime => at(day, 0);
