/**
 * ITFlow writes dates and times as its MySQL server's wall clock, e.g. "2024-03-05 14:22:10",
 * with no time zone. Closeout needs moments in UTC, so they are read in the time zone the MSP
 * says its ITFlow runs in.
 */

/** `YYYY-MM-DD HH:MM:SS`, as MySQL writes a DATETIME. */
export const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The UTC moment (ISO 8601) that the wall clock `wallClock` shows in `timeZone`. */
export function toUtcMoment(wallClock: string, timeZone: string): string {
  const asIfUtc = Date.parse(`${wallClock.replace(' ', 'T')}Z`);
  // The offset at the guess can differ from the offset at the answer across a DST change, so
  // the answer is corrected once with the offset found there.
  const guess = asIfUtc - offsetMs(asIfUtc, timeZone);
  return new Date(asIfUtc - offsetMs(guess, timeZone)).toISOString();
}

/** The calendar day of the wall clock, `YYYY-MM-DD`: the day the MSP saw in ITFlow. */
export function toDay(wallClock: string): string {
  return wallClock.slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s clocks are ahead of UTC at `utcMs`. */
function offsetMs(utcMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((found) => found.type === type)?.value);
  const shown = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return shown - Math.floor(utcMs / 1000) * 1000;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
