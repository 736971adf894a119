import { isDeepStrictEqual } from 'node:util';
import {
  and,
  asc,
  eq,
  getTableColumns,
  inArray,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError } from '../../domain/errors.js';
import type {
  BackupCopy,
  Closeout,
  CloseoutTask,
  DeactivationIssue,
  HandoverItem,
  IsoDateTime,
  Meeting,
  ResponsibilityAcceptance,
  SipAction,
  TicketReview,
} from '../../domain/model.js';
import type { Database, DbExecutor } from '../connection.js';
import { preparedPerDatabase } from '../prepared.js';
import {
  backupCopies,
  closeoutMeetings,
  closeouts,
  closeoutTasks,
  deactivationIssues,
  handoverItems,
  responsibilityTransfers,
  sipActions,
  ticketReviews,
} from '../schema.js';

/**
 * Persistence of the closeout aggregate. The aggregate spans the closeouts row and one table per
 * child collection; a save writes only what changed, guarded by the optimistic version.
 */

const toDate = (moment: IsoDateTime): Date => new Date(moment);
const toDateOrNull = (moment: IsoDateTime | null): Date | null =>
  moment === null ? null : new Date(moment);
const toIso = (moment: Date): IsoDateTime => moment.toISOString();
const toIsoOrNull = (moment: Date | null): IsoDateTime | null =>
  moment === null ? null : moment.toISOString();

type CloseoutRow = typeof closeouts.$inferSelect;
type MeetingRow = typeof closeoutMeetings.$inferSelect;
type SipActionRow = typeof sipActions.$inferSelect;
type TicketReviewRow = typeof ticketReviews.$inferSelect;
type HandoverItemRow = typeof handoverItems.$inferSelect;
type BackupCopyRow = typeof backupCopies.$inferSelect;
type ResponsibilityTransferRow = typeof responsibilityTransfers.$inferSelect;
type TaskRow = typeof closeoutTasks.$inferSelect;
type DeactivationIssueRow = typeof deactivationIssues.$inferSelect;

function closeoutValues(closeout: Closeout) {
  const { retention, reasons } = closeout;
  return {
    id: closeout.id,
    orgId: closeout.orgId,
    reference: closeout.reference,
    clientId: closeout.clientId,
    definitionKey: closeout.definitionKey,
    definitionVersion: closeout.definitionVersion,
    trigger: closeout.trigger,
    noticeReceivedOn: closeout.noticeReceivedOn,
    noticeEvidence: closeout.noticeEvidence,
    ownerUserId: closeout.ownerUserId,
    stage: closeout.stage,
    status: closeout.status,
    openedAt: toDate(closeout.openedAt),
    openedBy: closeout.openedBy,
    endedAt: toDateOrNull(closeout.endedAt),
    endNote: closeout.endNote,
    mrrAtRisk: closeout.mrrAtRisk,
    earliestTerminationDate: closeout.earliestTerminationDate,
    acknowledgedAt: toDateOrNull(closeout.acknowledgedAt),
    primaryReason: reasons.primary,
    contributingReasons: reasons.contributing,
    reasonNotes: reasons.notes,
    healthSnapshot: closeout.healthSnapshot,
    retentionDecision: retention.decision,
    retentionDecidedAt: toDateOrNull(retention.decidedAt),
    retentionDecidedBy: retention.decidedBy,
    retentionRationale: retention.rationale,
    approvedAt: toDateOrNull(retention.approvedAt),
    approvedBy: retention.approvedBy,
    approvalNote: retention.approvalNote,
    sipOutcome: retention.sipOutcome,
    sipConcludedAt: toDateOrNull(retention.sipConcludedAt),
    ticketsPulledAt: toDateOrNull(closeout.ticketsPulledAt),
    sessionHeldAt: toDateOrNull(closeout.sessionHeldAt),
    version: closeout.version,
  } satisfies typeof closeouts.$inferInsert;
}

