import type { PsaConnector } from '../connector.js';
import { PsaError } from '../errors.js';
import { createItflowApi, ITFLOW_LABEL, type ItflowApiOptions } from './client.js';
import {
  hasEnded,
  isClosed,
  toPsaClient,
  toPsaCredential,
  toPsaTicket,
  toReplyHtml,
} from './mapping.js';
import { clientSchema, credentialSchema, type ItflowTicketRow, ticketSchema } from './records.js';

/**
 * Closeout's side of ITFlow: clients, tickets and documented logins read through API v1, and
 * the ticket review written back as a resolve (or close) and an internal reply.
 */

const WHOLE_NUMBER = /^[1-9]\d*$/;

export function createItflowConnector(options: ItflowApiOptions): PsaConnector {
  const { settings, secrets } = options;
  const api = createItflowApi(options);

  const readTicket = async (ticketId: string): Promise<ItflowTicketRow | null> => {
    const rows = await api.read(
      'tickets/read.php',
      { ticket_id: ticketId },
      ticketSchema,
      'a ticket',
    );
    return rows[0] ?? null;
  };

  /**
   * Writes name the ticket's client: a key that reaches every client must say which one, and
   * ITFlow refuses a client that is not the ticket's.
   */
  const ticketToWrite = async (externalId: string): Promise<ItflowTicketRow> => {
    const ticket = await readTicket(rowId(externalId, 'ticket'));
    if (ticket === null) {
      throw new PsaError(
        'rejected',
        `${ITFLOW_LABEL} has no ticket ${externalId}, or the API key cannot see its client.`,
      );
    }
    return ticket;
  };

  const addNote = (ticket: ItflowTicketRow, note: string) =>
    // Internal: a public reply would email the review's reasoning to the client's contact.
    api.write('ticket_replies/create.php', {
      ticket_id: ticket.ticket_id,
      client_id: ticket.ticket_client_id,
      ticket_reply: toReplyHtml(note),
      ticket_reply_type: 'Internal',
      ticket_reply_time_worked: '00:00:00',
    });

  return {
    vendor: 'itflow',

    async testConnection() {
      await api.read('clients/read.php', { limit: '1' }, clientSchema, 'a list of clients');
      return {
        message: `Connected to ${ITFLOW_LABEL} at ${settings.baseUrl.replace(/\/+$/, '')}; the API key can read its clients.`,
      };
    },

    async listClients() {
      const rows = await api.readAll('clients/read.php', {}, clientSchema, 'a list of clients');
      return rows.filter((row) => row.client_lead !== true).map(toPsaClient);
    },

    async listAgreements(clientExternalId) {
      rowId(clientExternalId, 'client');
      // ITFlow's API v1 reads single invoices but has no endpoint for recurring invoices (nor for
      // the contracts newer versions keep), so there are no agreements it can hand over.
      return [];
    },

    async listOpenTickets(clientExternalId) {
      const clientId = rowId(clientExternalId, 'client');
      const rows = await api.readAll(
        'tickets/read.php',
        { client_id: clientId },
        ticketSchema,
        'a list of tickets',
      );
      // A key limited to one client reads that client's tickets whatever `client_id` says.
      return rows
        .filter((row) => row.ticket_client_id === clientId && !hasEnded(row))
        .map((row) => toPsaTicket(row, settings.timeZone));
    },

    async getTickets(externalIds) {
      const ids = [...new Set(externalIds.filter((id) => WHOLE_NUMBER.test(id)))];
      const found = [];
      for (const id of ids) {
        const ticket = await readTicket(id);
        if (ticket !== null) found.push(toPsaTicket(ticket, settings.timeZone));
      }
      return found;
    },

    async closeCancelledTicket(externalId, note) {
      const ticket = await ticketToWrite(externalId);
      const close = settings.cancelledTicketStatus === 'Closed';
      // Ending first and noting second keeps a retry after a failed note from ending twice (ITFlow
      // refuses to resolve a resolved ticket) or noting twice.
      if (close ? !isClosed(ticket) : !hasEnded(ticket)) {
        await api.write(close ? 'tickets/close.php' : 'tickets/resolve.php', {
          ticket_id: ticket.ticket_id,
          client_id: ticket.ticket_client_id,
        });
      }
      await addNote(ticket, note);
    },

    async noteCompletedTicket(externalId, note) {
      await addNote(await ticketToWrite(externalId), note);
    },

    async listCredentials(clientExternalId) {
      const clientId = rowId(clientExternalId, 'client');
      if (secrets.credentialPassword === undefined) {
        throw new PsaError(
          'unauthorised',
          `${ITFLOW_LABEL} hands out a client's logins only with the API key's credential password, and none is stored. Add it in Settings → Integrations.`,
        );
      }
      const rows = await api.readAll(
        'credentials/read.php',
        { client_id: clientId, api_key_decrypt_password: secrets.credentialPassword },
        credentialSchema,
        'a list of credentials',
      );
      if (rows.length > 0 && rows.every((row) => row.credential_username === false)) {
        throw new PsaError(
          'unauthorised',
          `${ITFLOW_LABEL} could not decrypt the client's logins with the stored credential password. Check that it belongs to the same API key in Settings → Integrations.`,
        );
      }
      // Archived logins are no longer in use: there is nothing of them to hand over.
      return rows
        .filter(
          (row) => row.credential_client_id === clientId && row.credential_archived_at == null,
        )
        .map(toPsaCredential);
    },
  };
}

function rowId(externalId: string, record: 'client' | 'ticket'): string {
  if (!WHOLE_NUMBER.test(externalId)) {
    throw new PsaError(
      'rejected',
      `"${externalId}" is not an ${ITFLOW_LABEL} ${record} id; ${record} ids there are whole numbers.`,
    );
  }
  return externalId;
}
