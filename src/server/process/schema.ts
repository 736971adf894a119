import { z } from 'zod';
import { DEFINITION_COLLECTIONS } from '../../blueprint/diff.js';
import { ZKey, ZProcessDefinition, ZProcessDefinitionDraft } from '../../blueprint/schema.js';

/**
 * The process API's contract: the versioned process definition as the organisation reads it,
 * with its own role and system names. Shared with the web app, so it imports nothing from the
 * server.
 */

/** A whole process definition: stages, tasks, lanes, roles, systems, documents, gates, KPIs. */
export const ZProcessDefinitionResponse = ZProcessDefinition;
export type TProcessDefinitionResponse = z.infer<typeof ZProcessDefinitionResponse>;

export const ZDefinitionVersion = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  /** Null for the built-in default, which was never published by anyone. */
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  publishedBy: z.string(),
  /** New closeouts open with this version. */
  current: z.boolean(),
});
export type TDefinitionVersion = z.infer<typeof ZDefinitionVersion>;

export const ZDefinitionVersionList = z.object({ versions: z.array(ZDefinitionVersion) });
export type TDefinitionVersionList = z.infer<typeof ZDefinitionVersionList>;

export const ZDefinitionVersionParams = z.object({
  key: ZKey,
  version: z.coerce.number().int().min(1),
});

/** An administrator's unpublished edit; without a saved one, the current version to start from. */
export const ZProcessDraft = z.object({
  definition: ZProcessDefinitionDraft,
  /** The version the draft was started from. */
  baseVersion: z.number().int().min(1),
  saved: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedBy: z.string().nullable(),
});
export type TProcessDraft = z.infer<typeof ZProcessDraft>;

export const ZSaveProcessDraft = z.object({
  definition: ZProcessDefinitionDraft,
  baseVersion: z.number().int().min(1),
});
export type TSaveProcessDraft = z.infer<typeof ZSaveProcessDraft>;

export const ZDefinitionChange = z.object({
  collection: z.enum(['process', ...DEFINITION_COLLECTIONS]),
  kind: z.enum(['added', 'removed', 'changed']),
  key: z.string(),
  name: z.string(),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type TDefinitionChange = z.infer<typeof ZDefinitionChange>;

export const ZProcessDraftReview = z.object({
  baseVersion: z.number().int(),
  /** When it differs from baseVersion, someone published since the draft was started. */
  currentVersion: z.number().int(),
  /** What keeps the draft from being published, each with its place in the definition. */
  problems: z.array(
    z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }),
  ),
  /** The draft against the current version. */
  changes: z.array(ZDefinitionChange),
  publishable: z.boolean(),
});
export type TProcessDraftReview = z.infer<typeof ZProcessDraftReview>;

export const ZPublishProcessDraft = z.object({
  /** The current version the administrator reviewed the draft against. */
  reviewedVersion: z.number().int().min(1),
});
export type TPublishProcessDraft = z.infer<typeof ZPublishProcessDraft>;

export const ZPublishedProcessVersion = z.object({
  key: z.string(),
  version: z.number().int(),
  changes: z.array(ZDefinitionChange),
});
export type TPublishedProcessVersion = z.infer<typeof ZPublishedProcessVersion>;

export const ZDefinitionVersionChanges = z.object({
  previousVersion: z.number().int().nullable(),
  changes: z.array(ZDefinitionChange),
});
export type TDefinitionVersionChanges = z.infer<typeof ZDefinitionVersionChanges>;