function meetingValues(closeout: Closeout): typeof closeoutMeetings.$inferInsert {
  const { meeting } = closeout;
  const agreement = meeting.agreement;
  return {
    closeoutId: closeout.id,
    orgId: closeout.orgId,
    scheduledAt: toDateOrNull(meeting.scheduledAt),
    location: meeting.location,
    agenda: meeting.agenda,
    heldAt: toDateOrNull(meeting.heldAt),
    attendees: meeting.attendees,
    minutes: meeting.minutes,
    terminationDate: agreement?.terminationDate ?? null,
    deactivationSessionAt: agreement ? toDate(agreement.deactivationSessionAt) : null,
    ticketHandling: agreement?.ticketHandling ?? null,
    deliverables: agreement?.deliverables ?? null,
    finalBilling: agreement?.finalBilling ?? null,
    transitionContact: agreement?.transitionContact ?? null,
    summarySentAt: toDateOrNull(meeting.summarySentAt),
  };
}

const sipActionValues = (
  closeout: Closeout,
  action: SipAction,
  position: number,
): typeof sipActions.$inferInsert => ({
  id: action.id,
  orgId: closeout.orgId,
  closeoutId: closeout.id,
  position,
  description: action.description,
  ownerUserId: action.ownerUserId,
  dueOn: action.dueOn,
  doneAt: toDateOrNull(action.doneAt),
  note: action.note,
});

const ticketReviewValues = (
  closeout: Closeout,
  review: TicketReview,
): typeof ticketReviews.$inferInsert => ({
  orgId: closeout.orgId,
  closeoutId: closeout.id,
  ticketId: review.ticketId,
  ticketNumber: review.ticketNumber,
  title: review.title,
  disposition: review.disposition,
  reason: review.reason,
  handoverNote: review.handoverNote,
  clientAgreed: review.clientAgreed,
  clientAgreedAt: toDateOrNull(review.clientAgreedAt),
  clientQuestion: review.clientQuestion,
  outcome: review.outcome,
  outcomeAt: toDateOrNull(review.outcomeAt),
  joinedAt: toDate(review.joinedAt),
});

const handoverItemValues = (
  closeout: Closeout,
  item: HandoverItem,
  position: number,
): typeof handoverItems.$inferInsert => ({
  id: item.id,
  orgId: closeout.orgId,
  closeoutId: closeout.id,
  position,
  managedSystemId: item.managedSystemId,
  systemName: item.systemName,
  credentialLabel: item.credentialLabel,
  notes: item.notes,
  handedOverAt: toDateOrNull(item.handedOverAt),
  handedOverBy: item.handedOverBy,
  confirmedAt: toDateOrNull(item.confirmedAt),
  confirmedBy: item.confirmedBy,
});

const backupCopyValues = (
  closeout: Closeout,
  copy: BackupCopy,
  position: number,
): typeof backupCopies.$inferInsert => ({
  id: copy.id,
  orgId: closeout.orgId,
  closeoutId: closeout.id,
  position,
  description: copy.description,
  systemsCovered: copy.systemsCovered,
  sizeBytes: copy.sizeBytes,
  sha256: copy.sha256,
  medium: copy.medium,
  deliveredAt: toDateOrNull(copy.deliveredAt),
  deliveredBy: copy.deliveredBy,
  receivedAt: toDateOrNull(copy.receivedAt),
  receivedBy: copy.receivedBy,
  checksumVerified: copy.checksumVerified,
});

const responsibilityTransferValues = (
  closeout: Closeout,
  acceptance: ResponsibilityAcceptance,
): typeof responsibilityTransfers.$inferInsert => ({
  closeoutId: closeout.id,
  orgId: closeout.orgId,
  acceptedByName: acceptance.acceptedByName,
  acceptedByTitle: acceptance.acceptedByTitle,
  acceptedAt: toDate(acceptance.acceptedAt),
  effectiveFrom: toDate(acceptance.effectiveFrom),
  recordedBy: acceptance.recordedBy,
  signature: acceptance.signature,
});

