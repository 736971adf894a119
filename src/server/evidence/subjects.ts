import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connection.js';
import { closeouts, closeoutTasks, handoverItems } from '../../db/schema.js';
import { forbidden, illegal, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';

/**
 * What files are attached to: a closeout's task or handover item (or backup copy), found by
 * organisation first, so another organisation's id is simply not found.
 */

export type CloseoutFacts = { id: string; reference: string; status: string };

export async function requireCloseout(
  db: DbExecutor,
  orgId: string,
  closeoutId: string,
): Promise<CloseoutFacts> {
  const [row] = await db
    .select({ id: closeouts.id, reference: closeouts.reference, status: closeouts.status })
    .from(closeouts)
    .where(and(eq(closeouts.orgId, orgId), eq(closeouts.id, closeoutId)));
  if (row === undefined) throw notFound('The closeout');
  return row;
}

/**
 * A retained or withdrawn closeout is over for good; a terminated one goes on after closing
 * (backup data destroyed after its retention period), so its files may still change.
 */
export function requireChangeable(closeout: CloseoutFacts): void {
  if (closeout.status === 'retained' || closeout.status === 'withdrawn') {
    throw illegal(
      `Closeout ${closeout.reference} ended ${closeout.status}; its files can no longer change.`,
    );
  }
}

export type EvidenceSubject =
  | { kind: 'task'; closeoutId: string; taskId: string }
  | { kind: 'handover_item'; closeoutId: string; itemId: string };

export type ResolvedSubject = {
  closeout: CloseoutFacts;
  subjectId: string;
  purpose: 'task_evidence' | 'handover_evidence';
  /** The task's or the credential's name, for the audit trail. */
  name: string;
  /** The task's roles; empty for a handover item. */
  roles: string[];
};

export async function resolveSubject(
  db: DbExecutor,
  orgId: string,
  subject: EvidenceSubject,
): Promise<ResolvedSubject> {
  const closeout = await requireCloseout(db, orgId, subject.closeoutId);
  if (subject.kind === 'task') {
    const [task] = await db
      .select({ name: closeoutTasks.name, roles: closeoutTasks.roles })
      .from(closeoutTasks)
      .where(
        and(
          eq(closeoutTasks.orgId, orgId),
          eq(closeoutTasks.closeoutId, closeout.id),
          eq(closeoutTasks.id, subject.taskId),
        ),
      );
    if (task === undefined) throw notFound('This task');
    return {
      closeout,
      subjectId: subject.taskId,
      purpose: 'task_evidence',
      name: task.name,
      roles: task.roles,
    };
  }
  const [item] = await db
    .select({ systemName: handoverItems.systemName, label: handoverItems.credentialLabel })
    .from(handoverItems)
    .where(
      and(
        eq(handoverItems.orgId, orgId),
        eq(handoverItems.closeoutId, closeout.id),
        eq(handoverItems.id, subject.itemId),
      ),
    );
  if (item === undefined) throw notFound('This handover item');
  return {
    closeout,
    subjectId: subject.itemId,
    purpose: 'handover_evidence',
    name: `${item.systemName}: ${item.label}`,
    roles: [],
  };
}

/**
 * As with completing a task: whoever runs the process (Service Manager, Technician) attaches to
 * any task, anyone else (Finance) only to the tasks of its own role.
 */
export function requireMayChange(subject: ResolvedSubject, actor: Actor): void {
  requireChangeable(subject.closeout);
  if (subject.purpose !== 'task_evidence' || actor.kind !== 'user') return;
  const runsProcess = actor.roles.some(
    (role) => role === 'service_manager' || role === 'technician',
  );
  if (!runsProcess && !actor.roles.some((role) => subject.roles.includes(role))) {
    throw forbidden(`"${subject.name}" is not a task of your role.`);
  }
}
