import { and, arrayContains, asc, eq, gte, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { toTask } from '../../db/repositories/closeouts.js';
import { clients, closeouts, closeoutTasks } from '../../db/schema.js';
import { addDaysToDate } from '../../domain/calendar.js';
import { isOverdue } from '../../domain/tasks.js';
import type { TListTasksQuery, TTaskPage } from './schema.js';

/** Tasks across all closeouts of the organisation, soonest due first. */
export async function listTasks(options: {
  db: Database;
  orgId: string;
  /** Whose `assignee=me` this is. */
  userId: string;
  query: TListTasksQuery;
  /** YYYY-MM-DD, the day `overdue`, `today` and `week` are judged from. */
  today: string;
}): Promise<TTaskPage> {
  const { db, orgId, userId, query, today } = options;
  const conditions: SQL[] = [
    eq(closeoutTasks.orgId, orgId),
    eq(closeoutTasks.status, query.status),
  ];
  if (query.assignee === 'unassigned') conditions.push(isNull(closeoutTasks.assigneeUserId));
  else if (query.assignee !== undefined) {
    conditions.push(
      eq(closeoutTasks.assigneeUserId, query.assignee === 'me' ? userId : query.assignee),
    );
  }
  if (query.closeoutId) conditions.push(eq(closeoutTasks.closeoutId, query.closeoutId));
  if (query.role) conditions.push(arrayContains(closeoutTasks.roles, [query.role]));
  if (query.due === 'overdue') {
    conditions.push(eq(closeoutTasks.status, 'open'), lt(closeoutTasks.dueOn, today));
  } else if (query.due === 'today') {
    conditions.push(eq(closeoutTasks.dueOn, today));
  } else if (query.due === 'week') {
    conditions.push(
      gte(closeoutTasks.dueOn, today),
      lte(closeoutTasks.dueOn, addDaysToDate(today, 6, 'calendar')),
    );
  }
  const where = and(...conditions);
  const withCloseout = and(
    eq(closeouts.orgId, closeoutTasks.orgId),
    eq(closeouts.id, closeoutTasks.closeoutId),
  );
  const withClient = and(eq(clients.orgId, closeouts.orgId), eq(clients.id, closeouts.clientId));

  const [rows, [count]] = await Promise.all([
    db
      .select({
        task: closeoutTasks,
        closeout: {
          id: closeouts.id,
          reference: closeouts.reference,
          stage: closeouts.stage,
          status: closeouts.status,
          version: closeouts.version,
        },
        client: { id: clients.id, name: clients.name },
      })
      .from(closeoutTasks)
      .innerJoin(closeouts, withCloseout)
      .innerJoin(clients, withClient)
      .where(where)
      .orderBy(
        sql`${closeoutTasks.dueOn} asc nulls last`,
        asc(closeouts.reference),
        asc(closeoutTasks.position),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(closeoutTasks)
      .where(where),
  ]);

  return {
    items: rows.map(({ task, closeout, client }) => {
      const item = toTask(task);
      return { ...item, overdue: isOverdue(item, today), closeout, client };
    }),
    total: count?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
