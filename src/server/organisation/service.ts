import { and, arrayOverlaps, eq, inArray, or } from 'drizzle-orm';
import type { TReasonTaxonomy } from '../../blueprint/reason-taxonomy.js';
import type { TPersonalisation } from '../../blueprint/schema.js';
import type { Database, DbExecutor } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { closeouts, organisations } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import type { TOrganisation } from './schema.js';

type OrganisationRow = typeof organisations.$inferSelect;

const presentOrganisation = (row: OrganisationRow): TOrganisation => ({
  id: row.id,
  name: row.name,
  personalisation: row.personalisation,
  reasons: row.reasonTaxonomy,
});

/** Locked for the rest of the transaction when `forUpdate`, so concurrent edits queue up. */
const findOrganisationRow = async (
  db: DbExecutor,
  orgId: string,
  forUpdate = false,
): Promise<OrganisationRow> => {
  const query = db.select().from(organisations).where(eq(organisations.id, orgId)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  if (row === undefined) throw notFound('The organisation');
  return row;
};

export const getOrganisation = async (options: {
  db: Database;
  orgId: string;
}): Promise<TOrganisation> =>
  presentOrganisation(await findOrganisationRow(options.db, options.orgId));

/** The organisation's name follows its personalised name, so the two never disagree. */
export const updatePersonalisation = async (options: {
  db: Database;
  orgId: string;
  personalisation: TPersonalisation;
  actor: Actor;
}): Promise<TOrganisation> => {
  const { db, orgId, personalisation, actor } = options;
  return db.transaction(async (tx) => {
    const before = await findOrganisationRow(tx, orgId, true);
    const [after] = await tx
      .update(organisations)
      .set({ name: personalisation.organisationName, personalisation })
      .where(eq(organisations.id, orgId))
      .returning();
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'organisation',
        entityId: orgId,
        action: 'update_personalisation',
        actor,
        before: before.personalisation,
        after: personalisation,
      },
    ]);
    return presentOrganisation(after!);
  });
};

/**
 * Replaces the reason taxonomy. A reason recorded on any closeout may be retired but not
 * removed, so that closeout still reads with its label.
 */
export const replaceReasonTaxonomy = async (options: {
  db: Database;
  orgId: string;
  reasons: TReasonTaxonomy;
  actor: Actor;
}): Promise<TOrganisation> => {
  const { db, orgId, reasons, actor } = options;
  return db.transaction(async (tx) => {
    const before = await findOrganisationRow(tx, orgId, true);
    const keptKeys = new Set(reasons.map((reason) => reason.key));
    const removed = before.reasonTaxonomy.filter((reason) => !keptKeys.has(reason.key));
    if (removed.length > 0) {
      const removedKeys = removed.map((reason) => reason.key);
      const [closeoutUsingOne] = await tx
        .select({
          reference: closeouts.reference,
          primary: closeouts.primaryReason,
          contributing: closeouts.contributingReasons,
        })
        .from(closeouts)
        .where(
          and(
            eq(closeouts.orgId, orgId),
            or(
              inArray(closeouts.primaryReason, removedKeys),
              arrayOverlaps(closeouts.contributingReasons, removedKeys),
            ),
          ),
        )
        .limit(1);
      if (closeoutUsingOne !== undefined) {
        const used = removed.find(
          (reason) =>
            reason.key === closeoutUsingOne.primary ||
            closeoutUsingOne.contributing.includes(reason.key),
        )!;
        throw new AppError(
          'conflict',
          `The reason "${used.label}" is recorded on closeout ${closeoutUsingOne.reference}; retire it instead of removing it.`,
          { field: 'reasons' },
        );
      }
    }
    const [after] = await tx
      .update(organisations)
      .set({ reasonTaxonomy: reasons })
      .where(eq(organisations.id, orgId))
      .returning();
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'organisation',
        entityId: orgId,
        action: 'update_reason_taxonomy',
        actor,
        before: before.reasonTaxonomy,
        after: reasons,
      },
    ]);
    return presentOrganisation(after!);
  });
};
