import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { and, asc, desc, eq, gte, ilike, lte, or, type SQL, sql } from 'drizzle-orm';
import type { TProcessDefinition } from '../../blueprint/schema.js';
import type { Database, DbExecutor } from '../../db/connection.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import { listAuditEvents, recordAuditEvents } from '../../db/repositories/audit.js';
import { loadClientAgreements, loadClientTickets } from '../../db/repositories/client-records.js';
import {
  insertCloseout,
  loadCloseout,
  loadCloseoutWithClientName,
  readCloseoutWithClientName,
  saveCloseout,
} from '../../db/repositories/closeouts.js';
import {
  clients,
  closeoutMeetings,
  closeouts,
  closeoutTasks,
  organisations,
  tickets as ticketsTable,
  users,
} from '../../db/schema.js';
import {
  applyCloseoutAction,
  type EngineContext,
  openCloseout,
  pullTickets,
} from '../../domain/closeout/index.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { stageOf, unmetClosingGates, unmetStageGates } from '../../domain/gates.js';
import type { Actor, Closeout } from '../../domain/model.js';
import { isOverdue } from '../../domain/tasks.js';
import { notifyCloseoutChange } from '../../notifications/closeout-change.js';
import type { RequestAuth } from '../auth/caller.js';
import { todayUtc } from '../clock.js';
import { enqueueTicketPushes } from '../integrations/push.js';
import { currentDefinition, definitionVersion } from '../process/service.js';
import {
  CloseoutDetailCache,
  type DetailFreshness,
  type SerialisedDetail,
} from './detail-cache.js';
import type {
  TCloseoutDetail,
  TCloseoutSummary,
  TListCloseoutsQuery,
  TOpenCloseoutRequest,
} from './schema.js';
import { ZCloseoutDetail } from './schema.js';

// ---- reading ---------------------------------------------------------------------------------

export function presentCloseout(
  closeout: Closeout,
  definition: TProcessDefinition,
  clientName: string,
): TCloseoutDetail {
  const { stage, index } = stageOf(definition, closeout.stage);
  const now = todayUtc();
  const isOpen = closeout.status === 'open';
  return {
    ...closeout,
    client: { id: closeout.clientId, name: clientName },
    definition: { key: definition.key, version: definition.version, name: definition.name },
    stage: { key: stage.key, code: stage.code, name: stage.name, index },
    terminationDate: closeout.meeting.agreement?.terminationDate ?? null,
    tasks: closeout.tasks.map((task) => ({ ...task, overdue: isOverdue(task, now) })),
    unmetStageGates: isOpen ? unmetStageGates(definition, closeout) : [],
    unmetClosingGates: isOpen ? unmetClosingGates(definition, closeout) : [],
  };
}

async function requireCloseout(
  db: DbExecutor,
  orgId: string,
  closeoutId: string,
): Promise<Closeout> {
  const closeout = await loadCloseout(db, orgId, closeoutId);
  if (closeout === null) throw notFound('The closeout');
  return closeout;
}

const detailCaches = new WeakMap<Database, CloseoutDetailCache>();
const DETAIL_CACHE_CAPACITY = 2_000;

function detailCache(db: Database): CloseoutDetailCache {
  let cache = detailCaches.get(db);
  if (cache === undefined) {
    cache = new CloseoutDetailCache(DETAIL_CACHE_CAPACITY);
    detailCaches.set(db, cache);
  }
  return cache;
}

/** What a presented closeout depends on besides itself; cheap to read (see detail-cache.ts). */
const freshnessStatement = preparedPerDatabase((db) =>
  db
    .select({ version: closeouts.version, clientUpdatedAt: clients.updatedAt })
    .from(closeouts)
    .innerJoin(clients, eq(clients.id, closeouts.clientId))
    .where(
      and(
        eq(closeouts.orgId, sql.placeholder('orgId')),
        eq(closeouts.id, sql.placeholder('closeoutId')),
      ),
    )
    .prepare('closeout_detail_freshness'),
);

