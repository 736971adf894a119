import { and, arrayContains, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { TPersonalisation } from '../blueprint/schema.js';
import type { DbExecutor } from '../db/connection.js';
import { contacts, organisations, users } from '../db/schema.js';

/** Who notifications go to, and the branding they carry. */

export type Recipient = { name: string; email: string };

export async function organisationBrand(db: DbExecutor, orgId: string): Promise<TPersonalisation> {
  const [organisation] = await db
    .select({ personalisation: organisations.personalisation })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (organisation === undefined) throw new Error(`No organisation ${orgId}.`);
  return organisation.personalisation;
}

/** Active staff users by id; inactive ones get no mail. */
export async function activeStaff(
  db: DbExecutor,
  orgId: string,
  userIds: string[],
): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, userIds), eq(users.active, true)));
}

export async function activeStaffWithRole(
  db: DbExecutor,
  orgId: string,
  role: string,
): Promise<Recipient[]> {
  return db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, orgId), arrayContains(users.roles, [role]), eq(users.active, true)))
    .orderBy(asc(users.name));
}

/**
 * The client's primary contacts: its decision makers with an email address, or, when none is
 * marked, the first contact that has one.
 */
export async function clientPrimaryContacts(
  db: DbExecutor,
  orgId: string,
  clientId: string,
): Promise<Recipient[]> {
  const rows = await db
    .select({ name: contacts.name, email: contacts.email, decides: contacts.isDecisionMaker })
    .from(contacts)
    .where(
      and(eq(contacts.orgId, orgId), eq(contacts.clientId, clientId), isNotNull(contacts.email)),
    )
    .orderBy(asc(contacts.name));
  const withEmail = rows.flatMap((row) =>
    row.email === null || row.email.trim() === ''
      ? []
      : [{ name: row.name, email: row.email.trim(), decides: row.decides }],
  );
  const deciders = withEmail.filter((row) => row.decides);
  return (deciders.length > 0 ? deciders : withEmail.slice(0, 1)).map(({ name, email }) => ({
    name,
    email,
  }));
}

/** Each address once, the first name given for it kept. */
export function distinctRecipients(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const key = recipient.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