const taskValues = (
  closeout: Closeout,
  task: CloseoutTask,
  position: number,
): typeof closeoutTasks.$inferInsert => ({
  id: task.id,
  orgId: closeout.orgId,
  closeoutId: closeout.id,
  position,
  taskKey: task.taskKey,
  stageKey: task.stageKey,
  name: task.name,
  lane: task.lane,
  roles: task.roles,
  required: task.required,
  dueOn: task.dueOn,
  assigneeUserId: task.assigneeUserId,
  status: task.status,
  completedAt: toDateOrNull(task.completedAt),
  completedBy: task.completedBy,
  evidence: task.evidence,
  waiverReason: task.waiverReason,
});

const deactivationIssueValues = (
  closeout: Closeout,
  issue: DeactivationIssue,
): typeof deactivationIssues.$inferInsert => ({
  id: issue.id,
  orgId: closeout.orgId,
  closeoutId: closeout.id,
  summary: issue.summary,
  description: issue.description,
  systemName: issue.systemName,
  loggedAt: toDate(issue.loggedAt),
  loggedBy: issue.loggedBy,
  resolvedAt: toDateOrNull(issue.resolvedAt),
  resolution: issue.resolution,
});

function toMeeting(row: MeetingRow | undefined): Meeting {
  if (row === undefined) {
    throw new AppError('internal', 'The closeout has no meeting record; its data is incomplete.');
  }
  const hasAgreement =
    row.terminationDate !== null &&
    row.deactivationSessionAt !== null &&
    row.ticketHandling !== null &&
    row.deliverables !== null &&
    row.finalBilling !== null &&
    row.transitionContact !== null;
  return {
    scheduledAt: toIsoOrNull(row.scheduledAt),
    location: row.location,
    agenda: row.agenda,
    heldAt: toIsoOrNull(row.heldAt),
    attendees: row.attendees,
    minutes: row.minutes,
    agreement: hasAgreement
      ? {
          terminationDate: row.terminationDate!,
          deactivationSessionAt: toIso(row.deactivationSessionAt!),
          ticketHandling: row.ticketHandling!,
          deliverables: row.deliverables!,
          finalBilling: row.finalBilling!,
          transitionContact: row.transitionContact!,
        }
      : null,
    summarySentAt: toIsoOrNull(row.summarySentAt),
  };
}

const toSipAction = (row: SipActionRow): SipAction => ({
  id: row.id,
  description: row.description,
  ownerUserId: row.ownerUserId,
  dueOn: row.dueOn,
  doneAt: toIsoOrNull(row.doneAt),
  note: row.note,
});

const toTicketReview = (row: TicketReviewRow): TicketReview => ({
  ticketId: row.ticketId,
  ticketNumber: row.ticketNumber,
  title: row.title,
  disposition: row.disposition,
  reason: row.reason,
  handoverNote: row.handoverNote,
  clientAgreed: row.clientAgreed,
  clientAgreedAt: toIsoOrNull(row.clientAgreedAt),
  clientQuestion: row.clientQuestion,
  outcome: row.outcome,
  outcomeAt: toIsoOrNull(row.outcomeAt),
  joinedAt: toIso(row.joinedAt),
});

const toHandoverItem = (row: HandoverItemRow): HandoverItem => ({
  id: row.id,
  managedSystemId: row.managedSystemId,
  systemName: row.systemName,
  credentialLabel: row.credentialLabel,
  notes: row.notes,
  handedOverAt: toIsoOrNull(row.handedOverAt),
  handedOverBy: row.handedOverBy,
  confirmedAt: toIsoOrNull(row.confirmedAt),
  confirmedBy: row.confirmedBy,
});

