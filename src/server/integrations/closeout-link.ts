import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { jobs, ticketReviews, tickets } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import { PSA_VENDOR_MODULES } from '../../integrations/psa/vendors.js';
import { enqueueJob } from '../../jobs/queue.js';
import { presentJob } from './jobs.js';
import type { TCloseoutPsaLink } from './schema.js';
import { closeoutWithClient, psaLinkOfClient } from './sync.js';

/** A closeout's link to the PSA its client came from: the connection, the last sync, the write-backs. */

async function requireCloseoutWithClient(db: Database, orgId: string, closeoutId: string) {
  const closeout = await closeoutWithClient(db, orgId, closeoutId);
  if (closeout === undefined) throw notFound('The closeout');
  return closeout;
}

export async function closeoutPsaLink(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
}): Promise<TCloseoutPsaLink> {
  const { db, orgId, closeoutId } = options;
  const closeout = await requireCloseoutWithClient(db, orgId, closeoutId);
  const link = await psaLinkOfClient(db, orgId, closeout.client);
  if ('reason' in link) {
    return { connection: null, unavailableReason: link.reason, lastSync: null, pushes: [] };
  }
  const [lastSync] = await db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.orgId, orgId),
        eq(jobs.kind, 'psa_sync'),
        sql`${jobs.payload} ->> 'closeoutId' = ${closeoutId}`,
      ),
    )
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  const reviewed = await db
    .select({ ticketId: ticketReviews.ticketId })
    .from(ticketReviews)
    .where(and(eq(ticketReviews.orgId, orgId), eq(ticketReviews.closeoutId, closeoutId)));
  const pushes =
    reviewed.length === 0
      ? []
      : await db
          .select({
            ticketId: tickets.id,
            pushedAt: tickets.psaPushedAt,
            error: tickets.psaPushError,
          })
          .from(tickets)
          .where(
            and(
              eq(tickets.orgId, orgId),
              eq(tickets.source, link.connection.vendor),
              inArray(
                tickets.id,
                reviewed.map((review) => review.ticketId),
              ),
            ),
          );
  const waiting = new Set(
    pushes.length === 0
      ? []
      : (
          await db
            .select({ ticketId: sql<string>`${jobs.payload} ->> 'ticketId'` })
            .from(jobs)
            .where(
              and(
                eq(jobs.orgId, orgId),
                eq(jobs.kind, 'psa_push_ticket'),
                inArray(jobs.status, ['queued', 'running']),
                inArray(
                  sql`${jobs.payload} ->> 'ticketId'`,
                  pushes.map((push) => push.ticketId),
                ),
              ),
            )
        ).map((job) => job.ticketId),
  );
  return {
    connection: {
      id: link.connection.id,
      vendor: link.connection.vendor,
      vendorLabel: PSA_VENDOR_MODULES[link.connection.vendor].label,
      name: link.connection.name,
      pushBack: link.connection.pushBack,
    },
    unavailableReason: null,
    lastSync: lastSync === undefined ? null : presentJob(lastSync),
    pushes: pushes.map((push) => ({
      ticketId: push.ticketId,
      pushedAt: push.pushedAt?.toISOString() ?? null,
      waiting: waiting.has(push.ticketId),
      error: push.error,
    })),
  };
}

/** "Sync now" on a closeout: a `psa_sync` job for it alone, ahead of the schedule. */
export async function requestCloseoutSync(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
}): Promise<string> {
  const { db, orgId, closeoutId } = options;
  const closeout = await requireCloseoutWithClient(db, orgId, closeoutId);
  const link = await psaLinkOfClient(db, orgId, closeout.client);
  if ('reason' in link) throw new AppError('conflict', link.reason);
  return enqueueJob(db, {
    orgId,
    kind: 'psa_sync',
    summary: `Sync the tickets of ${closeout.client.name} (${closeout.reference}) with ${link.connection.name}`,
    payload: { closeoutId },
    dedupeKey: `psa_sync_closeout:${closeoutId}`,
  });
}
