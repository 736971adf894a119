import type { PsaAgreement, PsaClient, PsaTicket } from '../connector.js';
import { PsaError } from '../errors.js';
import { haloDay, haloMoment } from './dates.js';
import type { HaloClient, HaloContract, HaloTicket } from './records.js';

/** Halo's client list records neither when the relationship began nor an industry. */
export function toPsaClient(client: HaloClient): PsaClient {
  return {
    externalId: String(client.id),
    name: client.name.trim(),
    clientSince: null,
    industry: '',
  };
}

export function toPsaAgreement(contract: HaloContract): PsaAgreement {
  const termEndDate = haloDay(contract.end_date);
  const ended = contract.expired === true || contract.active === false;
  return {
    externalId: String(contract.id),
    clientExternalId: String(contract.client_id),
    name: contract.ref?.trim() || `Contract ${contract.id}`,
    monthlyRecurringRevenue: monthlyAmount(contract),
    startDate:
      haloDay(contract.start_date) ?? missing(`HaloPSA contract ${contract.id} has no start date.`),
    termEndDate,
    // Halo keeps no notice period on a contract.
    noticePeriodDays: null,
    status: ended ? 'ended' : 'active',
    endedOn: ended ? termEndDate : null,
  };
}

/**
 * Closed means Halo's closed status or a closing date; a closed ticket counts as cancelled only
 * when its status says so, e.g. a "Cancelled" status an MSP added.
 */
export function toPsaTicket(ticket: HaloTicket, closedStatusId: number): PsaTicket {
  const closedAt = haloMoment(ticket.dateclosed);
  const closed = ticket.status_id === closedStatusId || closedAt !== null;
  const cancelled = /cancel/i.test(ticket.status_name ?? '');
  return {
    externalId: String(ticket.id),
    clientExternalId: String(ticket.client_id),
    number: String(ticket.id),
    title: ticket.summary?.trim() ?? '',
    status: closed ? (cancelled ? 'cancelled' : 'completed') : 'open',
    priority: priorityOf(ticket),
    openedAt:
      haloMoment(ticket.dateoccurred) ??
      missing(`HaloPSA ticket ${ticket.id} has no opening date.`),
    closedAt: closed ? closedAt : null,
  };
}

/** The list answer names no priority, only its number within the ticket's SLA. */
function priorityOf(ticket: HaloTicket): string {
  if (ticket.priority?.name) return ticket.priority.name.trim();
  return ticket.priority_id == null ? '' : `Priority ${ticket.priority_id}`;
}

/** Halo's period charge is per billing period; the code 2 is Halo's monthly period. */
const HALO_MONTHLY_PERIOD = 2;

function monthlyAmount(contract: HaloContract): number {
  const charge = contract.periodchargeamount ?? 0;
  const months = monthsPerPeriod(contract.billing_period_string, contract.billingperiod);
  if (charge <= 0 || months === null) return 0;
  return Math.round((charge / months) * 100) / 100;
}

function monthsPerPeriod(label: string | null | undefined, code: number | null | undefined) {
  const name = (label ?? '').toLowerCase();
  if (name.includes('week')) return 12 / 52;
  if (name.includes('quarter')) return 3;
  if (/six|half|6/.test(name)) return 6;
  if (name.includes('year') || name.includes('annual')) return 12;
  if (name.includes('month')) return 1;
  return code === HALO_MONTHLY_PERIOD ? 1 : null;
}

function missing(message: string): never {
  throw new PsaError('unexpected_response', message);
}
