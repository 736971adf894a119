import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Actor, IsoDateTime } from '../../domain/model.js';
import type { DbExecutor } from '../connection.js';
import { auditEvents } from '../schema.js';

/** One change to record, written in the same transaction as the change itself. */
export type AuditEventInput = {
  orgId: string;
  closeoutId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  actor: Actor;
  before: unknown;
  after: unknown;
  /** When it happened, if not now: only history written afterwards (the demo) sets it. */
  at?: IsoDateTime;
};

/** Who acted, as the trail keeps it: roles are not recorded, they may change later. */
export type AuditActor = {
  kind: Actor['kind'];
  id: string | null;
  name: string;
};

export type AuditEvent = {
  id: number;
  orgId: string;
  closeoutId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  actor: AuditActor;
  before: unknown;
  after: unknown;
  at: IsoDateTime;
};

export type AuditEventQuery = {
  closeoutId?: string;
  limit: number;
  /** Keyset cursor: only events older than this id (the last id of the previous page). */
  beforeId?: number;
};

function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'client_contact':
      return actor.contactId;
    case 'system':
      return null;
  }
}

export async function recordAuditEvents(
  tx: DbExecutor,
  events: readonly AuditEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(auditEvents).values(
    events.map((event) => ({
      orgId: event.orgId,
      closeoutId: event.closeoutId,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      actorKind: event.actor.kind,
      actorId: actorId(event.actor),
      actorName: event.actor.name,
      before: event.before ?? null,
      after: event.after ?? null,
      ...(event.at === undefined ? {} : { at: new Date(event.at) }),
    })),
  );
}

/** An organisation's audit trail, newest first. */
export async function listAuditEvents(
  db: DbExecutor,
  orgId: string,
  query: AuditEventQuery,
): Promise<AuditEvent[]> {
  const conditions: SQL[] = [eq(auditEvents.orgId, orgId)];
  if (query.closeoutId !== undefined) conditions.push(eq(auditEvents.closeoutId, query.closeoutId));
  if (query.beforeId !== undefined) conditions.push(lt(auditEvents.id, query.beforeId));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(query.limit);
  return rows.map((row) => ({
    id: row.id,
    orgId: row.orgId,
    closeoutId: row.closeoutId,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
    before: row.before,
    after: row.after,
    at: row.at.toISOString(),
  }));
}
