/**
 * Halo's dates: moments in UTC written without an offset, and 1 January 1900 (30 December 1899
 * in older records) where a date was never set.
 */

const NEVER_SET = /^(1899|1900)-/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/** A moment as ISO 8601 in UTC, or null when Halo has none. */
export function haloMoment(value: string | null | undefined): string | null {
  if (!value || NEVER_SET.test(value)) return null;
  const dateTime = value.length === 10 ? `${value}T00:00:00` : value;
  return new Date(HAS_OFFSET.test(dateTime) ? dateTime : `${dateTime}Z`).toISOString();
}

/** A calendar day, `YYYY-MM-DD`, as Halo wrote it, or null when Halo has none. */
export function haloDay(value: string | null | undefined): string | null {
  if (!value || NEVER_SET.test(value)) return null;
  return value.slice(0, 10);
}
