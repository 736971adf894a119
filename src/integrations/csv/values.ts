import { z } from 'zod';

/**
 * Reading one cell: dates and times in the formats PSA exports and spreadsheets write, amounts,
 * yes/no values and the PSAs' status words. Each reader returns the value or an `Invalid` with
 * the message the error report shows; a file with a million rows calls them millions of times,
 * so they avoid exceptions and regular expressions that backtrack.
 */

export class Invalid {
  constructor(readonly message: string) {}
}

const DATE_HINT = 'Write dates as 2026-04-30 or 04/30/2026 (month first).';
const TIME_HINT =
  'Write times as 2026-04-30T14:05:00Z, 2026-04-30 14:05 or 04/30/2026 2:05 PM; without a time zone they are UTC.';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;
const SLASHED_ISO = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

type Parts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
  hasTime: boolean;
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

function offsetMinutes(zone: string | undefined): number | Invalid {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return new Invalid(`"${zone}" is not a time zone offset.`);
  return sign * (hours * 60 + minutes);
}

function isoParts(match: RegExpExecArray): Parts | Invalid {
  const offset = offsetMinutes(match[8]);
  if (offset instanceof Invalid) return offset;
  const fraction = match[7] ?? '';
  return {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
    millisecond: fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
    offset,
    hasTime: match[4] !== undefined,
  };
}

function usParts(match: RegExpExecArray): Parts | Invalid {
  let hour = Number(match[4] ?? 0);
  const meridiem = match[7]?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return new Invalid(`"${match[0]}" has an hour that is not 1 to 12.`);
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  return {
    year: Number(match[3]),
    month: Number(match[1]),
    day: Number(match[2]),
    hour,
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
    millisecond: 0,
    offset: 0,
    hasTime: match[4] !== undefined,
  };
}

function partsOf(text: string): Parts | Invalid | null {
  const iso = ISO.exec(text);
  if (iso !== null) return isoParts(iso);
  const us = US.exec(text);
  if (us !== null) return usParts(us);
  const slashed = SLASHED_ISO.exec(text);
  if (slashed !== null) {
    return {
      year: Number(slashed[1]),
      month: Number(slashed[2]),
      day: Number(slashed[3]),
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
      offset: 0,
      hasTime: false,
    };
  }
  return null;
}

function checkedParts(text: string, hint: string): Parts | Invalid {
  const parts = partsOf(text);
  if (parts === null) return new Invalid(`"${text}" is not a date. ${hint}`);
  if (parts instanceof Invalid) return parts;
  if (!validDay(parts.year, parts.month, parts.day)) {
    return new Invalid(`"${text}" is not a day of the calendar. ${hint}`);
  }
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) {
    return new Invalid(`"${text}" is not a time of day. ${hint}`);
  }
  return parts;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** A calendar day, YYYY-MM-DD; a time after it is ignored. */
