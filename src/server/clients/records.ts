import { and, eq } from 'drizzle-orm';
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Database, DbExecutor } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { agreements, contacts, managedSystems } from '../../db/schema.js';
import { invalid, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import { presentAgreement, presentContact, presentManagedSystem } from './present.js';
import type { TAgreement, TContact, TManagedSystem } from './schema.js';
import { requireClient } from './service.js';

/**
 * The records kept around a client: contacts, agreements and managed systems. Each is created,
 * changed and removed the same way, always within its client and organisation and with an audit
 * event in the same transaction.
 */

type RecordTable = typeof contacts | typeof agreements | typeof managedSystems;

type RecordKind<TTable extends RecordTable, TRecord> = {
  table: TTable;
  /** The audit trail's entity type, and the stem of its actions (`create_contact`). */
  entityType: 'contact' | 'agreement' | 'managed_system';
  /** How a message names one, e.g. "The contact". */
  label: string;
  present: (row: TTable['$inferSelect']) => TRecord;
  /** Refuses a record whose fields contradict each other, naming the field at fault. */
  check?: (record: Omit<TRecord, 'id'>) => void;
};

export const CONTACTS: RecordKind<typeof contacts, TContact> = {
  table: contacts,
  entityType: 'contact',
  label: 'The contact',
  present: presentContact,
};

/** An agreement's dates must read in order, and only an ended agreement has an end day. */
function checkAgreement(agreement: Omit<TAgreement, 'id'>): void {
  const { startDate, termEndDate, status, endedOn } = agreement;
  if (termEndDate !== null && termEndDate < startDate) {
    throw invalid('termEndDate', 'The term cannot end before the agreement starts.');
  }
  if (status === 'ended' && endedOn === null) {
    throw invalid('endedOn', 'Say on which day the agreement ended.');
  }
  if (status === 'active' && endedOn !== null) {
    throw invalid(
      'endedOn',
      'An active agreement has no end day: send endedOn null, or set its status to ended.',
    );
  }
  if (endedOn !== null && endedOn < startDate) {
    throw invalid('endedOn', 'The agreement cannot end before it starts.');
  }
}

export const AGREEMENTS: RecordKind<typeof agreements, TAgreement> = {
  table: agreements,
  entityType: 'agreement',
  label: 'The agreement',
  present: presentAgreement,
  check: checkAgreement,
};

export const MANAGED_SYSTEMS: RecordKind<typeof managedSystems, TManagedSystem> = {
  table: managedSystems,
  entityType: 'managed_system',
  label: 'The managed system',
  present: presentManagedSystem,
};

type RecordOptions = { db: Database; orgId: string; clientId: string; actor: Actor };

async function findRecord<TTable extends RecordTable>(
  tx: DbExecutor,
  table: TTable,
  options: { orgId: string; clientId: string; recordId: string },
): Promise<TTable['$inferSelect'] | undefined> {
  const source = table as RecordTable;
  const [row] = await tx
    .select()
    .from(source)
    .where(
      and(
        eq(source.orgId, options.orgId),
        eq(source.clientId, options.clientId),
        eq(source.id, options.recordId),
      ),
    )
    .for('update');
  return row as TTable['$inferSelect'] | undefined;
}

const audit = (
  tx: DbExecutor,
  kind: { entityType: string },
  options: RecordOptions & { recordId: string; action: string; before: unknown; after: unknown },
) =>
  recordAuditEvents(tx, [
    {
      orgId: options.orgId,
      closeoutId: null,
      entityType: kind.entityType,
      entityId: options.recordId,
      action: `${options.action}_${kind.entityType}`,
      actor: options.actor,
      before: options.before,
      after: options.after,
    },
  ]);

export async function createRecord<TTable extends RecordTable, TRecord>(
  kind: RecordKind<TTable, TRecord>,
  options: RecordOptions & { values: Omit<TRecord, 'id'> },
): Promise<TRecord> {
  const { db, orgId, clientId, values } = options;
  kind.check?.(values);
  return db.transaction(async (tx) => {
    await requireClient(tx, orgId, clientId);
    // The kinds above pair each table with the request of its own columns.
    const rowValues: Record<string, unknown> = { ...values, orgId, clientId };
    const [row] = await tx
      .insert(kind.table as RecordTable)
      .values(rowValues as PgInsertValue<RecordTable>)
      .returning();
    const record = kind.present(row as TTable['$inferSelect']);
    await audit(tx, kind, {
      ...options,
      recordId: row!.id,
      action: 'create',
      before: null,
      after: record,
    });
    return record;
  });
}

export async function updateRecord<TTable extends RecordTable, TRecord>(
  kind: RecordKind<TTable, TRecord>,
  options: RecordOptions & { recordId: string; changes: Partial<Omit<TRecord, 'id'>> },
): Promise<TRecord> {
  const { db, orgId, clientId, recordId, changes } = options;
  return db.transaction(async (tx) => {
    await requireClient(tx, orgId, clientId);
    const before = await findRecord(tx, kind.table, { orgId, clientId, recordId });
    if (before === undefined) throw notFound(kind.label);
    const earlier = kind.present(before);
    kind.check?.({ ...earlier, ...changes });
    const table = kind.table as RecordTable;
    const [row] = await tx
      .update(table)
      .set(changes as PgUpdateSetSource<RecordTable>)
      .where(and(eq(table.orgId, orgId), eq(table.id, recordId)))
      .returning();
    const record = kind.present(row as TTable['$inferSelect']);
    await audit(tx, kind, {
      ...options,
      action: 'update',
      before: earlier,
      after: record,
    });
    return record;
  });
}

export async function deleteRecord<TTable extends RecordTable, TRecord>(
  kind: RecordKind<TTable, TRecord>,
  options: RecordOptions & { recordId: string },
): Promise<void> {
  const { db, orgId, clientId, recordId } = options;
  await db.transaction(async (tx) => {
    await requireClient(tx, orgId, clientId);
    const before = await findRecord(tx, kind.table, { orgId, clientId, recordId });
    if (before === undefined) throw notFound(kind.label);
    const table = kind.table as RecordTable;
    await tx.delete(table).where(and(eq(table.orgId, orgId), eq(table.id, recordId)));
    await audit(tx, kind, {
      ...options,
      action: 'delete',
      before: kind.present(before),
      after: null,
    });
  });
}
