import { eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connection.js';
import { clients } from '../../db/schema.js';
import type { ImportSource } from './formats.js';

const SOURCE_LABELS: Readonly<Record<ImportSource, string>> = {
  csv: 'CSV files',
  connectwise: 'ConnectWise',
  autotask: 'Autotask',
  halopsa: 'HaloPSA',
};

export type KnownClient = { id: string; name: string; source: string; externalId: string | null };

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * The organisation's clients, read once per import, so that finding the client of each of a
 * million rows costs a lookup in memory rather than a query.
 */
export class ClientDirectory {
  readonly #byExternalId = new Map<string, string>();
  readonly #ids = new Set<string>();
  readonly #byName = new Map<string, string | 'ambiguous'>();
  readonly sourceLabel: string;

  private constructor(source: ImportSource) {
    this.sourceLabel = SOURCE_LABELS[source];
  }

  static async load(db: DbExecutor, orgId: string, source: ImportSource): Promise<ClientDirectory> {
    const rows = await db
      .select({
        id: clients.id,
        name: clients.name,
        source: clients.source,
        externalId: clients.externalId,
      })
      .from(clients)
      .where(eq(clients.orgId, orgId));
    return ClientDirectory.of(source, rows);
  }

  /** A directory of these clients, for rows whose records come from `source`. */
  static of(source: ImportSource, rows: readonly KnownClient[]): ClientDirectory {
    const directory = new ClientDirectory(source);
    for (const row of rows) {
      directory.#ids.add(row.id);
      if (row.source === source && row.externalId !== null) {
        directory.#byExternalId.set(row.externalId, row.id);
      }
      const key = nameKey(row.name);
      directory.#byName.set(key, directory.#byName.has(key) ? 'ambiguous' : row.id);
    }
    return directory;
  }

  byExternalId(externalId: string): string | undefined {
    return this.#byExternalId.get(externalId);
  }

  hasId(id: string): boolean {
    return this.#ids.has(id.toLowerCase());
  }

  /** The client with this name, ignoring case and surrounding spaces. */
  byName(name: string): string | 'ambiguous' | undefined {
    return this.#byName.get(nameKey(name));
  }
}
