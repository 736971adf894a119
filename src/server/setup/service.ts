import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { refusingDuplicates } from '../../db/errors.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { organisations, users } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { UserActor } from '../auth/caller.js';
import { forgetCallers } from '../auth/caller-cache.js';
import { hashPassword } from '../auth/secrets.js';
import { endSessionsOfUser } from '../auth/service.js';
import type { TSetupRequest } from './schema.js';

const emailTaken = () =>
  new AppError('conflict', 'A user with this email address already exists.', {
    field: 'administrator.email',
  });

/**
 * Turns the placeholder organisation and administrator of the first start into the MSP's own,
 * once: the organisation's name and colour, and the administrator's name, email and password
 * (which replaces the printed one, so the administrator's other sessions end).
 */
export const completeSetup = async (options: {
  db: Database;
  orgId: string;
  actor: UserActor;
  request: TSetupRequest;
  keepSessionHash?: string;
}): Promise<void> => {
  const { db, orgId, actor, request, keepSessionHash } = options;
  const email = request.administrator.email;
  const passwordHash = await hashPassword(request.administrator.password);
  await refusingDuplicates(
    () =>
      db.transaction(async (tx) => {
        const [organisation] = await tx
          .select()
          .from(organisations)
          .where(eq(organisations.id, orgId))
          .limit(1)
          .for('update');
        if (organisation === undefined) throw notFound('The organisation');
        if (organisation.setupCompletedAt !== null) {
          throw new AppError(
            'conflict',
            'The setup is already complete. Change the organisation in Settings instead.',
          );
        }
        const [administrator] = await tx
          .select()
          .from(users)
          .where(and(eq(users.orgId, orgId), eq(users.id, actor.userId)))
          .limit(1);
        if (administrator === undefined) throw notFound('The administrator');
        const [taken] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(sql`lower(${users.email})`, email), ne(users.id, actor.userId)))
          .limit(1);
        if (taken !== undefined) throw emailTaken();

        const personalisation = {
          ...organisation.personalisation,
          organisationName: request.organisation.name,
          primaryColor: request.organisation.primaryColor,
        };
        await tx
          .update(organisations)
          .set({ name: request.organisation.name, personalisation, setupCompletedAt: new Date() })
          .where(eq(organisations.id, orgId));
        await tx
          .update(users)
          .set({ name: request.administrator.name, email, passwordHash })
          .where(and(eq(users.orgId, orgId), eq(users.id, actor.userId)));
        await endSessionsOfUser({
          db: tx,
          orgId,
          userId: actor.userId,
          ...(keepSessionHash === undefined ? {} : { keepTokenHash: keepSessionHash }),
        });
        await recordAuditEvents(tx, [
          {
            orgId,
            closeoutId: null,
            entityType: 'organisation',
            entityId: orgId,
            action: 'complete_setup',
            actor,
            before: {
              name: organisation.name,
              primaryColor: organisation.personalisation.primaryColor,
              administrator: { name: administrator.name, email: administrator.email },
            },
            after: {
              name: request.organisation.name,
              primaryColor: request.organisation.primaryColor,
              administrator: { name: request.administrator.name, email },
            },
          },
        ]);
      }),
    emailTaken,
  );
  // The administrator's name and other sessions change on the very next request.
  forgetCallers();
};
