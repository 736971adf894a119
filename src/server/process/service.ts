import { and, desc, eq } from 'drizzle-orm';
import { DEFAULT_DEFINITION } from '../../blueprint/default-definition.js';
import { personalise } from '../../blueprint/personalise.js';
import {
  type TPersonalisation,
  type TProcessDefinition,
  ZProcessDefinition,
} from '../../blueprint/schema.js';
import type { DbExecutor } from '../../db/connection.js';
import { organisations, processDefinitions } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';

/**
 * An organisation's process definitions. The built-in default is version 1 of every
 * organisation's process without a stored row; versions an organisation publishes are stored.
 * A published version never changes, so versions are cached once read.
 */

const cache = new Map<string, TProcessDefinition>();
const cacheKey = (orgId: string, key: string, version: number) => `${orgId}:${key}:${version}`;

export type DefinitionVersionSummary = {
  key: string;
  version: number;
  name: string;
  publishedAt: string | null;
  publishedBy: string;
};

/** The version a closeout is pinned to. */
export async function definitionVersion(options: {
  db: DbExecutor;
  orgId: string;
  key: string;
  version: number;
}): Promise<TProcessDefinition> {
  const { db, orgId, key, version } = options;
  const cached = cache.get(cacheKey(orgId, key, version));
  if (cached !== undefined) return cached;
  const [row] = await db
    .select({ definition: processDefinitions.definition })
    .from(processDefinitions)
    .where(
      and(
        eq(processDefinitions.orgId, orgId),
        eq(processDefinitions.key, key),
        eq(processDefinitions.version, version),
      ),
    );
  const definition =
    row !== undefined
      ? ZProcessDefinition.parse(row.definition)
      : key === DEFAULT_DEFINITION.key && version === DEFAULT_DEFINITION.version
        ? DEFAULT_DEFINITION
        : null;
  if (definition === null) throw notFound(`Process definition ${key} version ${version}`);
  cache.set(cacheKey(orgId, key, version), definition);
  return definition;
}

/** The newest published version: new closeouts open with it. */
export async function currentDefinition(options: {
  db: DbExecutor;
  orgId: string;
}): Promise<TProcessDefinition> {
  const { db, orgId } = options;
  const [latest] = await db
    .select({ key: processDefinitions.key, version: processDefinitions.version })
    .from(processDefinitions)
    .where(
      and(eq(processDefinitions.orgId, orgId), eq(processDefinitions.key, DEFAULT_DEFINITION.key)),
    )
    .orderBy(desc(processDefinitions.version))
    .limit(1);
  return latest === undefined
    ? DEFAULT_DEFINITION
    : definitionVersion({ db, orgId, key: latest.key, version: latest.version });
}

export async function listDefinitionVersions(options: {
  db: DbExecutor;
  orgId: string;
}): Promise<DefinitionVersionSummary[]> {
  const rows = await options.db
    .select({
      key: processDefinitions.key,
      version: processDefinitions.version,
      definition: processDefinitions.definition,
      publishedAt: processDefinitions.publishedAt,
      publishedBy: processDefinitions.publishedBy,
    })
    .from(processDefinitions)
    .where(eq(processDefinitions.orgId, options.orgId))
    .orderBy(desc(processDefinitions.version));
  const stored = rows.map((row) => ({
    key: row.key,
    version: row.version,
    name: row.definition.name,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  }));
  const builtIn = {
    key: DEFAULT_DEFINITION.key,
    version: DEFAULT_DEFINITION.version,
    name: DEFAULT_DEFINITION.name,
    publishedAt: null,
    publishedBy: 'Closeout (built-in default)',
  };
  return stored.some((row) => row.version === builtIn.version) ? stored : [...stored, builtIn];
}

async function organisationPersonalisation(
  db: DbExecutor,
  orgId: string,
): Promise<TPersonalisation> {
  const [organisation] = await db
    .select({ personalisation: organisations.personalisation })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (organisation === undefined) throw notFound('The organisation');
  return organisation.personalisation;
}

/** The current definition with the organisation's own role and system names. */
export async function personalisedCurrentDefinition(options: {
  db: DbExecutor;
  orgId: string;
}): Promise<TProcessDefinition> {
  const [definition, personalisation] = await Promise.all([
    currentDefinition(options),
    organisationPersonalisation(options.db, options.orgId),
  ]);
  return personalise(definition, personalisation);
}

/** One pinned version with the organisation's own role and system names. */
export async function personalisedDefinitionVersion(options: {
  db: DbExecutor;
  orgId: string;
  key: string;
  version: number;
}): Promise<TProcessDefinition> {
  const [definition, personalisation] = await Promise.all([
    definitionVersion(options),
    organisationPersonalisation(options.db, options.orgId),
  ]);
  return personalise(definition, personalisation);
}

/** Every version, newest first, marking the one new closeouts open with. */
export async function definitionVersionsWithCurrent(options: {
  db: DbExecutor;
  orgId: string;
}): Promise<(DefinitionVersionSummary & { current: boolean })[]> {
  const [versions, current] = await Promise.all([
    listDefinitionVersions(options),
    currentDefinition(options),
  ]);
  return versions.map((version) => ({
    ...version,
    current: version.key === current.key && version.version === current.version,
  }));
}
