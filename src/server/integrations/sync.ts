import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connection.js';
import { agreements, clients, closeouts, psaConnections, tickets } from '../../db/schema.js';
import { addHandoverItems } from '../../domain/closeout/deactivation-session.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import type { PsaConnector, PsaCredential, PsaTicket } from '../../integrations/psa/connector.js';
import { PsaError } from '../../integrations/psa/errors.js';
import { PSA_VENDOR_MODULES } from '../../integrations/psa/vendors.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobContext } from '../../jobs/types.js';
import type { SecretVault } from '../../security/envelope.js';
import { changeOpenCloseout, syncClientTicketReview } from '../closeouts/service.js';
import {
  type ConnectionRow,
  connectorOf,
  findConnection,
  findConnectionForVendor,
} from './connections.js';

/**
 * Reading from the PSA while closeouts are open: the client's new tickets join the review, a
 * ticket closed in the PSA shows as completed, and (where the PSA documents them) the client's
 * logins join the handover list. Tickets are upserted by (source, external id), so a sync that
 * finds nothing new changes nothing.
 */

const PSA_SYNC_ACTOR: Actor = { kind: 'system', name: 'PSA sync' };

type ClientLink = { id: string; name: string; source: string; externalId: string | null };

export type CloseoutSyncResult = {
  closeoutId: string;
  /** Set when there was nothing to sync with, in words. */
  skipped?: string;
  ticketsSeen?: number;
  ticketsClosedInPsa?: number;
  credentialsAdded?: number;
  /** Why the client's documented logins could not be read, when they could not. */
  credentialsNotRead?: string;
};

/** A closeout with the client fields that link it to a PSA; undefined when there is none. */
export async function closeoutWithClient(db: DbExecutor, orgId: string, closeoutId: string) {
  const [row] = await db
    .select({
      id: closeouts.id,
      reference: closeouts.reference,
      status: closeouts.status,
      client: {
        id: clients.id,
        name: clients.name,
        source: clients.source,
        externalId: clients.externalId,
      },
    })
    .from(closeouts)
    .innerJoin(clients, eq(clients.id, closeouts.clientId))
    .where(and(eq(closeouts.orgId, orgId), eq(closeouts.id, closeoutId)));
  return row;
}

/** Why a client's closeout cannot sync with a PSA, or its connection. */
export async function psaLinkOfClient(
  db: DbExecutor,
  orgId: string,
  client: ClientLink,
): Promise<{ connection: ConnectionRow } | { reason: string }> {
  const connection = await findConnectionForVendor(db, orgId, client.source);
  if (connection === null || client.externalId === null) {
    return {
      reason: `${client.name} was not brought in from a connected PSA, so its tickets are kept in Closeout only.`,
    };
  }
  if (!connection.enabled) return { reason: `The ${connection.name} connection is turned off.` };
  return { connection };
}

/** Brings the PSA's tickets in: new ones created, changed ones updated, closed ones closed. */
async function upsertPsaTickets(
  tx: DbExecutor,
  orgId: string,
  clientId: string,
  source: string,
  psaTickets: PsaTicket[],
): Promise<void> {
  if (psaTickets.length === 0) return;
  await tx
    .insert(tickets)
    .values(
      psaTickets.map((ticket) => ({
        orgId,
        clientId,
        source,
        externalId: ticket.externalId,
        number: ticket.number,
        title: ticket.title,
        status: ticket.status,
        priority: ticket.priority,
        openedAt: new Date(ticket.openedAt),
        closedAt: ticket.closedAt === null ? null : new Date(ticket.closedAt),
      })),
    )
    .onConflictDoUpdate({
      target: [tickets.orgId, tickets.source, tickets.externalId],
      set: {
        title: sql`excluded.title`,
        priority: sql`excluded.priority`,
        // A ticket Closeout has closed stays closed, even while the PSA has not caught up.
        status: sql`case when ${tickets.status} = 'open' then excluded.status else ${tickets.status} end`,
        closedAt: sql`case when ${tickets.status} = 'open' then excluded.closed_at else ${tickets.closedAt} end`,
      },
      setWhere: sql`(${tickets.title}, ${tickets.priority}, ${tickets.status}, ${tickets.closedAt}) is distinct from (excluded.title, excluded.priority, case when ${tickets.status} = 'open' then excluded.status else ${tickets.status} end, case when ${tickets.status} = 'open' then excluded.closed_at else ${tickets.closedAt} end)`,
    });
}

