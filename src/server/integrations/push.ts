import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connection.js';
import { clients, closeouts, psaConnections, ticketReviews, tickets } from '../../db/schema.js';
import { messageOf } from '../../domain/errors.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobContext } from '../../jobs/types.js';
import type { SecretVault } from '../../security/envelope.js';
import { connectorOf, findConnectionForVendor } from './connections.js';

/**
 * Writing the ticket review's outcome back to the PSA: a cancelled ticket is closed there with
 * a note that says why, a completed one gets a note. Each ticket is one job, enqueued in the
 * transaction that decided its outcome, so a PSA that is down delays the write-back but never
 * loses it.
 */

export async function enqueueTicketPushes(options: {
  tx: DbExecutor;
  orgId: string;
  ticketIds: string[];
}): Promise<void> {
  const { tx, orgId, ticketIds } = options;
  if (ticketIds.length === 0) return;
  const pushable = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .innerJoin(
      psaConnections,
      and(
        eq(psaConnections.orgId, tickets.orgId),
        sql`${psaConnections.vendor} = ${tickets.source}`,
        eq(psaConnections.enabled, true),
        eq(psaConnections.pushBack, true),
      ),
    )
    .where(
      and(eq(tickets.orgId, orgId), inArray(tickets.id, ticketIds), isNotNull(tickets.externalId)),
    );
  for (const ticket of pushable) {
    await enqueueJob(tx, {
      orgId,
      kind: 'psa_push_ticket',
      payload: { ticketId: ticket.id },
      dedupeKey: `psa_push_ticket:${ticket.id}`,
    });
  }
}

/** The note the PSA keeps on the ticket, in words the client and the MSP's staff both read. */
export function pushNote(review: {
  outcome: 'completed' | 'cancelled';
  reason: string;
  handoverNote: string;
  clientAgreedAt: Date | null;
  closeoutReference: string;
  clientName: string;
}): string {
  const closeout = `the closeout of ${review.clientName} (${review.closeoutReference})`;
  if (review.outcome === 'cancelled') {
    const reason = review.reason.trim() === '' ? 'no reason was given' : review.reason.trim();
    const agreed =
      review.clientAgreedAt === null
        ? ''
        : ` The client agreed on ${review.clientAgreedAt.toISOString().slice(0, 10)}.`;
    return `Closed by Closeout: this ticket was cancelled during ${closeout} because ${reason}.${agreed}`;
  }
  const handover =
    review.handoverNote.trim() === '' ? '' : ` Handover note: ${review.handoverNote.trim()}`;
  return `Closeout: this ticket was completed during ${closeout}.${handover}`;
}

export function pushTicketJob(vault: SecretVault) {
  return async ({ db, job }: JobContext): Promise<Record<string, unknown>> => {
    const ticketId = String(job.payload.ticketId);
    const [ticket] = await db
      .select()
      .from(tickets)
      .where(and(eq(tickets.orgId, job.orgId), eq(tickets.id, ticketId)));
    if (ticket === undefined) return { skipped: 'The ticket no longer exists.' };
    if (ticket.psaPushedAt !== null) return { skipped: 'Already written back.' };
    const [review] = await db
      .select({
        outcome: ticketReviews.outcome,
        reason: ticketReviews.reason,
        handoverNote: ticketReviews.handoverNote,
        clientAgreedAt: ticketReviews.clientAgreedAt,
        closeoutReference: closeouts.reference,
        clientName: clients.name,
      })
      .from(ticketReviews)
      .innerJoin(closeouts, eq(closeouts.id, ticketReviews.closeoutId))
      .innerJoin(clients, eq(clients.id, closeouts.clientId))
      .where(
        and(
          eq(ticketReviews.orgId, job.orgId),
          eq(ticketReviews.ticketId, ticketId),
          isNotNull(ticketReviews.outcome),
        ),
      )
      .orderBy(desc(ticketReviews.outcomeAt))
      .limit(1);
    if (review?.outcome == null || ticket.externalId === null) {
      return { skipped: 'The ticket has no review outcome to write back.' };
    }
    const connection = await findConnectionForVendor(db, job.orgId, ticket.source);
    if (connection === null) return { skipped: `No ${ticket.source} connection any more.` };

    const note = pushNote({ ...review, outcome: review.outcome });
    const connector = connectorOf(connection, vault);
    try {
      if (review.outcome === 'cancelled') {
        await connector.closeCancelledTicket(ticket.externalId, note);
      } else {
        await connector.noteCompletedTicket(ticket.externalId, note);
      }
    } catch (error) {
      await db
        .update(tickets)
        .set({ psaPushError: messageOf(error) })
        .where(eq(tickets.id, ticketId));
      throw error;
    }
    await db
      .update(tickets)
      .set({ psaPushedAt: new Date(), psaPushError: null })
      .where(eq(tickets.id, ticketId));
    return { ticket: ticket.number, outcome: review.outcome };
  };
}
