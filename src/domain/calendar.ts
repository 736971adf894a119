import { UTCDate } from '@date-fns/utc';
import { addBusinessDays, addDays, differenceInCalendarDays, formatISO } from 'date-fns';
import type { TDueAnchor, TDueRule } from '../blueprint/schema.js';
import type { IsoDate, IsoDateTime } from './model.js';

/** Closeout dates are calendar days in UTC: the day part of an ISO string, never a local date. */
export function toIsoDate(moment: IsoDateTime | IsoDate): IsoDate {
  return moment.slice(0, 10);
}

function utcDay(day: IsoDate | IsoDateTime): UTCDate {
  return new UTCDate(`${toIsoDate(day)}T00:00:00Z`);
}

export function addDaysToDate(day: IsoDate, days: number, kind: 'business' | 'calendar'): IsoDate {
  const start = utcDay(day);
  const moved = kind === 'business' ? addBusinessDays(start, days) : addDays(start, days);
  return formatISO(moved, { representation: 'date' });
}

export function daysBetween(from: IsoDate | IsoDateTime, to: IsoDate | IsoDateTime): number {
  return differenceInCalendarDays(utcDay(to), utcDay(from));
}

export type DueAnchors = Record<TDueAnchor, IsoDate | null>;

/** The due date a rule gives, or null while the date it counts from is not yet known. */
export function dueDate(rule: TDueRule | null, anchors: DueAnchors): IsoDate | null {
  if (rule === null) return null;
  const anchor = anchors[rule.anchor];
  return anchor === null ? null : addDaysToDate(anchor, rule.offsetDays, rule.days);
}
