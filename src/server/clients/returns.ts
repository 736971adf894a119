import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { refusingDuplicates } from '../../db/errors.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { agreements, clientReturns, clients, closeouts } from '../../db/schema.js';
import { toIsoDate } from '../../domain/calendar.js';
import { AppError, invalid } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import { presentAgreement } from './present.js';
import type { TClientDetail, TRecordReturnRequest } from './schema.js';
import { getClientDetail, requireClient } from './service.js';

/**
 * A former client signs a new agreement: the return counts for the closeout that ended its last
 * relationship (the Client Return Rate), the agreement starts, and the client is active again.
 */
export async function recordClientReturn(options: {
  db: Database;
  orgId: string;
  clientId: string;
  request: TRecordReturnRequest;
  actor: Actor;
  /** Today, as YYYY-MM-DD; the agreement cannot be signed later than that. */
  today: string;
}): Promise<TClientDetail> {
  const { db, orgId, clientId, request, actor, today } = options;
  if (request.agreementSignedOn > today) {
    throw invalid('agreementSignedOn', 'Record a return once the agreement is signed, not before.');
  }
  await db.transaction(async (tx) => {
    const client = await requireClient(tx, orgId, clientId, true);
    if (client.status !== 'former') {
      const standing = client.status === 'in_closeout' ? 'has an open closeout' : 'is active';
      throw new AppError(
        'conflict',
        `${client.name} ${standing}; only a former client can return.`,
      );
    }
    const [latest] = await tx
      .select({
        id: closeouts.id,
        reference: closeouts.reference,
        status: closeouts.status,
        endedAt: closeouts.endedAt,
      })
      .from(closeouts)
      .where(and(eq(closeouts.orgId, orgId), eq(closeouts.clientId, clientId)))
      .orderBy(desc(closeouts.openedAt))
      .limit(1);
    if (latest?.status !== 'terminated' || latest.endedAt === null) {
      throw new AppError(
        'conflict',
        `${client.name} has no closeout that ended terminated to return from.`,
      );
    }
    const endedOn = toIsoDate(latest.endedAt.toISOString());
    if (request.agreementSignedOn < endedOn) {
      throw new AppError(
        'conflict',
        `The new agreement cannot be signed before ${latest.reference} ended on ${endedOn}.`,
        { field: 'agreementSignedOn' },
      );
    }

    const [clientReturn] = await refusingDuplicates(
      () =>
        tx
          .insert(clientReturns)
          .values({
            orgId,
            clientId,
            closeoutId: latest.id,
            agreementSignedOn: request.agreementSignedOn,
            monthlyRecurringRevenue: request.monthlyRecurringRevenue,
            recordedBy: actor.name,
          })
          .returning(),
      () => new AppError('conflict', `A return from ${latest.reference} is already recorded.`),
    );
    const [agreement] = await tx
      .insert(agreements)
      .values({
        orgId,
        clientId,
        name: request.agreementName,
        monthlyRecurringRevenue: request.monthlyRecurringRevenue,
        startDate: request.agreementSignedOn,
        status: 'active',
      })
      .returning();
    await tx
      .update(clients)
      .set({ status: 'active', updatedAt: new Date() })
      .where(and(eq(clients.orgId, orgId), eq(clients.id, clientId)));
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: latest.id,
        entityType: 'client',
        entityId: clientId,
        action: 'record_return',
        actor,
        before: { status: client.status },
        after: {
          status: 'active',
          returnId: clientReturn!.id,
          agreementSignedOn: request.agreementSignedOn,
          monthlyRecurringRevenue: request.monthlyRecurringRevenue,
          agreement: presentAgreement(agreement!),
        },
      },
    ]);
  });
  return getClientDetail({ db, orgId, clientId });
}
