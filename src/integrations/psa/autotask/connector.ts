import type { PsaConnector, PsaTicket } from '../connector.js';
import { PsaError } from '../errors.js';
import {
  AUTOTASK_LABEL,
  type AutotaskFilter,
  createAutotaskClient,
  MAX_RECORDS,
  picklistOf,
} from './client.js';
import { type TicketVocabulary, toAgreement, toClient, toTicket } from './mapping.js';
import { companySchema, contractSchema, ticketSchema } from './records.js';
import type { AutotaskSecrets, AutotaskSettings } from './settings.js';

/** Autotask's company types that are clients: Customer, and Cancellation (a client leaving). */
const CLIENT_COMPANY_TYPES = [1, 6];
/** Autotask's own company, the MSP itself, always has id 0. */
const OWN_COMPANY_ID = 0;

const COMPANY = { schema: companySchema, name: 'company' };
const CONTRACT = { schema: contractSchema, name: 'contract' };
const TICKET = { schema: ticketSchema, name: 'ticket' };

export function createAutotaskConnector(options: {
  settings: AutotaskSettings;
  secrets: AutotaskSecrets;
}): PsaConnector {
  const { settings } = options;
  const client = createAutotaskClient(options);

  async function ticketVocabulary(): Promise<TicketVocabulary> {
    const picklists = await client.picklists('Tickets');
    return {
      completeStatusId: settings.completeStatusId,
      statuses: picklistOf(picklists, 'status'),
      priorities: picklistOf(picklists, 'priority'),
    };
  }

  async function readTickets(filter: AutotaskFilter[]): Promise<PsaTicket[]> {
    const vocabulary = await ticketVocabulary();
    const tickets = await client.queryAll({ entity: 'Tickets', filter, record: TICKET });
    return tickets.map((ticket) => toTicket(ticket, vocabulary));
  }

  async function addNote(ticketId: number, title: string, description: string): Promise<void> {
    await client.create(`Tickets/${ticketId}/Notes`, {
      ticketID: ticketId,
      title,
      description,
      noteType: settings.noteTypeId,
      publish: settings.notePublishId,
    });
  }

  return {
    vendor: 'autotask',

    async testConnection() {
      const zone = await client.zone();
      const [own] = await client.queryPage({
        entity: 'Companies',
        filter: [{ op: 'eq', field: 'id', value: OWN_COMPANY_ID }],
        maxRecords: 1,
        record: COMPANY,
      });
      const as = own === undefined ? '' : ` as ${own.companyName}`;
      return { message: `Connected to ${AUTOTASK_LABEL}${as} (zone ${zone.name}).` };
    },

    async listClients() {
      const picklists = await client.picklists('Companies');
      const companies = await client.queryAll({
        entity: 'Companies',
        // Inactive companies stay in: a client being closed out may already be deactivated.
        filter: [
          { op: 'in', field: 'companyType', value: CLIENT_COMPANY_TYPES },
          { op: 'noteq', field: 'id', value: OWN_COMPANY_ID },
        ],
        record: COMPANY,
      });
      const marketSegments = picklistOf(picklists, 'marketSegmentID');
      return companies.map((company) => toClient(company, marketSegments));
    },

    async listAgreements(clientExternalId) {
      const contracts = await client.queryAll({
        entity: 'Contracts',
        filter: [{ op: 'eq', field: 'companyID', value: autotaskId(clientExternalId) }],
        record: CONTRACT,
      });
      return contracts.map(toAgreement);
    },

    async listOpenTickets(clientExternalId) {
      const tickets = await readTickets([
        { op: 'eq', field: 'companyID', value: autotaskId(clientExternalId) },
        { op: 'noteq', field: 'status', value: settings.completeStatusId },
      ]);
      return tickets.filter((ticket) => ticket.status === 'open');
    },

    async getTickets(externalIds) {
      // An id that is not a whole number names no Autotask ticket: it is simply not found.
      const ids = [...new Set(externalIds.filter(isAutotaskId).map(Number))];
      const tickets: PsaTicket[] = [];
      for (let start = 0; start < ids.length; start += MAX_RECORDS) {
        const batch = ids.slice(start, start + MAX_RECORDS);
        tickets.push(...(await readTickets([{ op: 'in', field: 'id', value: batch }])));
      }
      return tickets;
    },

    async closeCancelledTicket(externalId, note) {
      const id = autotaskId(externalId);
      // Closing first makes a retry after a failed note harmless: completing twice changes
      // nothing, whereas noting first would add the note again.
      await client.update('Tickets', { id, status: settings.completeStatusId });
      await addNote(id, 'Cancelled in the client closeout', note);
    },

    async noteCompletedTicket(externalId, note) {
      await addNote(autotaskId(externalId), 'Completed in the client closeout', note);
    },
  };
}

function isAutotaskId(externalId: string): boolean {
  return /^\d+$/.test(externalId);
}

function autotaskId(externalId: string): number {
  if (!isAutotaskId(externalId)) {
    throw new PsaError(
      'rejected',
      `"${externalId}" is not an ${AUTOTASK_LABEL} id: Autotask ids are whole numbers. Import the client and its tickets from Autotask again.`,
    );
  }
  return Number(externalId);
}