async function detailFreshness(
  db: Database,
  orgId: string,
  closeoutId: string,
): Promise<DetailFreshness | null> {
  const [row] = await freshnessStatement(db).execute({ orgId, closeoutId });
  return row === undefined
    ? null
    : { version: row.version, clientUpdatedAt: row.clientUpdatedAt.getTime(), day: todayUtc() };
}

/**
 * The closeout in full, serialised: the hot read of the API. Served from the cache while the
 * cheap freshness read says nothing it depends on has changed.
 */
export async function getCloseoutDetail(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
}): Promise<SerialisedDetail> {
  const { db, orgId, closeoutId } = options;
  const freshness = await detailFreshness(db, orgId, closeoutId);
  if (freshness === null) throw notFound('The closeout');
  const key = `${orgId}:${closeoutId}`;
  const cached = detailCache(db).get(key, freshness);
  if (cached !== undefined) return cached;
  const loaded = await readCloseoutWithClientName(db, orgId, closeoutId);
  if (loaded === null) throw notFound('The closeout');
  const detail = presentCloseout(
    loaded.closeout,
    await pinnedDefinition(db, loaded.closeout),
    loaded.clientName,
  );
  const json = JSON.stringify(ZCloseoutDetail.parse(detail));
  const serialised = { version: detail.version, json, gzipped: gzipSync(json) };
  // Stored under the version actually read: a change between the two reads is not hidden.
  detailCache(db).set(key, { ...freshness, version: detail.version }, serialised);
  return serialised;
}

const SORTS = {
  openedAt: closeouts.openedAt,
  noticeReceivedOn: closeouts.noticeReceivedOn,
  reference: closeouts.reference,
  mrrAtRisk: closeouts.mrrAtRisk,
} as const;

