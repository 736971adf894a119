import type { PsaClient, PsaCredential, PsaTicket } from '../connector.js';
import type { ItflowClientRow, ItflowCredentialRow, ItflowTicketRow } from './records.js';
import { toDay, toUtcMoment } from './wall-clock.js';

/** ITFlow rows → Closeout's records, and Closeout's notes → ITFlow's reply text. Pure. */

/** ITFlow's built-in statuses that end a ticket: 4 Resolved, 5 Closed. */
const RESOLVED = '4';
const CLOSED = '5';

export function toPsaClient(row: ItflowClientRow): PsaClient {
  return {
    externalId: row.client_id,
    name: row.client_name,
    // ITFlow keeps no start of the relationship; the client's creation is the closest it has.
    clientSince: toDay(row.client_created_at),
    industry: row.client_type ?? '',
  };
}

/**
 * Whether the ticket has ended. ITFlow stamps the moment it resolves or closes a ticket, but
 * bulk closing once set the status alone, so the status is read too.
 */
export function hasEnded(row: ItflowTicketRow): boolean {
  return (
    row.ticket_resolved_at != null ||
    row.ticket_closed_at != null ||
    row.ticket_status === RESOLVED ||
    row.ticket_status === CLOSED
  );
}

export function isClosed(row: ItflowTicketRow): boolean {
  return row.ticket_closed_at != null || row.ticket_status === CLOSED;
}

export function toPsaTicket(row: ItflowTicketRow, timeZone: string): PsaTicket {
  // Resolving is when the work was done; ITFlow closes resolved tickets days later.
  const endedAt = row.ticket_resolved_at ?? row.ticket_closed_at ?? null;
  return {
    externalId: row.ticket_id,
    clientExternalId: row.ticket_client_id,
    number: `${row.ticket_prefix ?? ''}${row.ticket_number}`,
    title: row.ticket_subject,
    // ITFlow has no cancelled status: a ticket ends resolved or closed, whatever the reason.
    status: hasEnded(row) ? 'completed' : 'open',
    priority: row.ticket_priority ?? '',
    openedAt: toUtcMoment(row.ticket_created_at, timeZone),
    closedAt: endedAt === null ? null : toUtcMoment(endedAt, timeZone),
  };
}

export function toPsaCredential(row: ItflowCredentialRow): PsaCredential {
  return {
    externalId: row.credential_id,
    clientExternalId: row.credential_client_id,
    systemName: row.credential_name,
    username: typeof row.credential_username === 'string' ? row.credential_username : '',
    uri: row.credential_uri ?? '',
    description: row.credential_description ?? '',
  };
}

/**
 * A ticket reply in ITFlow is HTML, as its editor writes it: the note's text is escaped and its
 * line breaks kept, so it reads in ITFlow as it was written.
 */
export function toReplyHtml(note: string): string {
  return note
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll(/\r?\n/g, '<br>');
}
