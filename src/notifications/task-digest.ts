import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import { personalise, roleName } from '../blueprint/personalise.js';
import type { TPersonalisation, TProcessDefinition } from '../blueprint/schema.js';
import type { Database } from '../db/connection.js';
import { clients, closeouts, closeoutTasks, users } from '../db/schema.js';
import { addDaysToDate } from '../domain/calendar.js';
import { queueMail } from '../integrations/email/queue.js';
import { type DigestTask, taskDigestMail } from '../integrations/email/templates/index.js';
import { definitionVersion } from '../server/process/service.js';
import { organisationBrand } from './recipients.js';

/**
 * The daily digest: each active user gets one mail a day listing the open tasks that are overdue,
 * due today or due tomorrow — those assigned to them, and unassigned ones of a role they hold.
 * It goes out at the first check after 07:00 UTC. `users.digest_sent_on` is claimed in the same
 * transaction that queues the mail, so a restart or a second server never sends it twice, and a
 * crash never marks a digest sent that was not queued.
 */

export const DIGEST_HOUR_UTC = 7;
export const DIGEST_CHECK_INTERVAL_MS = 10 * 60_000;

type DueTask = {
  closeoutId: string;
  name: string;
  roles: string[];
  dueOn: string;
  assigneeUserId: string | null;
  reference: string;
  clientName: string;
  definitionKey: string;
  definitionVersion: number;
};

type Candidate = { id: string; orgId: string; name: string; email: string; roles: string[] };

function dueTasks(db: Database, orgId: string, tomorrow: string): Promise<DueTask[]> {
  return db
    .select({
      closeoutId: closeoutTasks.closeoutId,
      name: closeoutTasks.name,
      roles: closeoutTasks.roles,
      dueOn: closeoutTasks.dueOn,
      assigneeUserId: closeoutTasks.assigneeUserId,
      reference: closeouts.reference,
      clientName: clients.name,
      definitionKey: closeouts.definitionKey,
      definitionVersion: closeouts.definitionVersion,
    })
    .from(closeoutTasks)
    .innerJoin(
      closeouts,
      and(eq(closeouts.orgId, closeoutTasks.orgId), eq(closeouts.id, closeoutTasks.closeoutId)),
    )
    .innerJoin(clients, and(eq(clients.orgId, closeouts.orgId), eq(clients.id, closeouts.clientId)))
    .where(
      and(
        eq(closeoutTasks.orgId, orgId),
        eq(closeoutTasks.status, 'open'),
        lte(closeoutTasks.dueOn, tomorrow),
      ),
    )
    .orderBy(asc(closeoutTasks.dueOn), asc(closeouts.reference), asc(closeoutTasks.position))
    .then((rows) =>
      rows.flatMap((row) => (row.dueOn === null ? [] : [{ ...row, dueOn: row.dueOn }])),
    );
}

/** The organisation's names for the roles of each pinned definition its tasks come from. */
async function roleNamer(db: Database, orgId: string, tasks: DueTask[], brand: TPersonalisation) {
  const definitions = new Map<string, TProcessDefinition>();
  for (const task of tasks) {
    const key = `${task.definitionKey}@${task.definitionVersion}`;
    if (definitions.has(key)) continue;
    const definition = await definitionVersion({
      db,
      orgId,
      key: task.definitionKey,
      version: task.definitionVersion,
    });
    definitions.set(key, personalise(definition, brand));
  }
  return (task: DueTask) => {
    const definition = definitions.get(`${task.definitionKey}@${task.definitionVersion}`);
    return task.roles.map((role) => (definition === undefined ? role : roleName(definition, role)));
  };
}

const isFor = (task: DueTask, user: Candidate): boolean =>
  task.assigneeUserId === null
    ? task.roles.some((role) => user.roles.includes(role))
    : task.assigneeUserId === user.id;

/** Marks today's digest as the user's; false when another run has already done so. */
async function claimDigest(db: Database, user: Candidate, today: string): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ digestSentOn: today })
    .where(
      and(
        eq(users.orgId, user.orgId),
        eq(users.id, user.id),
        eq(users.active, true),
        or(isNull(users.digestSentOn), lt(users.digestSentOn, today)),
      ),
    )
    .returning({ id: users.id });
  return claimed.length > 0;
}

async function sendOrganisationDigests(options: {
  db: Database;
  orgId: string;
  candidates: Candidate[];
  today: string;
  publicUrl: string;
}): Promise<number> {
  const { db, orgId, candidates, today, publicUrl } = options;
  const tomorrow = addDaysToDate(today, 1, 'calendar');
  const tasks = await dueTasks(db, orgId, tomorrow);
  const organisation = await organisationBrand(db, orgId);
  const roleNamesOf = await roleNamer(db, orgId, tasks, organisation);
  const base = publicUrl.replace(/\/+$/, '');
  let sent = 0;
  for (const user of candidates) {
    const mine: DigestTask[] = tasks
      .filter((task) => isFor(task, user))
      .map((task) => ({
        name: task.name,
        closeoutReference: task.reference,
        clientName: task.clientName,
        dueOn: task.dueOn,
        roleNames: roleNamesOf(task),
        assignedToReader: task.assigneeUserId === user.id,
        url: `${base}/closeouts/${task.closeoutId}?tab=tasks`,
      }));
    const queued = await db.transaction(async (tx) => {
      if (!(await claimDigest(tx, user, today))) return false;
      if (mine.length === 0) return false;
      const mail = taskDigestMail({
        organisation,
        recipient: user,
        today,
        overdue: mine.filter((task) => task.dueOn < today),
        dueToday: mine.filter((task) => task.dueOn === today),
        dueTomorrow: mine.filter((task) => task.dueOn === tomorrow),
        tasksUrl: `${base}/`,
      });
      await queueMail(tx, {
        orgId,
        kind: 'task_digest',
        to: { address: user.email, name: user.name },
        ...mail,
      });
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}

/**
 * Queues today's digest for every active user who has not had it yet, once it is past the hour.
 * Returns how many digests were queued.
 */
export async function sendDueTaskDigests(options: {
  db: Database;
  publicUrl: string;
  now?: Date;
}): Promise<number> {
  const now = options.now ?? new Date();
  if (now.getUTCHours() < DIGEST_HOUR_UTC) return 0;
  const today = now.toISOString().slice(0, 10);
  const waiting = await options.db
    .select({
      id: users.id,
      orgId: users.orgId,
      name: users.name,
      email: users.email,
      roles: users.roles,
    })
    .from(users)
    .where(
      and(eq(users.active, true), or(isNull(users.digestSentOn), lt(users.digestSentOn, today))),
    )
    .orderBy(asc(users.orgId), asc(users.name));
  const byOrganisation = new Map<string, Candidate[]>();
  for (const user of waiting) {
    byOrganisation.set(user.orgId, [...(byOrganisation.get(user.orgId) ?? []), user]);
  }
  let sent = 0;
  for (const [orgId, candidates] of byOrganisation) {
    sent += await sendOrganisationDigests({
      db: options.db,
      orgId,
      candidates,
      today,
      publicUrl: options.publicUrl,
    });
  }
  return sent;
}