export async function listCloseouts(options: {
  db: Database;
  orgId: string;
  query: TListCloseoutsQuery;
}): Promise<{ items: TCloseoutSummary[]; total: number; page: number; pageSize: number }> {
  const { db, orgId, query } = options;
  const conditions: SQL[] = [eq(closeouts.orgId, orgId)];
  if (query.status) conditions.push(eq(closeouts.status, query.status));
  if (query.stage) conditions.push(eq(closeouts.stage, query.stage));
  if (query.trigger) conditions.push(eq(closeouts.trigger, query.trigger));
  if (query.ownerUserId) conditions.push(eq(closeouts.ownerUserId, query.ownerUserId));
  if (query.clientId) conditions.push(eq(closeouts.clientId, query.clientId));
  if (query.openedFrom)
    conditions.push(gte(closeouts.openedAt, new Date(`${query.openedFrom}T00:00:00Z`)));
  if (query.openedTo)
    conditions.push(lte(closeouts.openedAt, new Date(`${query.openedTo}T23:59:59.999Z`)));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    conditions.push(or(ilike(clients.name, pattern), ilike(closeouts.reference, pattern))!);
  }
  const where = and(...conditions);
  const descending = query.sort.startsWith('-');
  const sortColumn = SORTS[query.sort.replace('-', '') as keyof typeof SORTS];
  const now = todayUtc();

  const taskCounts = db
    .select({
      closeoutId: closeoutTasks.closeoutId,
      open: sql<number>`count(*) filter (where ${closeoutTasks.status} = 'open')`
        .mapWith(Number)
        .as('open'),
      overdue:
        sql<number>`count(*) filter (where ${closeoutTasks.status} = 'open' and ${closeoutTasks.dueOn} < ${now})`
          .mapWith(Number)
          .as('overdue'),
    })
    .from(closeoutTasks)
    .where(eq(closeoutTasks.orgId, orgId))
    .groupBy(closeoutTasks.closeoutId)
    .as('task_counts');

  const [rows, [count]] = await Promise.all([
    db
      .select({
        closeout: closeouts,
        clientName: clients.name,
        terminationDate: closeoutMeetings.terminationDate,
        openTasks: taskCounts.open,
        overdueTasks: taskCounts.overdue,
      })
      .from(closeouts)
      .innerJoin(
        clients,
        and(eq(clients.orgId, closeouts.orgId), eq(clients.id, closeouts.clientId)),
      )
      .leftJoin(
        closeoutMeetings,
        and(
          eq(closeoutMeetings.orgId, closeouts.orgId),
          eq(closeoutMeetings.closeoutId, closeouts.id),
        ),
      )
      .leftJoin(taskCounts, eq(taskCounts.closeoutId, closeouts.id))
      .where(where)
      .orderBy(descending ? desc(sortColumn) : asc(sortColumn), asc(closeouts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(closeouts)
      .innerJoin(
        clients,
        and(eq(clients.orgId, closeouts.orgId), eq(clients.id, closeouts.clientId)),
      )
      .where(where),
  ]);

  return {
    items: rows.map(({ closeout, ...row }) => ({
      id: closeout.id,
      reference: closeout.reference,
      client: { id: closeout.clientId, name: row.clientName },
      trigger: closeout.trigger,
      stage: closeout.stage,
      status: closeout.status,
      ownerUserId: closeout.ownerUserId,
      noticeReceivedOn: closeout.noticeReceivedOn,
      terminationDate: row.terminationDate,
      openedAt: closeout.openedAt.toISOString(),
      endedAt: closeout.endedAt?.toISOString() ?? null,
      mrrAtRisk: closeout.mrrAtRisk,
      openTasks: row.openTasks ?? 0,
      overdueTasks: row.overdueTasks ?? 0,
      version: closeout.version,
    })),
    total: count?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function closeoutTimeline(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
  before: number | undefined;
  limit: number;
}) {
  const { db, orgId, closeoutId, before, limit } = options;
  const [exists] = await db
    .select({ id: closeouts.id })
    .from(closeouts)
    .where(and(eq(closeouts.orgId, orgId), eq(closeouts.id, closeoutId)));
  if (exists === undefined) throw notFound('The closeout');
  const events = await listAuditEvents(db, orgId, {
    closeoutId,
    limit: limit + 1,
    ...(before === undefined ? {} : { beforeId: before }),
  });
  const page = events.slice(0, limit);
  return { items: page, nextBefore: events.length > limit ? (page.at(-1)?.id ?? null) : null };
}

// ---- loading what actions need ------------------------------------------------------------------

/** An owner or assignee must be an active user of the same organisation. */
export async function requireActiveUser(
  db: DbExecutor,
  orgId: string,
  userId: string | null,
  field: string,
) {
  if (userId === null) return;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId), eq(users.active, true)));
  if (user === undefined) throw invalid(field, 'No active user of your organisation has this id.');
}

// ---- changing ----------------------------------------------------------------------------------

function engineContext(definition: TProcessDefinition, actor: Actor): EngineContext {
  return { definition, now: new Date().toISOString(), actor, newId: randomUUID };
}

/** Moves the client's status along with its closeout: in closeout, former, or active again. */
async function updateClientStatus(tx: DbExecutor, closeout: Closeout): Promise<void> {
  const status =
    closeout.status === 'open'
      ? 'in_closeout'
      : closeout.status === 'terminated'
        ? 'former'
        : 'active';
  await tx
    .update(clients)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(clients.orgId, closeout.orgId), eq(clients.id, closeout.clientId)));
}

