/** Days and moments as mails write them: in words, in UTC (Closeout counts days in UTC). */

const MOMENT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "Tuesday 1 December 2026 at 14:00 UTC" */
export const mailMoment = (moment: Date | string): string =>
  `${MOMENT.format(new Date(moment)).replace(',', '')} UTC`;

/** "Tue 1 Dec 2026" for a YYYY-MM-DD day. */
export const mailDay = (day: string): string =>
  DAY.format(new Date(`${day}T00:00:00Z`)).replace(',', '');