export function readDay(text: string): string | Invalid {
  const parts = checkedParts(text, DATE_HINT);
  if (parts instanceof Invalid) return parts;
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** The number written by the digits of `text` from `start`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Whether `text` is a valid moment exactly as `toISOString` writes it (2026-04-30T14:05:00.000Z),
 * the form files made by programs mostly have: checked character by character, without the
 * garbage a million regular-expression matches would leave.
 */
function isCanonicalMoment(text: string): boolean {
  if (
    text.length !== 24 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':' ||
    text[16] !== ':' ||
    text[19] !== '.' ||
    text[23] !== 'Z' ||
    digitsAt(text, 20, 3) < 0
  ) {
    return false;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  return (
    validDay(year, month, day) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/** A moment as an ISO 8601 string in UTC; a day alone is its midnight, UTC. */
export function readMoment(text: string): string | Invalid {
  if (isCanonicalMoment(text)) return text;
  const parts = checkedParts(text, TIME_HINT);
  if (parts instanceof Invalid) return parts;
  const utc =
    Date.UTC(
      parts.year,
      parts.month - 1,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second,
      parts.millisecond,
    ) -
    parts.offset * 60_000;
  return new Date(utc).toISOString();
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', 'ja', 'oui']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'nein', 'non']);

/** Yes or no; a blank cell is no. */
export function readBoolean(text: string): boolean | Invalid {
  const word = text.toLowerCase();
  if (word === '' || FALSE_WORDS.has(word)) return false;
  if (TRUE_WORDS.has(word)) return true;
  return new Invalid(`"${text}" is neither yes nor no. Write yes or no, true or false, 1 or 0.`);
}

const MONEY = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** An amount of money: a dot before the cents, commas between thousands, a currency sign allowed. */
export function readMoney(text: string): number | Invalid {
  const amount = text.replace(/^[$€£¥]\s*|\s*(?:[$€£¥]|USD|EUR|GBP|AUD|CAD|NZD)$/gi, '').trim();
  if (amount.startsWith('-')) return new Invalid(`${text} is negative; an amount is zero or more.`);
  if (!MONEY.test(amount)) {
    return new Invalid(`"${text}" is not an amount. Write it like 2500, 2,500.00 or $2,500.00.`);
  }
  const value = Math.round(Number(amount.replaceAll(',', '')) * 100) / 100;
  if (value > 9_999_999_999.99) return new Invalid(`${text} is too large.`);
  return value;
}

/** A whole number from `min` to `max`. */
export function readInteger(text: string, min: number, max: number): number | Invalid {
  if (!/^\d+$/.test(text)) return new Invalid(`"${text}" is not a whole number.`);
  const value = Number(text);
  if (value < min || value > max) return new Invalid(`${text} is not from ${min} to ${max}.`);
  return value;
}

/** How a ticket status word reads, whatever the PSA calls its statuses. */
export type TicketStatus = 'open' | 'completed' | 'cancelled';

/**
 * PSAs let each MSP name its statuses, so the words decide: anything saying cancelled (or void,
 * rejected) is cancelled, anything saying closed, complete(d), resolved or done is completed,
 * and every other status ("New", "In Progress", "Waiting Customer") is still open.
 */
export function readTicketStatus(text: string): TicketStatus {
  const word = text.toLowerCase();
  if (/cancel|\bvoid|\breject|\bwithdrawn/.test(word)) return 'cancelled';
  if (/clos|complet|resolv|\bdone\b|finish/.test(word)) return 'completed';
  return 'open';
}

const CLIENT_STATUSES: Readonly<Record<string, 'active' | 'former'>> = {
  active: 'active',
  current: 'active',
  yes: 'active',
  former: 'former',
  inactive: 'former',
  ended: 'former',
  lost: 'former',
  cancelled: 'former',
  canceled: 'former',
  terminated: 'former',
  no: 'former',
};

export function readClientStatus(text: string): 'active' | 'former' | Invalid {
  return (
    CLIENT_STATUSES[text.toLowerCase()] ??
    new Invalid(`"${text}" is not a client status. Write active or former.`)
  );
}

const AGREEMENT_STATUSES: Readonly<Record<string, 'active' | 'ended'>> = {
  active: 'active',
  current: 'active',
  open: 'active',
  ended: 'ended',
  expired: 'ended',
  inactive: 'ended',
  cancelled: 'ended',
  canceled: 'ended',
  closed: 'ended',
  terminated: 'ended',
};

export function readAgreementStatus(text: string): 'active' | 'ended' | Invalid {
  return (
    AGREEMENT_STATUSES[text.toLowerCase()] ??
    new Invalid(`"${text}" is not an agreement status. Write active or ended.`)
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (text: string): boolean => UUID.test(text);

/** The check the API applies to an email address: zod's own pattern. */
export function readEmail(text: string): string | Invalid {
  return z.regexes.email.test(text) ? text : new Invalid(`"${text}" is not an email address.`);
}
