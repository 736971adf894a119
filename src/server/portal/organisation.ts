import { eq } from 'drizzle-orm';
import type { TPersonalisation } from '../../blueprint/schema.js';
import type { DbExecutor } from '../../db/connection.js';
import { organisations } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';

/** The MSP's name and branding, as mails, the portal and the receipt show them. */

async function organisationRow(db: DbExecutor, orgId: string) {
  const [organisation] = await db
    .select({ name: organisations.name, personalisation: organisations.personalisation })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (organisation === undefined) throw notFound('The organisation');
  return organisation;
}

export const organisationOf = async (db: DbExecutor, orgId: string): Promise<TPersonalisation> =>
  (await organisationRow(db, orgId)).personalisation;

export const brandOf = (personalisation: TPersonalisation) => ({
  organisationName: personalisation.organisationName,
  logo: personalisation.logo,
  primaryColor: personalisation.primaryColor,
});