const toBackupCopy = (row: BackupCopyRow): BackupCopy => ({
  id: row.id,
  description: row.description,
  systemsCovered: row.systemsCovered,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  medium: row.medium,
  deliveredAt: toIsoOrNull(row.deliveredAt),
  deliveredBy: row.deliveredBy,
  receivedAt: toIsoOrNull(row.receivedAt),
  receivedBy: row.receivedBy,
  checksumVerified: row.checksumVerified,
});

const toResponsibilityAcceptance = (
  row: ResponsibilityTransferRow | undefined,
): ResponsibilityAcceptance | null =>
  row === undefined
    ? null
    : {
        acceptedByName: row.acceptedByName,
        acceptedByTitle: row.acceptedByTitle,
        acceptedAt: toIso(row.acceptedAt),
        effectiveFrom: toIso(row.effectiveFrom),
        recordedBy: row.recordedBy,
        signature: row.signature ?? null,
      };

/** A task row as the aggregate holds it; the task lists across closeouts read it too. */
export const toTask = (row: TaskRow): CloseoutTask => ({
  id: row.id,
  taskKey: row.taskKey,
  stageKey: row.stageKey,
  name: row.name,
  lane: row.lane,
  roles: row.roles,
  required: row.required,
  dueOn: row.dueOn,
  assigneeUserId: row.assigneeUserId,
  status: row.status,
  completedAt: toIsoOrNull(row.completedAt),
  completedBy: row.completedBy,
  evidence: row.evidence,
  waiverReason: row.waiverReason,
});

const toDeactivationIssue = (row: DeactivationIssueRow): DeactivationIssue => ({
  id: row.id,
  summary: row.summary,
  description: row.description,
  systemName: row.systemName,
  loggedAt: toIso(row.loggedAt),
  loggedBy: row.loggedBy,
  resolvedAt: toIsoOrNull(row.resolvedAt),
  resolution: row.resolution,
});

function toCloseout(
  row: CloseoutRow,
  children: Pick<
    Closeout,
    | 'meeting'
    | 'sipActions'
    | 'ticketReviews'
    | 'handoverItems'
    | 'backupCopies'
    | 'responsibilityAcceptance'
    | 'tasks'
    | 'deactivationIssues'
  >,
): Closeout {
  return {
    id: row.id,
    orgId: row.orgId,
    reference: row.reference,
    clientId: row.clientId,
    definitionKey: row.definitionKey,
    definitionVersion: row.definitionVersion,
    trigger: row.trigger,
    noticeReceivedOn: row.noticeReceivedOn,
    noticeEvidence: row.noticeEvidence,
    ownerUserId: row.ownerUserId,
    stage: row.stage,
    status: row.status,
    openedAt: toIso(row.openedAt),
    openedBy: row.openedBy,
    endedAt: toIsoOrNull(row.endedAt),
    endNote: row.endNote,
    mrrAtRisk: row.mrrAtRisk,
    earliestTerminationDate: row.earliestTerminationDate,
    acknowledgedAt: toIsoOrNull(row.acknowledgedAt),
    reasons: {
      primary: row.primaryReason,
      contributing: row.contributingReasons,
      notes: row.reasonNotes,
    },
    healthSnapshot: row.healthSnapshot,
    retention: {
      decision: row.retentionDecision,
      decidedAt: toIsoOrNull(row.retentionDecidedAt),
      decidedBy: row.retentionDecidedBy,
      rationale: row.retentionRationale,
      approvedAt: toIsoOrNull(row.approvedAt),
      approvedBy: row.approvedBy,
      approvalNote: row.approvalNote,
      sipOutcome: row.sipOutcome,
      sipConcludedAt: toIsoOrNull(row.sipConcludedAt),
    },
    ticketsPulledAt: toIsoOrNull(row.ticketsPulledAt),
    sessionHeldAt: toIsoOrNull(row.sessionHeldAt),
    version: row.version,
    ...children,
  };
}

type ChildTable = PgTable & { orgId: PgColumn; closeoutId: PgColumn };

