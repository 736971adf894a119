import { sql } from 'drizzle-orm';
import { defaultPersonalisation } from '../../blueprint/personalise.js';
import { DEFAULT_REASON_TAXONOMY } from '../../blueprint/reason-taxonomy.js';
import type { Database } from '../../db/connection.js';
import { organisations } from '../../db/schema.js';
import { generatePassword } from '../auth/secrets.js';
import { createUser } from '../users/service.js';

/**
 * First run: an installation without an organisation gets one, with an administrator whose
 * random password is returned once for the command line to print. Every later start finds the
 * organisation and changes nothing.
 */

export const FIRST_ORGANISATION_NAME = 'My MSP';
export const FIRST_ADMIN_EMAIL = 'admin@closeout.local';
export const FIRST_ADMIN_NAME = 'Administrator';

/** Serialises concurrent first starts (several servers on one PostgreSQL) in the database. */
const SETUP_LOCK_KEY = 0x636c6f73; // "clos"

export type EnsureOrganisationResult =
  | { created: true; orgId: string; email: string; password: string }
  | { created: false };

export type SetupLog = { info(message: string): void };

export const ensureOrganisation = async (options: {
  db: Database;
  log?: SetupLog;
}): Promise<EnsureOrganisationResult> => {
  const { db, log } = options;
  const result = await db.transaction(async (tx): Promise<EnsureOrganisationResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    const [existing] = await tx.select({ id: organisations.id }).from(organisations).limit(1);
    if (existing !== undefined) return { created: false };
    const [organisation] = await tx
      .insert(organisations)
      .values({
        name: FIRST_ORGANISATION_NAME,
        personalisation: defaultPersonalisation(FIRST_ORGANISATION_NAME),
        reasonTaxonomy: DEFAULT_REASON_TAXONOMY,
      })
      .returning({ id: organisations.id });
    const password = generatePassword(20);
    await createUser({
      db: tx,
      orgId: organisation!.id,
      name: FIRST_ADMIN_NAME,
      email: FIRST_ADMIN_EMAIL,
      password,
      roles: ['admin', 'service_manager'],
    });
    return { created: true, orgId: organisation!.id, email: FIRST_ADMIN_EMAIL, password };
  });
  if (result.created) {
    log?.info(`Created the organisation "${FIRST_ORGANISATION_NAME}" and its first administrator.`);
  }
  return result;
};