export async function syncCloseoutTickets(options: {
  db: Database;
  vault: SecretVault;
  orgId: string;
  closeoutId: string;
}): Promise<CloseoutSyncResult> {
  const { db, vault, orgId, closeoutId } = options;
  const row = await closeoutWithClient(db, orgId, closeoutId);
  if (row === undefined) return { closeoutId, skipped: 'The closeout no longer exists.' };
  if (row.status !== 'open') return { closeoutId, skipped: 'The closeout has ended.' };
  const link = await psaLinkOfClient(db, orgId, row.client);
  if ('reason' in link) return { closeoutId, skipped: link.reason };
  const { connection } = link;
  const clientExternalId = row.client.externalId!;
  const connector = connectorOf(connection, vault);

  const openInPsa = await connector.listOpenTickets(clientExternalId);
  const stillOpenHere = await db
    .select({ externalId: tickets.externalId })
    .from(tickets)
    .where(
      and(
        eq(tickets.orgId, orgId),
        eq(tickets.clientId, row.client.id),
        eq(tickets.source, connection.vendor),
        eq(tickets.status, 'open'),
        openInPsa.length === 0
          ? undefined
          : notInArray(
              tickets.externalId,
              openInPsa.map((ticket) => ticket.externalId),
            ),
      ),
    );
  const closedInPsa = await connector.getTickets(
    stillOpenHere.flatMap((ticket) => (ticket.externalId === null ? [] : [ticket.externalId])),
  );
  const logins = await documentedLogins(connector, clientExternalId);

  let credentialsAdded = 0;
  await db.transaction(async (tx) => {
    await upsertPsaTickets(tx, orgId, row.client.id, connection.vendor, [
      ...openInPsa,
      ...closedInPsa,
    ]);
    await syncClientTicketReview({ tx, orgId, clientId: row.client.id, actor: PSA_SYNC_ACTOR });
    credentialsAdded = await addDocumentedLogins(
      tx,
      orgId,
      closeoutId,
      connector,
      logins.credentials,
    );
  });
  return {
    closeoutId,
    ticketsSeen: openInPsa.length,
    ticketsClosedInPsa: closedInPsa.filter((ticket) => ticket.status !== 'open').length,
    credentialsAdded,
    ...(logins.problem === null ? {} : { credentialsNotRead: logins.problem }),
  };
}

/**
 * The client's documented logins, where the PSA documents them. A PSA that will not hand them
 * over (ITFlow without the key's credential password) does not stop the ticket sync: the
 * problem is kept in the job's result instead.
 */
async function documentedLogins(
  connector: PsaConnector,
  clientExternalId: string,
): Promise<{ credentials: PsaCredential[]; problem: string | null }> {
  if (connector.listCredentials === undefined) return { credentials: [], problem: null };
  try {
    return { credentials: await connector.listCredentials(clientExternalId), problem: null };
  } catch (error) {
    if (error instanceof PsaError && !error.retryable) {
      return { credentials: [], problem: error.message };
    }
    throw error;
  }
}

/**
 * The client's documented logins join the handover list once the closeout has reached the
 * stage where the list is prepared; one already listed (same system and login) is not repeated.
 */
async function addDocumentedLogins(
  tx: DbExecutor,
  orgId: string,
  closeoutId: string,
  connector: PsaConnector,
  credentials: PsaCredential[],
): Promise<number> {
  if (credentials.length === 0) return 0;
  let added = 0;
  try {
    await changeOpenCloseout({
      tx,
      orgId,
      closeoutId,
      actor: PSA_SYNC_ACTOR,
      action: 'add_documented_logins',
      perform: (closeout, context) => {
        const listed = new Set(
          closeout.handoverItems.map((item) => `${item.systemName}\u0000${item.credentialLabel}`),
        );
        const missing = credentials.filter(
          (credential) => !listed.has(`${credential.systemName}\u0000${credential.username}`),
        );
        added = missing.length;
        if (missing.length === 0) return closeout;
        return addHandoverItems(
          closeout,
          missing.map((credential) => ({
            managedSystemId: null,
            systemName: credential.systemName,
            credentialLabel: credential.username,
            notes: [
              `Documented in ${PSA_VENDOR_MODULES[connector.vendor].label}`,
              credential.uri,
              credential.description,
            ]
              .filter((part) => part.trim() !== '')
              .join(' · '),
          })),
          context,
        );
      },
    });
  } catch (error) {
    // Before the ticket review the handover list is not prepared yet; a later sync adds them.
    if (error instanceof AppError && error.code === 'illegal_transition') return 0;
    throw error;
  }
  return added;
}

/** Every open closeout whose client came from this connection's PSA. */
async function openCloseoutsOf(db: Database, connection: ConnectionRow): Promise<string[]> {
  const rows = await db
    .select({ id: closeouts.id })
    .from(closeouts)
    .innerJoin(clients, eq(clients.id, closeouts.clientId))
    .where(
      and(
        eq(closeouts.orgId, connection.orgId),
        eq(closeouts.status, 'open'),
        eq(clients.source, connection.vendor),
      ),
    );
  return rows.map((row) => row.id);
}

