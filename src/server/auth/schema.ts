import { z } from 'zod';
import { ZPersonalisation } from '../../blueprint/schema.js';
import { STAFF_ROLES } from '../../domain/model.js';

/** Request and response contracts of sign-in and the signed-in user; the web app imports them. */

export const ZStaffRole = z.enum(STAFF_ROLES);
export type TStaffRole = z.infer<typeof ZStaffRole>;

/** A non-empty list of roles, each at most once. */
export const ZStaffRoles = z
  .array(ZStaffRole)
  .min(1, 'at least one role')
  .refine((roles) => new Set(roles).size === roles.length, 'each role at most once');

/** Compared case-insensitively; stored in lower case. */
export const ZEmailAddress = z.string().trim().max(254).toLowerCase().check(z.email());

export const PASSWORD_MIN_LENGTH = 12;

/** A new password; long rather than complicated. */
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024);

export const ZSignInRequest = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: ZPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZOrganisationSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  personalisation: ZPersonalisation,
  /** False until an administrator has finished the first-run setup (POST /setup). */
  setupCompleted: z.boolean(),
});
export type TOrganisationSummary = z.infer<typeof ZOrganisationSummary>;

export const ZSignedInUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  /** For an API token, the roles the token carries. */
  roles: z.array(ZStaffRole),
  organisation: ZOrganisationSummary,
});
export type TSignedInUser = z.infer<typeof ZSignedInUser>;