export async function openCloseoutForClient(options: {
  db: Database;
  auth: RequestAuth;
  request: TOpenCloseoutRequest;
}): Promise<TCloseoutDetail> {
  const { db, auth, request } = options;
  return db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: clients.id, name: clients.name, status: clients.status })
      .from(clients)
      .where(and(eq(clients.orgId, auth.orgId), eq(clients.id, request.clientId)))
      .for('update');
    if (client === undefined)
      throw invalid('clientId', 'No client of your organisation has this id.');
    if (client.status === 'in_closeout') {
      throw new AppError('conflict', `${client.name} already has an open closeout.`, {
        field: 'clientId',
      });
    }
    if (client.status === 'former') {
      throw new AppError(
        'conflict',
        `${client.name} is a former client; record its return first.`,
        {
          field: 'clientId',
        },
      );
    }
    await requireActiveUser(tx, auth.orgId, request.ownerUserId, 'ownerUserId');
    const [organisation] = await tx
      .update(organisations)
      .set({ closeoutSequence: sql`${organisations.closeoutSequence} + 1` })
      .where(eq(organisations.id, auth.orgId))
      .returning({ sequence: organisations.closeoutSequence });
    const definition = await currentDefinition({ db: tx, orgId: auth.orgId });
    const context = engineContext(definition, auth.actor);
    const closeout = openCloseout(
      {
        id: randomUUID(),
        orgId: auth.orgId,
        reference: `CO-${String(organisation!.sequence).padStart(4, '0')}`,
        clientId: client.id,
        trigger: request.trigger,
        noticeReceivedOn: request.noticeReceivedOn,
        noticeEvidence: request.noticeEvidence,
        ownerUserId: request.ownerUserId ?? auth.userId,
      },
      await loadClientAgreements(tx, auth.orgId, client.id),
      context,
    );
    await insertCloseout(tx, closeout);
    await updateClientStatus(tx, closeout);
    await recordAuditEvents(tx, [
      {
        orgId: auth.orgId,
        closeoutId: closeout.id,
        entityType: 'closeout',
        entityId: closeout.id,
        action: 'open_closeout',
        actor: auth.actor,
        before: null,
        after: closeout,
      },
    ]);
    return presentCloseout(closeout, definition, client.name);
  });
}

