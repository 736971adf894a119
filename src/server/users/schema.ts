import { z } from 'zod';
import { ZEmailAddress, ZPassword, ZStaffRole, ZStaffRoles } from '../auth/schema.js';

/** Staff user administration contracts; the web app imports them. */

export { PASSWORD_MIN_LENGTH, ZPassword } from '../auth/schema.js';

const ZUserName = z.string().trim().min(1).max(120);

export const ZUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(ZStaffRole),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.object({ users: z.array(ZUser) });
export type TUserList = z.infer<typeof ZUserList>;

/** Who can be picked as an owner or assignee: active staff, visible to every staff role. */
export const ZStaffMember = ZUser.pick({ id: true, name: true, roles: true });
export type TStaffMember = z.infer<typeof ZStaffMember>;

export const ZStaffDirectory = z.object({ users: z.array(ZStaffMember) });
export type TStaffDirectory = z.infer<typeof ZStaffDirectory>;

export const ZCreateUserRequest = z.object({
  name: ZUserName,
  email: ZEmailAddress,
  password: ZPassword,
  roles: ZStaffRoles,
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.object({
  name: ZUserName.optional(),
  roles: ZStaffRoles.optional(),
  /** false deactivates: the user can no longer sign in and their sessions and tokens stop working. */
  active: z.boolean().optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z.object({ password: ZPassword });
export type TResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>;

export const ZUserParams = z.object({ userId: z.uuid() });
export type TUserParams = z.infer<typeof ZUserParams>;