/** Rows of one closeout in a child table: the organisation is always part of the condition. */
const ofCloseout = (table: ChildTable, orgId: string, closeoutId: string): SQL =>
  and(eq(table.orgId, orgId), eq(table.closeoutId, closeoutId))!;

/** The closeout with every part, ordered as the aggregate keeps them: one SQL statement. */
function closeoutWithPartsQuery(
  db: DbExecutor,
  orgId: string | Placeholder,
  closeoutId: string | Placeholder,
) {
  return db.query.closeouts.findFirst({
    where: and(eq(closeouts.orgId, orgId), eq(closeouts.id, closeoutId)),
    with: {
      client: { columns: { name: true } },
      meeting: true,
      responsibilityTransfer: true,
      sipActions: { orderBy: [asc(sipActions.position)] },
      ticketReviews: {
        orderBy: [
          asc(ticketReviews.joinedAt),
          asc(ticketReviews.ticketNumber),
          asc(ticketReviews.ticketId),
        ],
      },
      handoverItems: { orderBy: [asc(handoverItems.position)] },
      backupCopies: { orderBy: [asc(backupCopies.position)] },
      tasks: { orderBy: [asc(closeoutTasks.position)] },
      deactivationIssues: {
        orderBy: [asc(deactivationIssues.loggedAt), asc(deactivationIssues.id)],
      },
    },
  });
}

type CloseoutWithParts = NonNullable<Awaited<ReturnType<typeof closeoutWithPartsQuery>>>;

function fromCloseoutWithParts(row: CloseoutWithParts): LoadedCloseout {
  const closeout = toCloseout(row, {
    meeting: toMeeting(row.meeting ?? undefined),
    sipActions: row.sipActions.map(toSipAction),
    ticketReviews: row.ticketReviews.map(toTicketReview),
    handoverItems: row.handoverItems.map(toHandoverItem),
    backupCopies: row.backupCopies.map(toBackupCopy),
    responsibilityAcceptance: toResponsibilityAcceptance(row.responsibilityTransfer ?? undefined),
    tasks: row.tasks.map(toTask),
    deactivationIssues: row.deactivationIssues.map(toDeactivationIssue),
  });
  return { closeout, clientName: row.client.name };
}

export type LoadedCloseout = { closeout: Closeout; clientName: string };

/**
 * A closeout and the name of its client, in one statement, so a save made from it is compared
 * against one consistent state. Use it inside the transaction that will save.
 */
export async function loadCloseoutWithClientName(
  db: DbExecutor,
  orgId: string,
  closeoutId: string,
): Promise<LoadedCloseout | null> {
  const row = await closeoutWithPartsQuery(db, orgId, closeoutId);
  return row === undefined ? null : fromCloseoutWithParts(row);
}

const readCloseoutStatement = preparedPerDatabase((db) =>
  closeoutWithPartsQuery(db, sql.placeholder('orgId'), sql.placeholder('closeoutId')).prepare(
    'read_closeout_with_parts',
  ),
);

/** The same as loadCloseoutWithClientName, for reads outside a transaction (the hot path). */
export async function readCloseoutWithClientName(
  db: Database,
  orgId: string,
  closeoutId: string,
): Promise<LoadedCloseout | null> {
  const row = await readCloseoutStatement(db).execute({ orgId, closeoutId });
  return row === undefined ? null : fromCloseoutWithParts(row);
}

export async function loadCloseout(
  db: DbExecutor,
  orgId: string,
  closeoutId: string,
): Promise<Closeout | null> {
  return (await loadCloseoutWithClientName(db, orgId, closeoutId))?.closeout ?? null;
}