/** The version an `If-Match` header names; every change must name one. */
export function expectedVersion(ifMatch: string | undefined): number {
  if (ifMatch === undefined) {
    throw new AppError(
      'precondition_required',
      "Send the If-Match header with the closeout's ETag from your last GET, so no one else's change is overwritten.",
      { field: 'if-match' },
    );
  }
  return Number(ifMatch.replace(/^W\//, '').replaceAll('"', ''));
}

type CloseoutChange = {
  actor: Actor;
  /** The audit trail's name for what happened, e.g. `decide_retention`. */
  action: string;
  perform: (
    closeout: Closeout,
    context: EngineContext,
    tx: DbExecutor,
  ) => Closeout | Promise<Closeout>;
};

export type CloseoutActionOptions = CloseoutChange & {
  db: Database;
  orgId: string;
  closeoutId: string;
  /** The version the caller saw. */
  version: number;
};

/**
 * One command on one closeout, in one transaction: load, check the version, run the engine,
 * save what changed, keep the client's status and the tickets in step, and write the audit event.
 */
export async function runCloseoutAction(options: CloseoutActionOptions): Promise<TCloseoutDetail> {
  const { db, orgId, closeoutId } = options;
  return db.transaction(async (tx) => {
    const loaded = await loadCloseoutWithClientName(tx, orgId, closeoutId);
    if (loaded === null) throw notFound('The closeout');
    const before = loaded.closeout;
    if (options.version !== before.version) {
      throw new AppError(
        'stale_version',
        `This closeout was changed by someone else (it is at version ${before.version}, you sent ${options.version}). Reload it and try again.`,
      );
    }
    const result = await changeCloseout(tx, before, options);
    return presentCloseout(result, await pinnedDefinition(tx, result), loaded.clientName);
  });
}

function pinnedDefinition(db: DbExecutor, closeout: Closeout) {
  return definitionVersion({
    db,
    orgId: closeout.orgId,
    key: closeout.definitionKey,
    version: closeout.definitionVersion,
  });
}

async function changeCloseout(
  tx: DbExecutor,
  before: Closeout,
  options: CloseoutChange,
): Promise<Closeout> {
  const context = engineContext(await pinnedDefinition(tx, before), options.actor);
  const acted = await options.perform(before, context, tx);
  const { closeout: after, change } = applyCloseoutAction(before, () => acted, context);
  await saveCloseout(tx, before, after);
  if (after.status !== before.status) await updateClientStatus(tx, after);
  const decided = await syncTicketStatuses(tx, before, after);
  // Outcomes learnt from the PSA itself are not written back to it.
  if (options.action !== SYNC_TICKET_REVIEW) {
    await enqueueTicketPushes({ tx, orgId: before.orgId, ticketIds: decided });
  }
  await recordAuditEvents(tx, [
    {
      orgId: before.orgId,
      closeoutId: before.id,
      entityType: 'closeout',
      entityId: before.id,
      action: options.action,
      actor: options.actor,
      before: change.before,
      after: change.after,
    },
  ]);
  await notifyCloseoutChange({
    tx,
    before,
    after,
    actor: options.actor,
    definition: context.definition,
  });
  return after;
}

/**
 * A review outcome recorded here closes the ticket itself too. Returns the tickets whose
 * outcome was just decided.
 */
async function syncTicketStatuses(
  tx: DbExecutor,
  before: Closeout,
  after: Closeout,
): Promise<string[]> {
  const earlier = new Map(before.ticketReviews.map((review) => [review.ticketId, review.outcome]));
  const decided: string[] = [];
  for (const review of after.ticketReviews) {
    if (review.outcome === null || earlier.get(review.ticketId) === review.outcome) continue;
    decided.push(review.ticketId);
    await tx
      .update(ticketsTable)
      .set({ status: review.outcome, closedAt: new Date(review.outcomeAt ?? Date.now()) })
      .where(
        and(
          eq(ticketsTable.orgId, after.orgId),
          eq(ticketsTable.id, review.ticketId),
          eq(ticketsTable.status, 'open'),
        ),
      );
  }
  return decided;
}

/**
 * Keeps an open closeout's ticket review in step with the client's tickets when they change
 * outside the review (created or closed by hand, an import or a PSA): new tickets join, closed
 * ones show their outcome. Run inside the transaction that changed the tickets.
 */
export async function syncClientTicketReview(options: {
  tx: DbExecutor;
  orgId: string;
  clientId: string;
  actor: Actor;
}): Promise<void> {
  const { tx, orgId, clientId, actor } = options;
  const [open] = await tx
    .select({ id: closeouts.id })
    .from(closeouts)
    .where(
      and(
        eq(closeouts.orgId, orgId),
        eq(closeouts.clientId, clientId),
        eq(closeouts.status, 'open'),
      ),
    );
  if (open === undefined) return;
  const before = await requireCloseout(tx, orgId, open.id);
  if (before.ticketsPulledAt === null) return;
  const tickets = await loadClientTickets(tx, orgId, clientId);
  const after = pullTickets(
    before,
    tickets,
    engineContext(await pinnedDefinition(tx, before), actor),
  );
  if (JSON.stringify(after.ticketReviews) === JSON.stringify(before.ticketReviews)) return;
  await changeCloseout(tx, before, { actor, action: SYNC_TICKET_REVIEW, perform: () => after });
}

const SYNC_TICKET_REVIEW = 'sync_ticket_review';

/**
 * A change the system makes to an open closeout on its own (a PSA sync bringing the client's
 * documented logins), in the caller's transaction. No version check: nobody edited what they
 * saw. When `perform` returns the closeout as it was, nothing is written and it answers false.
 */
export async function changeOpenCloseout(options: {
  tx: DbExecutor;
  orgId: string;
  closeoutId: string;
  actor: Actor;
  action: string;
  perform: (closeout: Closeout, context: EngineContext) => Closeout;
}): Promise<boolean> {
  const { tx, orgId, closeoutId, actor, action, perform } = options;
  const before = await requireCloseout(tx, orgId, closeoutId);
  const after = perform(before, engineContext(await pinnedDefinition(tx, before), actor));
  if (after === before) return false;
  await changeCloseout(tx, before, { actor, action, perform: () => after });
  return true;
}
