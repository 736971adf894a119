import { and, eq } from 'drizzle-orm';
import type { TProcessDefinition } from '../blueprint/schema.js';
import type { DbExecutor } from '../db/connection.js';
import { clients } from '../db/schema.js';
import type { Actor, Closeout } from '../domain/model.js';
import { queueCloseoutClosedMails } from './closeout-closed.js';
import {
  meetingMoved,
  queueMeetingCancellations,
  queueMeetingInvitations,
} from './meeting-invitation.js';

/**
 * The mails a change to a closeout calls for, queued in the change's own transaction: they go
 * out if and only if the change is committed.
 */
export async function notifyCloseoutChange(options: {
  tx: DbExecutor;
  before: Closeout;
  after: Closeout;
  actor: Actor;
  definition: TProcessDefinition;
}): Promise<void> {
  const { tx, before, after } = options;
  const ended = before.status === 'open' && after.status !== 'open';
  if (!ended && !meetingMoved(before, after)) return;
  const [client] = await tx
    .select({ name: clients.name })
    .from(clients)
    .where(and(eq(clients.orgId, after.orgId), eq(clients.id, after.clientId)));
  const clientName = client?.name ?? after.reference;
  const now = new Date();
  await queueMeetingInvitations({ ...options, clientName, now });
  await queueMeetingCancellations({ ...options, clientName, now });
  await queueCloseoutClosedMails({ ...options, clientName });
}
