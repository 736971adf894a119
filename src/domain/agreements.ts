import { addDaysToDate, daysBetween } from './calendar.js';
import type { Agreement, HealthSnapshot, IsoDate, IsoDateTime, Ticket } from './model.js';

export function activeAgreements(agreements: Agreement[]): Agreement[] {
  return agreements.filter((agreement) => agreement.status === 'active');
}

/** Monthly recurring revenue of the agreements still running. */
export function monthlyRecurringRevenue(agreements: Agreement[]): number {
  const cents = activeAgreements(agreements).reduce(
    (sum, agreement) => sum + Math.round(agreement.monthlyRecurringRevenue * 100),
    0,
  );
  return cents / 100;
}

/** When one agreement can end after a notice, and what holds it until then. */
export type AgreementEnding = {
  agreement: Agreement;
  endsOn: IsoDate;
  /** The notice period runs out, or a fixed term that runs longer ends. */
  by: 'notice_period' | 'term_end';
};

/**
 * When each active agreement can end after a notice received on `noticeOn`: after its notice
 * period, and not before the end of a fixed term.
 */
export function agreementEndings(agreements: Agreement[], noticeOn: IsoDate): AgreementEnding[] {
  return activeAgreements(agreements).map((agreement) => {
    const noticeEnds = addDaysToDate(noticeOn, agreement.noticePeriodDays, 'calendar');
    // ISO dates compare as text.
    return agreement.termEndDate !== null && agreement.termEndDate > noticeEnds
      ? { agreement, endsOn: agreement.termEndDate, by: 'term_end' }
      : { agreement, endsOn: noticeEnds, by: 'notice_period' };
  });
}

/**
 * The earliest day every active agreement can end after a notice received on `noticeOn`. With
 * no active agreement there is nothing to wait for, so the notice day itself is proposed.
 */
export function earliestTerminationDate(agreements: Agreement[], noticeOn: IsoDate): IsoDate {
  const endings = agreementEndings(agreements, noticeOn).map((ending) => ending.endsOn);
  return [noticeOn, ...endings].sort().at(-1)!;
}

const HEALTH_WINDOW_DAYS = 90;

/** The retention assessment's health snapshot, from the client's agreements and tickets. */
export function compileHealthSnapshot(options: {
  clientSince: IsoDate;
  agreements: Agreement[];
  tickets: Ticket[];
  now: IsoDateTime;
}): HealthSnapshot {
  const { clientSince, agreements, tickets, now } = options;
  const recent = tickets.filter(
    (ticket) => daysBetween(ticket.openedAt, now) <= HEALTH_WINDOW_DAYS && ticket.openedAt <= now,
  );
  const ratings = recent.flatMap((ticket) =>
    ticket.satisfaction === null ? [] : [ticket.satisfaction],
  );
  const meanRating =
    ratings.length === 0 ? null : ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length;
  return {
    compiledAt: now,
    tenureMonths: Math.max(0, Math.floor(daysBetween(clientSince, now) / 30.4375)),
    monthlyRecurringRevenue: monthlyRecurringRevenue(agreements),
    ticketsLast90Days: recent.length,
    slaBreachesLast90Days: recent.filter((ticket) => ticket.slaBreached).length,
    satisfactionLast90Days: meanRating === null ? null : Math.round(meanRating * 100) / 100,
    openTickets: tickets.filter((ticket) => ticket.status === 'open').length,
  };
}
