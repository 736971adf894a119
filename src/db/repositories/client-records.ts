import { and, eq } from 'drizzle-orm';
import type { ReasonTaxonomy } from '../../domain/closeout/retention.js';
import type { ManagedSystemForHandover } from '../../domain/handover.js';
import type { Agreement, IsoDate, Ticket } from '../../domain/model.js';
import type { DbExecutor } from '../connection.js';
import { agreements, clients, managedSystems, organisations, tickets } from '../schema.js';

/**
 * What the engine needs to know about a client, as domain records: its agreements (termination
 * date, MRR), its tickets (ticket review, health snapshot), its managed systems (hand-over).
 */

export async function loadClientAgreements(
  db: DbExecutor,
  orgId: string,
  clientId: string,
): Promise<Agreement[]> {
  const rows = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.orgId, orgId), eq(agreements.clientId, clientId)));
  return rows.map((row) => ({
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    monthlyRecurringRevenue: row.monthlyRecurringRevenue,
    startDate: row.startDate,
    termEndDate: row.termEndDate,
    noticePeriodDays: row.noticePeriodDays,
    status: row.status,
    endedOn: row.endedOn,
  }));
}

export async function loadClientTickets(
  db: DbExecutor,
  orgId: string,
  clientId: string,
): Promise<Ticket[]> {
  const rows = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.orgId, orgId), eq(tickets.clientId, clientId)));
  return rows.map((row) => ({
    id: row.id,
    clientId: row.clientId,
    number: row.number,
    title: row.title,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    slaBreached: row.slaBreached,
    satisfaction: row.satisfaction,
  }));
}

export async function loadClientManagedSystems(
  db: DbExecutor,
  orgId: string,
  clientId: string,
): Promise<ManagedSystemForHandover[]> {
  return db
    .select({ id: managedSystems.id, name: managedSystems.name, category: managedSystems.category })
    .from(managedSystems)
    .where(and(eq(managedSystems.orgId, orgId), eq(managedSystems.clientId, clientId)));
}

export async function loadClientSince(
  db: DbExecutor,
  orgId: string,
  clientId: string,
): Promise<IsoDate> {
  const [client] = await db
    .select({ clientSince: clients.clientSince })
    .from(clients)
    .where(and(eq(clients.orgId, orgId), eq(clients.id, clientId)));
  return client!.clientSince;
}

export async function loadReasonTaxonomy(db: DbExecutor, orgId: string): Promise<ReasonTaxonomy> {
  const [organisation] = await db
    .select({ taxonomy: organisations.reasonTaxonomy })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return organisation!.taxonomy;
}
