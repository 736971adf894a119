import { personalise, roleName } from '../blueprint/personalise.js';
import type { TProcessDefinition } from '../blueprint/schema.js';
import type { DbExecutor } from '../db/connection.js';
import type { Actor, Closeout } from '../domain/model.js';
import { queueMail } from '../integrations/email/queue.js';
import { closeoutClosedMail } from '../integrations/email/templates/index.js';
import {
  activeStaff,
  activeStaffWithRole,
  distinctRecipients,
  organisationBrand,
} from './recipients.js';

/**
 * When a closeout ends (terminated, retained or withdrawn), its owner and the service managers
 * hear of it, with the work that goes on after closing.
 */
export async function queueCloseoutClosedMails(options: {
  tx: DbExecutor;
  before: Closeout;
  after: Closeout;
  actor: Actor;
  definition: TProcessDefinition;
  clientName: string;
}): Promise<number> {
  const { tx, before, after, actor, clientName } = options;
  if (before.status !== 'open' || after.status === 'open') return 0;
  const organisation = await organisationBrand(tx, after.orgId);
  const definition = personalise(options.definition, organisation);
  const recipients = distinctRecipients([
    ...(await activeStaff(tx, after.orgId, after.ownerUserId === null ? [] : [after.ownerUserId])),
    ...(await activeStaffWithRole(tx, after.orgId, 'service_manager')),
  ]);
  const openTasks = after.tasks
    .filter((task) => task.status === 'open')
    .map((task) => ({
      name: task.name,
      roleNames: task.roles.map((role) => roleName(definition, role)),
      dueOn: task.dueOn,
    }));
  for (const recipient of recipients) {
    const mail = closeoutClosedMail({
      organisation,
      recipient,
      clientName,
      closeoutReference: after.reference,
      outcome: after.status,
      endedAt: after.endedAt ?? new Date().toISOString(),
      endedBy: actor.name,
      endNote: after.endNote,
      openTasks,
    });
    await queueMail(tx, {
      orgId: after.orgId,
      kind: 'closeout_closed',
      closeoutId: after.id,
      to: { address: recipient.email, name: recipient.name },
      ...mail,
    });
  }
  return recipients.length;
}
