import type { PsaAgreement, PsaClient, PsaTicket } from '../connector.js';
import type { ConnectwiseAgreement, ConnectwiseCompany, ConnectwiseTicket } from './records.js';

/** ConnectWise PSA records in Closeout's words: companies are clients, statuses become three. */

export function toPsaClient(company: ConnectwiseCompany): PsaClient {
  return {
    externalId: String(company.id),
    name: company.name,
    clientSince: company.dateAcquired ? toDay(company.dateAcquired) : null,
    industry: company.market?.name ?? '',
  };
}

export function toPsaAgreement(agreement: ConnectwiseAgreement): PsaAgreement {
  const cancelled = agreement.agreementStatus === 'Cancelled' || agreement.cancelledFlag === true;
  const active = !cancelled && (agreement.agreementStatus ?? 'Active') === 'Active';
  return {
    externalId: String(agreement.id),
    clientExternalId: String(agreement.company.id),
    name: agreement.name,
    monthlyRecurringRevenue: monthlyRecurringRevenue(agreement),
    startDate: toDay(agreement.startDate),
    termEndDate: agreement.noEndingDateFlag || !agreement.endDate ? null : toDay(agreement.endDate),
    // ConnectWise agreements record no notice period.
    noticePeriodDays: null,
    status: active ? 'active' : 'ended',
    endedOn: active ? null : endedOn(agreement, cancelled),
  };
}

export function toPsaTicket(ticket: ConnectwiseTicket): PsaTicket {
  return {
    externalId: String(ticket.id),
    clientExternalId: String(ticket.company.id),
    // Staff and clients quote a ConnectWise ticket by its record id, e.g. "Ticket #41872".
    number: String(ticket.id),
    title: ticket.summary,
    status: ticketStatus(ticket),
    priority: ticket.priority?.name ?? '',
    openedAt: toMoment(ticket._info.dateEntered),
    closedAt: ticket.closedFlag && ticket.closedDate ? toMoment(ticket.closedDate) : null,
  };
}

/**
 * Boards name their own statuses, so only `closedFlag` says whether a ticket is closed; a closed
 * status whose name says so (e.g. "Closed - Cancelled", "Canceled") marks it cancelled.
 */
function ticketStatus(ticket: ConnectwiseTicket): PsaTicket['status'] {
  if (!ticket.closedFlag) return 'open';
  return /cancel/i.test(ticket.status.name) ? 'cancelled' : 'completed';
}

/**
 * How many months one billing cycle covers, keyed by the cycle's name without case or
 * punctuation ("Semi-Annual" → "semiannual"), as ConnectWise ships them.
 */
const MONTHS_PER_BILLING_CYCLE: Readonly<Record<string, number>> = {
  weekly: 12 / 52,
  biweekly: 12 / 26,
  monthly: 1,
  bimonthly: 2,
  quarterly: 3,
  semiannual: 6,
  semiannually: 6,
  annual: 12,
  annually: 12,
  yearly: 12,
};

/** `billAmount` is invoiced once per billing cycle; one-off billing recurs never. */
function monthlyRecurringRevenue(agreement: ConnectwiseAgreement): number {
  if (agreement.billOneTimeFlag || !agreement.billAmount || !agreement.billingCycle) return 0;
  const cycle = agreement.billingCycle.name.toLowerCase().replace(/[^a-z]/g, '');
  const months = MONTHS_PER_BILLING_CYCLE[cycle];
  if (months === undefined) return 0;
  return Math.round((agreement.billAmount / months) * 100) / 100;
}

function endedOn(agreement: ConnectwiseAgreement, cancelled: boolean): string | null {
  const ended = cancelled
    ? (agreement.dateCancelled ?? agreement.endDate)
    : (agreement.endDate ?? agreement.dateCancelled);
  return ended ? toDay(ended) : null;
}

function toMoment(value: string): string {
  return new Date(value).toISOString();
}

function toDay(value: string): string {
  return toMoment(value).slice(0, 10);
}
