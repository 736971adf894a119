import { z } from 'zod';

/**
 * The parts of ConnectWise PSA's records that Closeout reads, as its REST API (3.0) documents
 * them. Every answer is checked against these before it is mapped, so a changed or truncated
 * answer stops with a clear message instead of becoming wrong data.
 */

/** ConnectWise writes moments as ISO 8601 in UTC, e.g. "2024-03-01T09:15:00Z". */
const moment = z.iso.datetime({ offset: true });
const recordId = z.number().int().positive();
const named = z.object({ name: z.string() });

export const systemInfoSchema = z.object({
  version: z.string(),
  isCloud: z.boolean().nullish(),
  cloudRegion: z.string().nullish(),
});

export const companySchema = z.object({
  id: recordId,
  identifier: z.string(),
  name: z.string(),
  dateAcquired: moment.nullish(),
  /** ConnectWise's "Market" is the client's industry. */
  market: named.nullish(),
});

export const agreementSchema = z.object({
  id: recordId,
  name: z.string(),
  company: z.object({ id: recordId }),
  startDate: moment,
  endDate: moment.nullish(),
  noEndingDateFlag: z.boolean().nullish(),
  cancelledFlag: z.boolean().nullish(),
  dateCancelled: moment.nullish(),
  /** "Active", "Cancelled", "Expired" or "Inactive". */
  agreementStatus: z.string().nullish(),
  /** What is invoiced each billing cycle. */
  billAmount: z.number().nullish(),
  billOneTimeFlag: z.boolean().nullish(),
  billingCycle: named.nullish(),
});

export const ticketSchema = z.object({
  id: recordId,
  summary: z.string(),
  company: z.object({ id: recordId }),
  status: named,
  priority: named.nullish(),
  closedFlag: z.boolean(),
  closedDate: moment.nullish(),
  _info: z.object({ dateEntered: moment }),
});

/** What a ticket update answers with: enough to see whether the ticket is now closed. */
export const ticketStateSchema = z.object({
  id: recordId,
  status: named,
  closedFlag: z.boolean(),
});

export const serviceNoteSchema = z.object({ id: recordId, ticketId: recordId });

export type ConnectwiseCompany = z.infer<typeof companySchema>;
export type ConnectwiseAgreement = z.infer<typeof agreementSchema>;
export type ConnectwiseTicket = z.infer<typeof ticketSchema>;
