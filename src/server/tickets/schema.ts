import { z } from 'zod';
import { ZExternalId, ZSource } from '../clients/schema.js';

/**
 * The ticket API's contract: the clients' service-desk tickets, entered by hand or imported.
 * Shared with the web app, so it imports nothing from the server.
 */

const ZId = z.uuid();
const ZMoment = z.iso.datetime({ offset: true });
const ZText = (max: number) => z.string().trim().max(max);
const ZRequiredText = (max: number) => z.string().trim().min(1, 'Required').max(max);

export const ZTicketStatus = z.enum(['open', 'completed', 'cancelled']);
export type TTicketStatus = z.infer<typeof ZTicketStatus>;

export const ZTicket = z.object({
  id: ZId,
  client: z.object({ id: ZId, name: z.string() }),
  number: z.string(),
  title: z.string(),
  status: ZTicketStatus,
  priority: z.string(),
  openedAt: ZMoment,
  closedAt: ZMoment.nullable(),
  slaBreached: z.boolean(),
  satisfaction: z.number().int().nullable(),
  source: ZSource,
  externalId: z.string().nullable(),
});
export type TTicket = z.infer<typeof ZTicket>;

export const ZTicketPage = z.object({
  items: z.array(ZTicket),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TTicketPage = z.infer<typeof ZTicketPage>;

export const ZListTicketsQuery = z.object({
  clientId: ZId.optional(),
  status: ZTicketStatus.optional(),
  /** Part of the ticket's title or number. */
  q: ZText(120).optional(),
  /** `status`: open tickets first, then completed and cancelled ones; newest first in each. */
  sort: z.enum(['openedAt', '-openedAt', 'number', '-number', 'status']).default('-openedAt'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListTicketsQuery = z.infer<typeof ZListTicketsQuery>;

const ticketFields = {
  number: ZRequiredText(64),
  title: ZRequiredText(500),
  status: ZTicketStatus,
  /** As the PSA names it, e.g. "high" or "P2 - High". */
  priority: ZRequiredText(40),
  openedAt: ZMoment,
  slaBreached: z.boolean(),
  /** The client's rating of the ticket, 1 to 5; null when not rated. */
  satisfaction: z.number().int().min(1, 'from 1 to 5').max(5, 'from 1 to 5').nullable(),
};

export const ZCreateTicketRequest = z.object({
  clientId: ZId,
  ...ticketFields,
  status: ticketFields.status.default('open'),
  priority: ticketFields.priority.default('normal'),
  slaBreached: ticketFields.slaBreached.default(false),
  satisfaction: ticketFields.satisfaction.default(null),
  /** When a ticket imported as completed or cancelled was closed; now when absent. */
  closedAt: ZMoment.optional(),
  source: ZSource.default('manual'),
  externalId: ZExternalId.default(null),
});
export type TCreateTicketRequest = z.infer<typeof ZCreateTicketRequest>;

/** Completing or cancelling a ticket stamps its closing moment; reopening clears it. */
export const ZUpdateTicketRequest = z
  .object(ticketFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change.');
export type TUpdateTicketRequest = z.infer<typeof ZUpdateTicketRequest>;

export const ZTicketParams = z.object({ ticketId: ZId });
