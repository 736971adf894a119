import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema.js';
import type { Actor } from '../../domain/model.js';
import { ZEmailAddress, ZStaffRoles } from '../../server/auth/schema.js';
import { generatePassword } from '../../server/auth/secrets.js';
import { ZPassword } from '../../server/users/schema.js';
import { createUser, resetPassword } from '../../server/users/service.js';
import { resolveOrganisation, withDatabase } from '../database.js';
import { CliError } from '../output.js';

const CLI_ACTOR: Actor = { kind: 'system', name: 'Command line' };

const ZCreateUserOptions = z.object({
  email: ZEmailAddress,
  name: z.string().trim().min(1, 'give the user a name').max(120),
  roles: z
    .string()
    .transform((roles) =>
      roles
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean),
    )
    .pipe(ZStaffRoles),
  password: ZPassword.optional(),
  org: z.string().optional(),
});

/** Adds a staff user; without --password a strong one is generated and printed once. */
export async function createUserCommand(options: Record<string, unknown>): Promise<string> {
  const parsed = ZCreateUserOptions.parse(options);
  const password = parsed.password ?? generatePassword(20);
  return withDatabase(async ({ db }) => {
    const organisation = await resolveOrganisation(db, parsed.org);
    const user = await createUser({
      db,
      orgId: organisation.id,
      name: parsed.name,
      email: parsed.email,
      password,
      roles: parsed.roles,
      actor: CLI_ACTOR,
    });
    const lines = [
      `Created ${user.name} <${user.email}> in ${organisation.name} (${user.roles.join(', ')}).`,
    ];
    if (parsed.password === undefined) lines.push(`Password (shown once): ${password}`);
    return lines.join('\n');
  });
}

const ZResetOptions = z.object({ email: ZEmailAddress, password: ZPassword.optional() });

export async function resetPasswordCommand(options: Record<string, unknown>): Promise<string> {
  const parsed = ZResetOptions.parse(options);
  const password = parsed.password ?? generatePassword(20);
  return withDatabase(async ({ db }) => {
    const [user] = await db
      .select({ id: users.id, orgId: users.orgId })
      .from(users)
      .where(eq(sql`lower(${users.email})`, parsed.email.toLowerCase()));
    if (user === undefined) throw new CliError(`No user has the email ${parsed.email}.`);
    await resetPassword({ db, orgId: user.orgId, userId: user.id, password, actor: CLI_ACTOR });
    const lines = [`New password set for ${parsed.email}; their sessions were signed out.`];
    if (parsed.password === undefined) lines.push(`Password (shown once): ${password}`);
    return lines.join('\n');
  });
}
