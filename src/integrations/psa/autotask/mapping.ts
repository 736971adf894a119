import { UTCDate } from '@date-fns/utc';
import { addDays, differenceInCalendarMonths } from 'date-fns';
import type { PsaAgreement, PsaClient, PsaTicket } from '../connector.js';
import {
  type AutotaskCompany,
  type AutotaskContract,
  type AutotaskTicket,
  asUtc,
} from './records.js';

/** Autotask records → Closeout's. Pure: the picklist labels come in with the records. */

/** Autotask's contract status picklist: 1 Active, 0 Inactive. */
const ACTIVE_CONTRACT = 1;
/** Autotask's contract type for a recurring (managed) service contract. */
const RECURRING_SERVICE_CONTRACT = 7;
/**
 * Autotask closes a ticket with one status (Complete), but MSPs commonly add a status such as
 * "Cancelled" for tickets that will not be done; its name is the only sign of it.
 */
const CANCELLED_STATUS = /\bcancel/i;

export function toClient(company: AutotaskCompany, marketSegments: Map<number, string>): PsaClient {
  return {
    externalId: String(company.id),
    name: company.companyName,
    clientSince: company.createDate == null ? null : dayOf(company.createDate),
    // Autotask calls a company's industry its market segment.
    industry: labelOf(marketSegments, company.marketSegmentID) ?? '',
  };
}

export function toAgreement(contract: AutotaskContract): PsaAgreement {
  const startDate = contract.startDate.slice(0, 10);
  const termEndDate = contract.endDate == null ? null : contract.endDate.slice(0, 10);
  const active = contract.status === ACTIVE_CONTRACT;
  return {
    externalId: String(contract.id),
    clientExternalId: String(contract.companyID),
    name: contract.contractName,
    monthlyRecurringRevenue: monthlyRevenueOf(contract, startDate, termEndDate),
    startDate,
    termEndDate,
    // Autotask has no notice period on a contract.
    noticePeriodDays: null,
    status: active ? 'active' : 'ended',
    // An inactive contract's end date is the only end Autotask records.
    endedOn: active ? null : termEndDate,
  };
}

/**
 * Autotask keeps no monthly figure on a contract. For a recurring service contract its
 * estimated revenue, spread evenly over the months of its term, is the closest it says; other
 * contract types bill work or blocks, not a monthly fee.
 */
function monthlyRevenueOf(
  contract: AutotaskContract,
  startDate: string,
  termEndDate: string | null,
): number {
  if (contract.contractType !== RECURRING_SERVICE_CONTRACT) return 0;
  if (contract.estimatedRevenue == null || termEndDate === null) return 0;
  const start = new UTCDate(`${startDate}T00:00:00Z`);
  const dayAfterEnd = addDays(new UTCDate(`${termEndDate}T00:00:00Z`), 1);
  const months = Math.max(1, differenceInCalendarMonths(dayAfterEnd, start));
  return Math.round((contract.estimatedRevenue / months) * 100) / 100;
}

/** What the ticket's status and priority ids mean in this Autotask instance. */
export type TicketVocabulary = {
  completeStatusId: number;
  statuses: Map<number, string>;
  priorities: Map<number, string>;
};

function ticketStatusOf(status: number, vocabulary: TicketVocabulary): PsaTicket['status'] {
  if (CANCELLED_STATUS.test(labelOf(vocabulary.statuses, status) ?? '')) return 'cancelled';
  return status === vocabulary.completeStatusId ? 'completed' : 'open';
}

export function toTicket(ticket: AutotaskTicket, vocabulary: TicketVocabulary): PsaTicket {
  const status = ticketStatusOf(ticket.status, vocabulary);
  return {
    externalId: String(ticket.id),
    clientExternalId: String(ticket.companyID),
    number: ticket.ticketNumber,
    title: ticket.title,
    status,
    priority:
      labelOf(vocabulary.priorities, ticket.priority) ??
      (ticket.priority == null ? '' : String(ticket.priority)),
    openedAt: momentOf(ticket.createDate),
    // A reopened ticket keeps its old completed date; only a closed one has ended.
    closedAt:
      status === 'open' || ticket.completedDate == null ? null : momentOf(ticket.completedDate),
  };
}

function labelOf(labels: Map<number, string>, id: number | null | undefined): string | undefined {
  return id == null ? undefined : labels.get(id);
}

function momentOf(value: string): string {
  return new Date(asUtc(value)).toISOString();
}

function dayOf(value: string): string {
  return momentOf(value).slice(0, 10);
}
