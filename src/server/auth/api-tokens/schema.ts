import { z } from 'zod';
import { ZStaffRole, ZStaffRoles } from '../schema.js';

/** API tokens for integrations and scripts: `Authorization: Bearer co_…`. */

export const ZCreateApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(100),
  /** Defaults to all the creator's roles; may only name roles the creator holds. */
  roles: ZStaffRoles.optional(),
});
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the token, to tell tokens apart. */
  prefix: z.string(),
  roles: z.array(ZStaffRole),
  userId: z.uuid(),
  userName: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreatedApiToken = ZApiToken.extend({
  /** The token itself, shown this once; only its hash is kept. */
  token: z.string(),
});
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;

export const ZApiTokenList = z.object({ tokens: z.array(ZApiToken) });
export type TApiTokenList = z.infer<typeof ZApiTokenList>;

export const ZApiTokenParams = z.object({ tokenId: z.uuid() });
export type TApiTokenParams = z.infer<typeof ZApiTokenParams>;
