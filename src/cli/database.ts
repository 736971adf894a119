import { eq, or } from 'drizzle-orm';
import type { DbExecutor } from '../db/connection.js';
import { type OpenDatabase, openDatabaseFromEnv } from '../db/connection.js';
import { organisations } from '../db/schema.js';
import { CliError } from './output.js';

/** Opens the configured database for one command and always closes it (releasing the lock). */
export async function withDatabase<T>(work: (database: OpenDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabaseFromEnv();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation a command acts on: the one named, or the only one there is. */
export async function resolveOrganisation(db: DbExecutor, nameOrId: string | undefined) {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      nameOrId === undefined
        ? undefined
        : UUID.test(nameOrId)
          ? or(eq(organisations.id, nameOrId), eq(organisations.name, nameOrId))
          : eq(organisations.name, nameOrId),
    );
  if (rows.length === 1) return rows[0]!;
  if (rows.length === 0) {
    throw new CliError(
      nameOrId === undefined
        ? 'There is no organisation yet: run `closeout serve` once (it creates one) or `closeout demo`.'
        : `No organisation is named "${nameOrId}".`,
    );
  }
  throw new CliError(
    `There are several organisations; choose one with --org: ${rows.map((row) => `"${row.name}"`).join(', ')}.`,
  );
}