/** Inserts a new closeout with everything it holds. Run it inside a transaction. */
export async function insertCloseout(tx: DbExecutor, closeout: Closeout): Promise<void> {
  await tx.insert(closeouts).values(closeoutValues(closeout));
  await tx.insert(closeoutMeetings).values(meetingValues(closeout));
  if (closeout.sipActions.length > 0) {
    await tx
      .insert(sipActions)
      .values(closeout.sipActions.map((action, i) => sipActionValues(closeout, action, i)));
  }
  if (closeout.ticketReviews.length > 0) {
    await tx
      .insert(ticketReviews)
      .values(closeout.ticketReviews.map((review) => ticketReviewValues(closeout, review)));
  }
  if (closeout.handoverItems.length > 0) {
    await tx
      .insert(handoverItems)
      .values(closeout.handoverItems.map((item, i) => handoverItemValues(closeout, item, i)));
  }
  if (closeout.backupCopies.length > 0) {
    await tx
      .insert(backupCopies)
      .values(closeout.backupCopies.map((copy, i) => backupCopyValues(closeout, copy, i)));
  }
  if (closeout.responsibilityAcceptance !== null) {
    await tx
      .insert(responsibilityTransfers)
      .values(responsibilityTransferValues(closeout, closeout.responsibilityAcceptance));
  }
  if (closeout.tasks.length > 0) {
    await tx
      .insert(closeoutTasks)
      .values(closeout.tasks.map((task, i) => taskValues(closeout, task, i)));
  }
  if (closeout.deactivationIssues.length > 0) {
    await tx
      .insert(deactivationIssues)
      .values(closeout.deactivationIssues.map((issue) => deactivationIssueValues(closeout, issue)));
  }
}

type Changes<T> = { written: { item: T; position: number }[]; removed: string[] };

/** Items that are new, changed or moved, and the keys of items that are gone. */
function changesBetween<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string) {
  const previous = new Map(before.map((item, position) => [keyOf(item), { item, position }]));
  const kept = new Set(after.map(keyOf));
  const changes: Changes<T> = {
    written: after.flatMap((item, position) => {
      const old = previous.get(keyOf(item));
      const unchanged = old?.position === position && isDeepStrictEqual(old.item, item);
      return unchanged ? [] : [{ item, position }];
    }),
    removed: [...previous.keys()].filter((key) => !kept.has(key)),
  };
  return changes;
}

/**
 * On conflict, every column the aggregate offers takes the value offered for insertion; columns
 * it does not carry (a backup copy's uploaded archive) keep what they hold.
 */
function takeOffered<TTable extends PgTable>(
  table: TTable,
  offered: object,
): PgUpdateSetSource<TTable> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return Object.fromEntries(
    Object.entries(columns)
      .filter(([key]) => key in offered)
      .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  ) as PgUpdateSetSource<TTable>;
}

async function upsertRows<TTable extends ChildTable>(
  tx: DbExecutor,
  closeout: Closeout,
  table: TTable,
  target: PgColumn | PgColumn[],
  rows: PgInsertValue<TTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  const written = await tx
    .insert(table)
    .values(rows)
    .onConflictDoUpdate({
      target,
      set: takeOffered(table, rows[0]!),
      // A clashing key that belongs to another closeout or organisation is never overwritten.
      setWhere: ofCloseout(table, closeout.orgId, closeout.id),
    })
    .returning({ closeoutId: table.closeoutId });
  if (written.length !== rows.length) {
    throw new AppError(
      'conflict',
      'A record of this closeout has the same identifier as a record elsewhere; nothing was saved.',
    );
  }
}

async function deleteRows(
  tx: DbExecutor,
  closeout: Closeout,
  table: ChildTable,
  key: PgColumn,
  removed: string[],
): Promise<void> {
  if (removed.length === 0) return;
  await tx
    .delete(table)
    .where(and(ofCloseout(table, closeout.orgId, closeout.id), inArray(key, removed)));
}

