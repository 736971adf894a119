import { and, asc, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database, DbExecutor } from '../../db/connection.js';
import { refusingDuplicates } from '../../db/errors.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { loadClientAgreements } from '../../db/repositories/client-records.js';
import {
  agreements,
  clientReturns,
  clients,
  closeouts,
  contacts,
  managedSystems,
  tickets,
} from '../../db/schema.js';
import {
  activeAgreements,
  agreementEndings,
  earliestTerminationDate,
  monthlyRecurringRevenue,
} from '../../domain/agreements.js';
import { notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import { externalIdTaken } from './conflicts.js';
import { presentAgreement, presentContact, presentManagedSystem } from './present.js';
import type {
  TClientDetail,
  TClientPage,
  TClientSummary,
  TCreateClientRequest,
  TEarliestTermination,
  TListClientsQuery,
  TUpdateClientRequest,
} from './schema.js';

/** Clients of one organisation, with the figures the lists show beside them. */

type ClientRow = typeof clients.$inferSelect;

/** `%text%` for ILIKE, with the pattern characters in `text` matched literally. */
export const containing = (text: string): string =>
  `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;

/**
 * Clients with the figures shown beside them, as one grouped subquery per table joined to the
 * clients: a set-based read, whatever the number of clients on the page. Add the conditions.
 */
function clientsWithFigures(db: DbExecutor, orgId: string) {
  const revenue = db
    .select({
      clientId: agreements.clientId,
      total: sql<number>`sum(${agreements.monthlyRecurringRevenue})`
        .mapWith(Number)
        .as('active_mrr'),
    })
    .from(agreements)
    .where(and(eq(agreements.orgId, orgId), eq(agreements.status, 'active')))
    .groupBy(agreements.clientId)
    .as('client_revenue');
  const openTickets = db
    .select({
      clientId: tickets.clientId,
      count: sql<number>`count(*)`.mapWith(Number).as('open_ticket_count'),
    })
    .from(tickets)
    .where(and(eq(tickets.orgId, orgId), eq(tickets.status, 'open')))
    .groupBy(tickets.clientId)
    .as('client_open_tickets');
  // A client has at most one open closeout: opening one locks the client and checks.
  const openCloseout = db
    .select({
      clientId: closeouts.clientId,
      id: sql<string>`min(${closeouts.id}::text)`.as('open_closeout_id'),
    })
    .from(closeouts)
    .where(and(eq(closeouts.orgId, orgId), eq(closeouts.status, 'open')))
    .groupBy(closeouts.clientId)
    .as('client_open_closeout');
  return db
    .select({
      client: clients,
      monthlyRecurringRevenue: revenue.total,
      openTickets: openTickets.count,
      openCloseoutId: openCloseout.id,
    })
    .from(clients)
    .leftJoin(revenue, eq(revenue.clientId, clients.id))
    .leftJoin(openTickets, eq(openTickets.clientId, clients.id))
    .leftJoin(openCloseout, eq(openCloseout.clientId, clients.id));
}

type ClientFigures = {
  monthlyRecurringRevenue: number | null;
  openTickets: number | null;
  openCloseoutId: string | null;
};

const presentSummary = (row: ClientRow, figures: ClientFigures): TClientSummary => ({
  id: row.id,
  name: row.name,
  status: row.status,
  clientSince: row.clientSince,
  industry: row.industry,
  source: row.source as TClientSummary['source'],
  externalId: row.externalId,
  monthlyRecurringRevenue: figures.monthlyRecurringRevenue ?? 0,
  openTickets: figures.openTickets ?? 0,
  openCloseoutId: figures.openCloseoutId,
});

/** What the audit trail keeps of a client. */
const auditView = (row: ClientRow) => ({
  name: row.name,
  status: row.status,
  clientSince: row.clientSince,
  industry: row.industry,
  notes: row.notes,
  source: row.source,
  externalId: row.externalId,
});

const SORTS = { name: clients.name, clientSince: clients.clientSince } as const;

export async function listClients(options: {
  db: Database;
  orgId: string;
  query: TListClientsQuery;
}): Promise<TClientPage> {
  const { db, orgId, query } = options;
  const conditions: SQL[] = [eq(clients.orgId, orgId)];
  if (query.status) conditions.push(eq(clients.status, query.status));
  if (query.q) conditions.push(ilike(clients.name, containing(query.q)));
  const where = and(...conditions);
  const sortColumn = SORTS[query.sort.replace('-', '') as keyof typeof SORTS];
  const order = query.sort.startsWith('-') ? desc(sortColumn) : asc(sortColumn);

  const [rows, [count]] = await Promise.all([
    clientsWithFigures(db, orgId)
      .where(where)
      .orderBy(order, asc(clients.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(clients)
      .where(where),
  ]);
  return {
    items: rows.map(({ client, ...figures }) => presentSummary(client, figures)),
    total: count?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The client row of this organisation, locked for the transaction when `forUpdate`. */
export async function requireClient(
  db: DbExecutor,
  orgId: string,
  clientId: string,
  forUpdate = false,
): Promise<ClientRow> {
  const query = db
    .select()
    .from(clients)
    .where(and(eq(clients.orgId, orgId), eq(clients.id, clientId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (row === undefined) throw notFound('The client');
  return row;
}

/** Reads in parallel, so give it the pool, never a transaction's single connection. */
export async function getClientDetail(options: {
  db: Database;
  orgId: string;
  clientId: string;
}): Promise<TClientDetail> {
  const { db, orgId, clientId } = options;
  const [found] = await clientsWithFigures(db, orgId).where(
    and(eq(clients.orgId, orgId), eq(clients.id, clientId)),
  );
  if (found === undefined) throw notFound('The client');
  const ofClient = (table: { orgId: PgColumn; clientId: PgColumn }) =>
    and(eq(table.orgId, orgId), eq(table.clientId, clientId));

  const [contactRows, agreementRows, systemRows, closeoutRows, returnRows] = await Promise.all([
    db.select().from(contacts).where(ofClient(contacts)).orderBy(asc(contacts.name)),
    db
      .select()
      .from(agreements)
      .where(ofClient(agreements))
      .orderBy(asc(agreements.status), asc(agreements.startDate), asc(agreements.name)),
    db
      .select()
      .from(managedSystems)
      .where(ofClient(managedSystems))
      .orderBy(asc(managedSystems.category), asc(managedSystems.name)),
    db
      .select({
        id: closeouts.id,
        reference: closeouts.reference,
        status: closeouts.status,
        stage: closeouts.stage,
        openedAt: closeouts.openedAt,
        endedAt: closeouts.endedAt,
      })
      .from(closeouts)
      .where(ofClient(closeouts))
      .orderBy(desc(closeouts.openedAt)),
    db
      .select()
      .from(clientReturns)
      .where(ofClient(clientReturns))
      .orderBy(desc(clientReturns.agreementSignedOn)),
  ]);

  const { client, ...figures } = found;
  return {
    ...presentSummary(client, figures),
    notes: client.notes,
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
    contacts: contactRows.map(presentContact),
    agreements: agreementRows.map(presentAgreement),
    managedSystems: systemRows.map(presentManagedSystem),
    closeouts: closeoutRows.map((row) => ({
      ...row,
      openedAt: row.openedAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
    })),
    returns: returnRows.map((row) => ({
      id: row.id,
      closeoutId: row.closeoutId,
      agreementSignedOn: row.agreementSignedOn,
      monthlyRecurringRevenue: row.monthlyRecurringRevenue,
      recordedAt: row.recordedAt.toISOString(),
      recordedBy: row.recordedBy,
    })),
  };
}

export async function createClient(options: {
  db: Database;
  orgId: string;
  request: TCreateClientRequest;
  actor: Actor;
}): Promise<TClientDetail> {
  const { db, orgId, request, actor } = options;
  const clientId = await db.transaction(async (tx) => {
    const [row] = await refusingDuplicates(
      () =>
        tx
          .insert(clients)
          .values({ orgId, ...request })
          .returning(),
      () => externalIdTaken('A client', request.source, request.externalId ?? ''),
    );
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'client',
        entityId: row!.id,
        action: 'create_client',
        actor,
        before: null,
        after: auditView(row!),
      },
    ]);
    return row!.id;
  });
  return getClientDetail({ db, orgId, clientId });
}

export async function updateClient(options: {
  db: Database;
  orgId: string;
  clientId: string;
  changes: TUpdateClientRequest;
  actor: Actor;
}): Promise<TClientDetail> {
  const { db, orgId, clientId, changes, actor } = options;
  await db.transaction(async (tx) => {
    const before = await requireClient(tx, orgId, clientId, true);
    const [after] = await refusingDuplicates(
      () =>
        tx
          .update(clients)
          .set({ ...changes, updatedAt: new Date() })
          .where(and(eq(clients.orgId, orgId), eq(clients.id, clientId)))
          .returning(),
      () =>
        externalIdTaken(
          'A client',
          changes.source ?? before.source,
          changes.externalId ?? before.externalId ?? '',
        ),
    );
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'client',
        entityId: clientId,
        action: 'update_client',
        actor,
        before: auditView(before),
        after: auditView(after!),
      },
    ]);
  });
  return getClientDetail({ db, orgId, clientId });
}

/** What opening a closeout on this notice day would propose, before anyone opens it. */
export async function previewEarliestTermination(options: {
  db: Database;
  orgId: string;
  clientId: string;
  noticeReceivedOn: string;
}): Promise<TEarliestTermination> {
  const { db, orgId, clientId, noticeReceivedOn } = options;
  await requireClient(db, orgId, clientId);
  const clientAgreementList = await loadClientAgreements(db, orgId, clientId);
  const proposed = earliestTerminationDate(clientAgreementList, noticeReceivedOn);
  return {
    noticeReceivedOn,
    earliestTerminationDate: proposed,
    mrrAtRisk: monthlyRecurringRevenue(clientAgreementList),
    activeAgreements: activeAgreements(clientAgreementList).length,
    agreementEndings: agreementEndings(clientAgreementList, noticeReceivedOn).map((ending) => ({
      agreementId: ending.agreement.id,
      name: ending.agreement.name,
      endsOn: ending.endsOn,
      by: ending.by,
      noticePeriodDays: ending.agreement.noticePeriodDays,
      setsTheDate: ending.endsOn === proposed,
    })),
  };
}
