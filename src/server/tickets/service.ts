import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connection.js';
import { refusingDuplicates } from '../../db/errors.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { clients, tickets } from '../../db/schema.js';
import { invalid, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import { externalIdTaken } from '../clients/conflicts.js';
import { containing } from '../clients/service.js';
import { syncClientTicketReview } from '../closeouts/service.js';
import type {
  TCreateTicketRequest,
  TListTicketsQuery,
  TTicket,
  TTicketPage,
  TUpdateTicketRequest,
} from './schema.js';

/**
 * The clients' service-desk tickets. Every change keeps the client's open closeout in step in
 * the same transaction: a ticket arriving during the closeout joins its review, and one closed
 * outside the review shows its outcome there.
 */

type TicketRow = typeof tickets.$inferSelect;

const presentTicket = (row: TicketRow, clientName: string): TTicket => ({
  id: row.id,
  client: { id: row.clientId, name: clientName },
  number: row.number,
  title: row.title,
  status: row.status,
  priority: row.priority,
  openedAt: row.openedAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
  slaBreached: row.slaBreached,
  satisfaction: row.satisfaction,
  source: row.source as TTicket['source'],
  externalId: row.externalId,
});

/** What the audit trail keeps of a ticket. */
const auditView = (row: TicketRow) => ({
  clientId: row.clientId,
  number: row.number,
  title: row.title,
  status: row.status,
  priority: row.priority,
  openedAt: row.openedAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
  slaBreached: row.slaBreached,
  satisfaction: row.satisfaction,
  source: row.source,
  externalId: row.externalId,
});

const withClient = and(eq(clients.orgId, tickets.orgId), eq(clients.id, tickets.clientId));

const ORDERS: Record<TListTicketsQuery['sort'], SQL[]> = {
  openedAt: [asc(tickets.openedAt)],
  '-openedAt': [desc(tickets.openedAt)],
  number: [asc(tickets.number)],
  '-number': [desc(tickets.number)],
  status: [desc(sql`${tickets.status} = 'open'`), desc(tickets.openedAt)],
};

export async function listTickets(options: {
  db: Database;
  orgId: string;
  query: TListTicketsQuery;
}): Promise<TTicketPage> {
  const { db, orgId, query } = options;
  const conditions: SQL[] = [eq(tickets.orgId, orgId)];
  if (query.clientId) conditions.push(eq(tickets.clientId, query.clientId));
  if (query.status) conditions.push(eq(tickets.status, query.status));
  if (query.q) {
    const pattern = containing(query.q);
    conditions.push(or(ilike(tickets.title, pattern), ilike(tickets.number, pattern))!);
  }
  const where = and(...conditions);
  const order = ORDERS[query.sort];

  const [rows, [count]] = await Promise.all([
    db
      .select({ ticket: tickets, clientName: clients.name })
      .from(tickets)
      .innerJoin(clients, withClient)
      .where(where)
      .orderBy(...order, asc(tickets.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(tickets)
      .where(where),
  ]);
  return {
    items: rows.map((row) => presentTicket(row.ticket, row.clientName)),
    total: count?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function findTicket(db: DbExecutor, orgId: string, ticketId: string, forUpdate = false) {
  const query = db
    .select({ ticket: tickets, clientName: clients.name })
    .from(tickets)
    .innerJoin(clients, withClient)
    .where(and(eq(tickets.orgId, orgId), eq(tickets.id, ticketId)));
  const [row] = forUpdate ? await query.for('update', { of: tickets }) : await query;
  if (row === undefined) throw notFound('The ticket');
  return row;
}

export async function getTicket(options: {
  db: Database;
  orgId: string;
  ticketId: string;
}): Promise<TTicket> {
  const { ticket, clientName } = await findTicket(options.db, options.orgId, options.ticketId);
  return presentTicket(ticket, clientName);
}

/** When a ticket closed: kept between completed and cancelled, stamped on closing, cleared on reopening. */
function closingMoment(
  before: Pick<TicketRow, 'status' | 'closedAt'>,
  status: TicketRow['status'],
  now: Date,
): Date | null {
  if (status === 'open') return null;
  return before.status === 'open' ? now : (before.closedAt ?? now);
}

export async function createTicket(options: {
  db: Database;
  orgId: string;
  request: TCreateTicketRequest;
  actor: Actor;
}): Promise<TTicket> {
  const { db, orgId, request, actor } = options;
  const { closedAt, ...values } = request;
  if (request.status === 'open' && closedAt !== undefined) {
    throw invalid('closedAt', 'An open ticket has not closed; leave closedAt out.');
  }
  if (closedAt !== undefined && new Date(closedAt) < new Date(request.openedAt)) {
    throw invalid('closedAt', 'A ticket cannot close before it was opened.');
  }
  return db.transaction(async (tx) => {
    // Locking the client queues this ticket behind a closeout being opened for it, or the reverse.
    const [client] = await tx
      .select({ name: clients.name })
      .from(clients)
      .where(and(eq(clients.orgId, orgId), eq(clients.id, request.clientId)))
      .for('update');
    if (client === undefined) {
      throw invalid('clientId', 'No client of your organisation has this id.');
    }
    const [row] = await refusingDuplicates(
      () =>
        tx
          .insert(tickets)
          .values({
            orgId,
            ...values,
            openedAt: new Date(request.openedAt),
            closedAt:
              closedAt !== undefined
                ? new Date(closedAt)
                : request.status === 'open'
                  ? null
                  : new Date(),
          })
          .returning(),
      () => externalIdTaken('A ticket', request.source, request.externalId ?? ''),
    );
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'ticket',
        entityId: row!.id,
        action: 'create_ticket',
        actor,
        before: null,
        after: auditView(row!),
      },
    ]);
    await syncClientTicketReview({ tx, orgId, clientId: request.clientId, actor });
    return presentTicket(row!, client.name);
  });
}

export async function updateTicket(options: {
  db: Database;
  orgId: string;
  ticketId: string;
  changes: TUpdateTicketRequest;
  actor: Actor;
}): Promise<TTicket> {
  const { db, orgId, ticketId, changes, actor } = options;
  return db.transaction(async (tx) => {
    const { ticket: before, clientName } = await findTicket(tx, orgId, ticketId, true);
    const { openedAt, ...fields } = changes;
    const status = changes.status ?? before.status;
    const [after] = await tx
      .update(tickets)
      .set({
        ...fields,
        ...(openedAt === undefined ? {} : { openedAt: new Date(openedAt) }),
        closedAt: closingMoment(before, status, new Date()),
      })
      .where(and(eq(tickets.orgId, orgId), eq(tickets.id, ticketId)))
      .returning();
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'ticket',
        entityId: ticketId,
        action: 'update_ticket',
        actor,
        before: auditView(before),
        after: auditView(after!),
      },
    ]);
    await syncClientTicketReview({ tx, orgId, clientId: before.clientId, actor });
    return presentTicket(after!, clientName);
  });
}