/** `psa_sync`: one closeout (`closeoutId`) or every open closeout of a connection (`connectionId`). */
export function psaSyncJob(vault: SecretVault) {
  return async ({ db, job, reportProgress }: JobContext): Promise<Record<string, unknown>> => {
    if (typeof job.payload.closeoutId === 'string') {
      return syncCloseoutTickets({
        db,
        vault,
        orgId: job.orgId,
        closeoutId: job.payload.closeoutId,
      });
    }
    const connection = await findConnection(db, job.orgId, String(job.payload.connectionId));
    const closeoutIds = await openCloseoutsOf(db, connection);
    const results: CloseoutSyncResult[] = [];
    for (const [index, closeoutId] of closeoutIds.entries()) {
      await reportProgress({ done: index, total: closeoutIds.length, unit: 'closeouts' });
      results.push(await syncCloseoutTickets({ db, vault, orgId: job.orgId, closeoutId }));
    }
    await db
      .update(psaConnections)
      .set({ lastSyncedAt: new Date() })
      .where(eq(psaConnections.id, connection.id));
    return {
      closeouts: results.length,
      ticketsSeen: results.reduce((sum, result) => sum + (result.ticketsSeen ?? 0), 0),
    };
  };
}

/** `psa_import_clients`: the PSA's clients and their agreements, upserted by external id. */
export function psaImportClientsJob(vault: SecretVault) {
  return async ({ db, job, reportProgress }: JobContext): Promise<Record<string, unknown>> => {
    const connection = await findConnection(db, job.orgId, String(job.payload.connectionId));
    const connector = connectorOf(connection, vault);
    const psaClients = await connector.listClients();
    const today = new Date().toISOString().slice(0, 10);
    let agreementCount = 0;
    for (const [index, psaClient] of psaClients.entries()) {
      await reportProgress({ done: index, total: psaClients.length, unit: 'clients' });
      const psaAgreements = await connector.listAgreements(psaClient.externalId);
      await db.transaction(async (tx) => {
        const [client] = await tx
          .insert(clients)
          .values({
            orgId: job.orgId,
            name: psaClient.name,
            clientSince: psaClient.clientSince ?? today,
            industry: psaClient.industry,
            source: connection.vendor,
            externalId: psaClient.externalId,
          })
          .onConflictDoUpdate({
            target: [clients.orgId, clients.source, clients.externalId],
            set: {
              name: sql`excluded.name`,
              industry: sql`excluded.industry`,
              updatedAt: new Date(),
            },
          })
          .returning({ id: clients.id });
        if (psaAgreements.length === 0) return;
        agreementCount += psaAgreements.length;
        await tx
          .insert(agreements)
          .values(
            psaAgreements.map((agreement) => ({
              orgId: job.orgId,
              clientId: client!.id,
              name: agreement.name,
              monthlyRecurringRevenue: agreement.monthlyRecurringRevenue,
              startDate: agreement.startDate,
              termEndDate: agreement.termEndDate,
              ...(agreement.noticePeriodDays === null
                ? {}
                : { noticePeriodDays: agreement.noticePeriodDays }),
              status: agreement.status,
              endedOn: agreement.endedOn,
              source: connection.vendor,
              externalId: agreement.externalId,
            })),
          )
          .onConflictDoUpdate({
            target: [agreements.orgId, agreements.source, agreements.externalId],
            set: {
              name: sql`excluded.name`,
              monthlyRecurringRevenue: sql`excluded.monthly_recurring_revenue`,
              startDate: sql`excluded.start_date`,
              termEndDate: sql`excluded.term_end_date`,
              noticePeriodDays: sql`excluded.notice_period_days`,
              status: sql`excluded.status`,
              endedOn: sql`excluded.ended_on`,
            },
          });
      });
    }
    await reportProgress({ done: psaClients.length, total: psaClients.length, unit: 'clients' });
    return { clients: psaClients.length, agreements: agreementCount };
  };
}

/**
 * The schedule: a `psa_sync` job for each enabled connection whose interval has passed since
 * its last sync. Deduplicated, so a slow PSA never piles up syncs.
 */
export async function scheduleDueSyncs(db: Database): Promise<void> {
  const due = await db
    .select({ id: psaConnections.id, orgId: psaConnections.orgId })
    .from(psaConnections)
    .where(
      and(
        eq(psaConnections.enabled, true),
        sql`${psaConnections.syncIntervalMinutes} > 0`,
        sql`(${psaConnections.lastSyncedAt} is null or ${psaConnections.lastSyncedAt} < now() - make_interval(mins => ${psaConnections.syncIntervalMinutes}))`,
      ),
    );
  for (const connection of due) {
    await enqueueJob(db, {
      orgId: connection.orgId,
      kind: 'psa_sync',
      payload: { connectionId: connection.id },
      dedupeKey: `psa_sync:${connection.id}`,
    });
  }
}
