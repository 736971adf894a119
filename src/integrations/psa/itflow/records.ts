import { z } from 'zod';
import { WALL_CLOCK } from './wall-clock.js';

/**
 * The parts of ITFlow's API v1 answers that Closeout reads. ITFlow returns its database rows as
 * they are, so every value comes as MySQL hands it to PHP: numbers usually as strings, empty
 * columns as null, dates as the server's wall clock. Keys not named here (a credential's
 * password among them) are dropped when a row is read.
 */

/** Every answer: `{success: "True"|"False", count, data: [rows], message}`. */
export const envelopeSchema = z.object({
  success: z.enum(['True', 'False']),
  message: z.string().nullish(),
  count: z.union([z.number(), z.string()]).nullish(),
  data: z.array(z.unknown()).nullish(),
});
export type ItflowEnvelope = z.infer<typeof envelopeSchema>;

const rowId = z
  .union([z.string().regex(/^\d+$/, 'Expected a whole number'), z.number().int().nonnegative()])
  .transform(String);
const wallClock = z.string().regex(WALL_CLOCK, 'Expected a date and time as YYYY-MM-DD HH:MM:SS');
/** A TINYINT(1) flag. */
const flag = z
  .union([z.enum(['0', '1']), z.literal(0), z.literal(1)])
  .transform((value) => Number(value) === 1);

export const clientSchema = z.object({
  client_id: rowId,
  client_name: z.string(),
  /** Shown as "Industry" in ITFlow. */
  client_type: z.string().nullish(),
  /** A prospect, not yet a client; older ITFlow has no leads. */
  client_lead: flag.nullish(),
  client_created_at: wallClock,
});

export const ticketSchema = z.object({
  ticket_id: rowId,
  ticket_prefix: z.string().nullish(),
  ticket_number: rowId,
  ticket_subject: z.string(),
  /** "Low", "Medium", "High" or "Critical". */
  ticket_priority: z.string().nullish(),
  /** A ticket_statuses id: 1 New, 2 Open, 3 On Hold, 4 Resolved, 5 Closed, 6+ the MSP's own. */
  ticket_status: z.union([z.string(), z.number()]).transform(String),
  ticket_created_at: wallClock,
  ticket_resolved_at: wallClock.nullish(),
  ticket_closed_at: wallClock.nullish(),
  ticket_client_id: rowId,
});

export const credentialSchema = z.object({
  credential_id: rowId,
  credential_name: z.string(),
  credential_description: z.string().nullish(),
  credential_uri: z.string().nullish(),
  /** Decrypted by ITFlow with the key's credential password; `false` when that failed. */
  credential_username: z.union([z.string(), z.literal(false)]).nullish(),
  credential_archived_at: wallClock.nullish(),
  credential_client_id: rowId,
});

export type ItflowClientRow = z.infer<typeof clientSchema>;
export type ItflowTicketRow = z.infer<typeof ticketSchema>;
export type ItflowCredentialRow = z.infer<typeof credentialSchema>;
