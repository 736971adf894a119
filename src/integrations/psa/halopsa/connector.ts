import type { PsaConnector, PsaTicket } from '../connector.js';
import { PsaError } from '../errors.js';
import { HALO_MAX_PAGE_SIZE, HaloApi } from './client.js';
import { toPsaAgreement, toPsaClient, toPsaTicket } from './mapping.js';
import {
  haloClientPageSchema,
  haloContractPageSchema,
  haloTicketPageSchema,
  haloTicketSchema,
} from './records.js';
import type { HalopsaSecrets, HalopsaSettings } from './settings.js';

export type HalopsaConnectorOptions = { settings: HalopsaSettings; secrets: HalopsaSecrets };

/** HaloPSA through its REST API, signed in as an API application with client credentials. */
export function createHalopsaConnector(
  { settings, secrets }: HalopsaConnectorOptions,
  { pageSize = HALO_MAX_PAGE_SIZE }: { pageSize?: number } = {},
): PsaConnector {
  const api = new HaloApi({ settings, secrets, pageSize });

  async function addAction(action: Record<string, unknown>): Promise<void> {
    await api.post('/Actions', [action]);
  }

  return {
    vendor: 'halopsa',

    async testConnection() {
      await api.get('/Client', {
        query: { count: 1 },
        schema: haloClientPageSchema,
        what: 'a list of clients',
      });
      return { message: `Connected to HaloPSA at ${new URL(settings.resourceServerUrl).host}.` };
    },

    async listClients() {
      const clients = await api.getAll('/Client', {
        schema: haloClientPageSchema,
        records: 'clients',
        what: 'a page of clients',
      });
      return clients.map(toPsaClient);
    },

    async listAgreements(clientExternalId) {
      const contracts = await api.getAll('/ClientContract', {
        query: { client_id: haloId(clientExternalId, 'client') },
        schema: haloContractPageSchema,
        records: 'contracts',
        what: 'a page of contracts',
      });
      return contracts.map(toPsaAgreement);
    },

    async listOpenTickets(clientExternalId) {
      const tickets = await api.getAll('/Tickets', {
        query: { client_id: haloId(clientExternalId, 'client'), open_only: true },
        schema: haloTicketPageSchema,
        records: 'tickets',
        what: 'a page of tickets',
      });
      return tickets.map((ticket) => toPsaTicket(ticket, settings.closedStatusId));
    },

    async getTickets(externalIds) {
      const found: PsaTicket[] = [];
      // One at a time: Halo counts every call against the application's rate limit.
      for (const externalId of new Set(externalIds)) {
        if (!HALO_ID.test(externalId)) continue;
        const ticket = await ticketOrNull(api, externalId);
        if (ticket !== null) found.push(toPsaTicket(ticket, settings.closedStatusId));
      }
      return found;
    },

    async closeCancelledTicket(externalId, note) {
      await addAction({
        ticket_id: haloId(externalId, 'ticket'),
        note,
        outcome: settings.noteOutcome,
        new_status: settings.closedStatusId,
      });
    },

    async noteCompletedTicket(externalId, note) {
      await addAction({
        ticket_id: haloId(externalId, 'ticket'),
        note,
        outcome: settings.noteOutcome,
      });
    },
  };
}

const HALO_ID = /^[1-9]\d*$/;

function haloId(externalId: string, record: 'client' | 'ticket'): number {
  if (!HALO_ID.test(externalId)) {
    throw new PsaError('rejected', `"${externalId}" is not a HaloPSA ${record} ID.`);
  }
  return Number(externalId);
}

async function ticketOrNull(api: HaloApi, externalId: string) {
  try {
    return await api.get(`/Tickets/${externalId}`, { schema: haloTicketSchema, what: 'a ticket' });
  } catch (error) {
    if (error instanceof PsaError && error.status === 404) return null;
    throw error;
  }
}
