import { z } from 'zod';
import { ZKey, ZProcessDefinition } from '../../blueprint/schema.js';

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
