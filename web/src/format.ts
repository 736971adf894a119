/**
 * Dates, moments and money as people read them. Days (`2026-11-27`) are calendar days with no
 * time zone, so they are formatted in UTC to never shift by one.
 */

const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const momentFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const moneyFormat = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const percentFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  maximumFractionDigits: 1,
});

export const formatDay = (day: string | null | undefined): string =>
  day === null || day === undefined ? '—' : dayFormat.format(new Date(`${day}T00:00:00Z`));

export const formatMoment = (moment: string | null | undefined): string =>
  moment === null || moment === undefined ? '—' : momentFormat.format(new Date(moment));

export const formatMoney = (amount: number): string => moneyFormat.format(amount);

export const formatPercent = (share: number | null): string =>
  share === null ? '—' : percentFormat.format(share);

/** Today as a calendar day in the user's own time zone. */
export const today = (): string => {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
};

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A datetime-local input's value (`2026-11-27T14:30`) as an ISO moment with the offset. */
export const localInputToMoment = (value: string): string => new Date(value).toISOString();

/** An ISO moment as a datetime-local input's value in the user's time zone. */
export const momentToLocalInput = (moment: string | null): string => {
  if (moment === null) return '';
  const date = new Date(moment);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};

/** "1 closeout", "3 closeouts". */
export const plural = (count: number, singular: string, many = `${singular}s`): string =>
  `${count} ${count === 1 ? singular : many}`;
