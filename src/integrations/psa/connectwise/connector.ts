import type { PsaConnector } from '../connector.js';
import { PsaError } from '../errors.js';
import {
  CONNECTWISE_LABEL,
  type ConnectwiseClientOptions,
  createConnectwiseClient,
} from './client.js';
import { toPsaAgreement, toPsaClient, toPsaTicket } from './mapping.js';
import {
  agreementSchema,
  companySchema,
  serviceNoteSchema,
  systemInfoSchema,
  ticketSchema,
  ticketStateSchema,
} from './records.js';

/**
 * Closeout's side of ConnectWise PSA: companies, agreements and service tickets read through
 * `conditions` filters, and the ticket review written back as a status change and a note.
 */

/** Keeps `id in (…)` filters well inside the URL length servers accept. */
const TICKETS_PER_LOOKUP = 100;

type NoteKind = 'resolutionFlag' | 'internalAnalysisFlag';

export function createConnectwiseConnector(options: ConnectwiseClientOptions): PsaConnector {
  const { settings } = options;
  const client = createConnectwiseClient(options);

  const listTickets = async (conditions: string) => {
    const tickets = await client.list(
      'service/tickets',
      { conditions, orderBy: 'id asc' },
      ticketSchema,
      'a list of service tickets',
    );
    return tickets.map(toPsaTicket);
  };

  const addNote = async (ticketId: number, text: string, kind: NoteKind) => {
    await client.send(
      'POST',
      `service/tickets/${ticketId}/notes`,
      { text, [kind]: true },
      serviceNoteSchema,
      'the note it added',
    );
  };

  return {
    vendor: 'connectwise',

    async testConnection() {
      const info = await client.get('system/info', systemInfoSchema, 'its system information');
      return {
        message: `Connected to ${CONNECTWISE_LABEL} as company "${settings.companyId}" (${info.version}).`,
      };
    },

    async listClients() {
      const companies = await client.list(
        'company/companies',
        { conditions: 'deletedFlag=false', orderBy: 'id asc' },
        companySchema,
        'a list of companies',
      );
      return companies.map(toPsaClient);
    },

    async listAgreements(clientExternalId) {
      const companyId = recordId(clientExternalId, 'company');
      const agreements = await client.list(
        'finance/agreements',
        { conditions: `company/id=${companyId}`, orderBy: 'id asc' },
        agreementSchema,
        'a list of agreements',
      );
      return agreements.map(toPsaAgreement);
    },

    listOpenTickets(clientExternalId) {
      const companyId = recordId(clientExternalId, 'company');
      return listTickets(`company/id=${companyId} and closedFlag=false`);
    },

    async getTickets(externalIds) {
      // ConnectWise ticket ids are numbers: any other id cannot name a ticket there.
      const ids = [...new Set(externalIds.filter((id) => /^[1-9]\d*$/.test(id)))];
      const found = [];
      for (let start = 0; start < ids.length; start += TICKETS_PER_LOOKUP) {
        const batch = ids.slice(start, start + TICKETS_PER_LOOKUP);
        found.push(...(await listTickets(`id in (${batch.join(',')})`)));
      }
      return found;
    },

    async closeCancelledTicket(externalId, note) {
      const ticketId = recordId(externalId, 'ticket');
      // Closing first and noting second keeps a retry after a failed note from noting twice.
      const ticket = await client.send(
        'PATCH',
        `service/tickets/${ticketId}`,
        [{ op: 'replace', path: 'status', value: { name: settings.closedStatusName } }],
        ticketStateSchema,
        'the updated ticket',
      );
      if (!ticket.closedFlag) {
        throw new PsaError(
          'rejected',
          `${CONNECTWISE_LABEL} set ticket ${ticketId} to "${ticket.status.name}", which does not close tickets on its board. Choose a closed status in Settings → Integrations.`,
        );
      }
      await addNote(ticketId, note, 'resolutionFlag');
    },

    async noteCompletedTicket(externalId, note) {
      await addNote(recordId(externalId, 'ticket'), note, 'internalAnalysisFlag');
    },
  };
}

function recordId(externalId: string, record: 'company' | 'ticket'): number {
  if (!/^[1-9]\d*$/.test(externalId)) {
    throw new PsaError(
      'rejected',
      `"${externalId}" is not a ${CONNECTWISE_LABEL} ${record} id; ${record} ids there are whole numbers.`,
    );
  }
  return Number(externalId);
}
