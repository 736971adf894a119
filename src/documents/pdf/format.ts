/**
 * Dates as people read them in a document. Closeout keeps no time zone per organisation, so
 * documents state UTC explicitly instead of depending on the server's zone.
 */

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const momentFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** "3 March 2026" for a calendar day ("2026-03-03") or a moment; "—" for none. */
export function formatDay(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date =
    typeof value === 'string'
      ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
      : value;
  return Number.isNaN(date.getTime()) ? String(value) : dayFormat.format(date);
}

/** "3 March 2026 at 14:05 UTC" for a moment; "—" for none. */
export function formatMoment(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? String(value) : `${momentFormat.format(date)} UTC`;
}

/** "1.2 MB" for a byte count. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
