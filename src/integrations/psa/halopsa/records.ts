import { z } from 'zod';

/**
 * The parts of HaloPSA's REST answers the connector reads, as its API reference documents them.
 * Anything else Halo sends is ignored; a missing or mistyped field here means the answer is not
 * what Halo documents.
 */

/** Halo writes dates as `2024-03-12T09:15:00`, sometimes with fractions or a `Z`. */
const haloDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    'expected a date',
  );

export const haloTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
});

export const haloClientSchema = z.object({
  id: z.number().int(),
  name: z.string(),
});

export const haloContractSchema = z.object({
  id: z.number().int(),
  client_id: z.number().int(),
  ref: z.string().nullish(),
  start_date: haloDate.nullish(),
  end_date: haloDate.nullish(),
  expired: z.boolean().nullish(),
  active: z.boolean().nullish(),
  periodchargeamount: z.number().nullish(),
  billingperiod: z.number().int().nullish(),
  billing_period_string: z.string().nullish(),
});

export const haloTicketSchema = z.object({
  id: z.number().int(),
  client_id: z.number().int(),
  summary: z.string().nullish(),
  status_id: z.number().int(),
  status_name: z.string().nullish(),
  priority_id: z.number().int().nullish(),
  /** Only the single-ticket answer carries the priority itself. */
  priority: z.object({ name: z.string() }).nullish(),
  dateoccurred: haloDate,
  dateclosed: haloDate.nullish(),
});

export const haloClientPageSchema = z.object({
  record_count: z.number().int().nonnegative(),
  clients: z.array(haloClientSchema),
});

export const haloContractPageSchema = z.object({
  record_count: z.number().int().nonnegative(),
  contracts: z.array(haloContractSchema),
});

export const haloTicketPageSchema = z.object({
  record_count: z.number().int().nonnegative(),
  tickets: z.array(haloTicketSchema),
});

export type HaloClient = z.infer<typeof haloClientSchema>;
export type HaloContract = z.infer<typeof haloContractSchema>;
export type HaloTicket = z.infer<typeof haloTicketSchema>;
