import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type DefinitionChange, diffDefinitions } from '../../blueprint/diff.js';
import { type EditingProblem, editingProblems } from '../../blueprint/editing.js';
import {
  type TProcessDefinition,
  ZProcessDefinition,
  type ZProcessDefinitionDraft,
} from '../../blueprint/schema.js';
import type { Database, DbExecutor } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { processDefinitions, processDrafts } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import { currentDefinition, definitionVersion, listDefinitionVersions } from './service.js';

/**
 * Editing the process: an administrator's draft is kept as typed (so nothing is lost between
 * sessions, even half-finished), reviewed against the current version (what the schema and the
 * editing rules refuse, and what changes), and published as the next immutable version. Open
 * closeouts stay on the version they opened with; new ones take the published one.
 */

type DraftDefinition = z.infer<typeof ZProcessDefinitionDraft>;

export type ProcessDraft = {
  definition: DraftDefinition;
  baseVersion: number;
  /** False when there is no saved draft and this is the current version to start from. */
  saved: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

export type DraftReview = {
  baseVersion: number;
  currentVersion: number;
  problems: EditingProblem[];
  changes: DefinitionChange[];
  publishable: boolean;
};

export async function getProcessDraft(options: {
  db: DbExecutor;
  orgId: string;
}): Promise<ProcessDraft> {
  const { db, orgId } = options;
  const [draft] = await db.select().from(processDrafts).where(eq(processDrafts.orgId, orgId));
  if (draft !== undefined) {
    return {
      definition: draft.definition,
      baseVersion: draft.baseVersion,
      saved: true,
      updatedAt: draft.updatedAt.toISOString(),
      updatedBy: draft.updatedBy,
    };
  }
  const current = await currentDefinition({ db, orgId });
  return {
    definition: current,
    baseVersion: current.version,
    saved: false,
    updatedAt: null,
    updatedBy: null,
  };
}

export async function saveProcessDraft(options: {
  db: DbExecutor;
  orgId: string;
  actor: Actor;
  definition: DraftDefinition;
  baseVersion: number;
  now: Date;
}): Promise<ProcessDraft> {
  const { db, orgId, actor, definition, baseVersion, now } = options;
  const current = await currentDefinition({ db, orgId });
  if (definition.key !== current.key) {
    throw new AppError('validation', 'The process key cannot change.', {
      field: 'definition.key',
    });
  }
  const values = {
    definitionKey: definition.key,
    baseVersion,
    definition: definition as TProcessDefinition,
    updatedAt: now,
    updatedBy: actor.name,
  };
  await db
    .insert(processDrafts)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: processDrafts.orgId, set: values });
  return {
    definition,
    baseVersion,
    saved: true,
    updatedAt: now.toISOString(),
    updatedBy: actor.name,
  };
}

export async function discardProcessDraft(options: { db: DbExecutor; orgId: string }) {
  await options.db.delete(processDrafts).where(eq(processDrafts.orgId, options.orgId));
}

/** Zod's issues as the review lists them: a path into the definition and a sentence. */
function schemaProblems(definition: DraftDefinition): {
  parsed: TProcessDefinition | null;
  problems: EditingProblem[];
} {
  const result = ZProcessDefinition.safeParse(definition);
  if (result.success) return { parsed: result.data, problems: [] };
  return {
    parsed: null,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.filter((part) => typeof part !== 'symbol'),
      message: issue.message,
    })),
  };
}

function review(
  current: TProcessDefinition,
  draft: ProcessDraft,
): { parsed: TProcessDefinition | null; result: DraftReview } {
  const { parsed, problems } = schemaProblems(draft.definition);
  const allProblems = parsed === null ? problems : editingProblems(current, parsed);
  return {
    parsed,
    result: {
      baseVersion: draft.baseVersion,
      currentVersion: current.version,
      problems: allProblems,
      changes: diffDefinitions(current, parsed ?? (draft.definition as TProcessDefinition)),
      publishable: parsed !== null && allProblems.length === 0,
    },
  };
}

export async function reviewProcessDraft(options: {
  db: DbExecutor;
  orgId: string;
}): Promise<DraftReview> {
  const [current, draft] = await Promise.all([
    currentDefinition(options),
    getProcessDraft(options),
  ]);
  return review(current, draft).result;
}

/** Publishes the saved draft as the next version, in one transaction, and removes the draft. */
export async function publishProcessDraft(options: {
  db: Database;
  orgId: string;
  actor: Actor;
  /** The version the administrator reviewed the draft against; a later publication refuses. */
  reviewedVersion: number;
  now: Date;
}): Promise<{ key: string; version: number; changes: DefinitionChange[] }> {
  const { db, orgId, actor, reviewedVersion, now } = options;
  return db.transaction(async (tx) => {
    const [current, draft] = await Promise.all([
      currentDefinition({ db: tx, orgId }),
      getProcessDraft({ db: tx, orgId }),
    ]);
    if (!draft.saved) {
      throw new AppError('conflict', 'There is no saved draft to publish.');
    }
    if (reviewedVersion !== current.version) {
      throw new AppError(
        'stale_version',
        `Version ${current.version} was published since you reviewed this draft against version ${reviewedVersion}. Review it again.`,
        { field: 'reviewedVersion' },
      );
    }
    const { parsed, result: checked } = review(current, draft);
    const [firstProblem] = checked.problems;
    if (parsed === null || firstProblem !== undefined) {
      throw new AppError(
        'validation',
        `The draft cannot be published: ${firstProblem?.message ?? 'it is not a valid process definition'}.`,
        { field: ['definition', ...(firstProblem?.path ?? [])].join('.') },
      );
    }
    if (checked.changes.length === 0) {
      throw new AppError(
        'conflict',
        `The draft is the same as version ${current.version}; there is nothing to publish.`,
      );
    }
    const version = current.version + 1;
    const published: TProcessDefinition = { ...parsed, version };
    await tx.insert(processDefinitions).values({
      orgId,
      key: published.key,
      version,
      definition: published,
      publishedAt: now,
      publishedBy: actor.name,
    });
    await tx.delete(processDrafts).where(eq(processDrafts.orgId, orgId));
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: null,
        entityType: 'process_definition',
        entityId: `${published.key}@${version}`,
        action: 'publish_process_version',
        actor,
        before: { version: current.version },
        after: { version, changes: checked.changes },
      },
    ]);
    return { key: published.key, version, changes: checked.changes };
  });
}

/** What a published version changed from the one before it (nothing for the first). */
export async function versionChanges(options: {
  db: DbExecutor;
  orgId: string;
  key: string;
  version: number;
}): Promise<{ previousVersion: number | null; changes: DefinitionChange[] }> {
  const { db, orgId, key, version } = options;
  const shown = await definitionVersion({ db, orgId, key, version });
  const earlier = (await listDefinitionVersions({ db, orgId }))
    .filter((candidate) => candidate.key === key && candidate.version < version)
    .sort((a, b) => b.version - a.version)[0];
  if (earlier === undefined) return { previousVersion: null, changes: [] };
  const previous = await definitionVersion({ db, orgId, key, version: earlier.version });
  return { previousVersion: previous.version, changes: diffDefinitions(previous, shown) };
}