async function saveCollection<T, TTable extends ChildTable>(
  tx: DbExecutor,
  closeout: Closeout,
  collection: { table: TTable; key: PgColumn; target: PgColumn | PgColumn[] },
  changes: Changes<T>,
  values: (item: T, position: number) => PgInsertValue<TTable>,
): Promise<void> {
  await deleteRows(tx, closeout, collection.table, collection.key, changes.removed);
  await upsertRows(
    tx,
    closeout,
    collection.table,
    collection.target,
    changes.written.map(({ item, position }) => values(item, position)),
  );
}

/**
 * Writes the difference between the aggregate as loaded (`before`) and as the engine left it
 * (`after`). Refused with `stale_version` when someone else saved the closeout in between. Run it
 * inside a transaction: a refusal part-way must leave nothing behind.
 */
export async function saveCloseout(
  tx: DbExecutor,
  before: Closeout,
  after: Closeout,
): Promise<void> {
  if (after.id !== before.id || after.orgId !== before.orgId) {
    throw new AppError('internal', 'A closeout can only be saved over its own earlier state.');
  }
  if (after.version !== before.version + 1) {
    throw new AppError('internal', 'Every change to a closeout must raise its version by one.');
  }

  const updated = await tx
    .update(closeouts)
    .set({ ...closeoutValues(after), updatedAt: new Date() })
    .where(
      and(
        eq(closeouts.orgId, before.orgId),
        eq(closeouts.id, before.id),
        eq(closeouts.version, before.version),
      ),
    )
    .returning({ id: closeouts.id });
  if (updated.length === 0) {
    throw new AppError(
      'stale_version',
      'This closeout was changed by someone else since you loaded it. Reload it and try again.',
    );
  }

  if (!isDeepStrictEqual(before.meeting, after.meeting)) {
    await upsertRows(tx, after, closeoutMeetings, closeoutMeetings.closeoutId, [
      meetingValues(after),
    ]);
  }
  if (!isDeepStrictEqual(before.responsibilityAcceptance, after.responsibilityAcceptance)) {
    if (after.responsibilityAcceptance === null) {
      await tx
        .delete(responsibilityTransfers)
        .where(ofCloseout(responsibilityTransfers, after.orgId, after.id));
    } else {
      await upsertRows(tx, after, responsibilityTransfers, responsibilityTransfers.closeoutId, [
        responsibilityTransferValues(after, after.responsibilityAcceptance),
      ]);
    }
  }

  const byId = (item: { id: string }) => item.id;
  await saveCollection(
    tx,
    after,
    { table: sipActions, key: sipActions.id, target: sipActions.id },
    changesBetween(before.sipActions, after.sipActions, byId),
    (action, position) => sipActionValues(after, action, position),
  );
  await saveCollection(
    tx,
    after,
    {
      table: ticketReviews,
      key: ticketReviews.ticketId,
      target: [ticketReviews.closeoutId, ticketReviews.ticketId],
    },
    changesBetween(before.ticketReviews, after.ticketReviews, (review) => review.ticketId),
    (review) => ticketReviewValues(after, review),
  );
  await saveCollection(
    tx,
    after,
    { table: handoverItems, key: handoverItems.id, target: handoverItems.id },
    changesBetween(before.handoverItems, after.handoverItems, byId),
    (item, position) => handoverItemValues(after, item, position),
  );
  await saveCollection(
    tx,
    after,
    { table: backupCopies, key: backupCopies.id, target: backupCopies.id },
    changesBetween(before.backupCopies, after.backupCopies, byId),
    (copy, position) => backupCopyValues(after, copy, position),
  );
  await saveCollection(
    tx,
    after,
    { table: closeoutTasks, key: closeoutTasks.id, target: closeoutTasks.id },
    changesBetween(before.tasks, after.tasks, byId),
    (task, position) => taskValues(after, task, position),
  );
  await saveCollection(
    tx,
    after,
    { table: deactivationIssues, key: deactivationIssues.id, target: deactivationIssues.id },
    changesBetween(before.deactivationIssues, after.deactivationIssues, byId),
    (issue) => deactivationIssueValues(after, issue),
  );
}
