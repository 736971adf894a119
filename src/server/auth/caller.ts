import type { Actor, StaffRole } from '../../domain/model.js';
import { STAFF_ROLES } from '../../domain/model.js';

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** Who is calling the API, resolved from a session cookie or an API token. */
export type RequestAuth = {
  orgId: string;
  userId: string;
  /** For an API token: the token's roles that its user still holds. */
  roles: StaffRole[];
  actor: UserActor;
  via: { kind: 'session'; tokenHash: string } | { kind: 'api_token'; tokenId: string };
};

/** Roles as stored (text[]), keeping only ones this version knows, in the canonical order. */
export const staffRolesOf = (roles: readonly string[]): StaffRole[] =>
  STAFF_ROLES.filter((role) => roles.includes(role));

export const callerFrom = (options: {
  orgId: string;
  userId: string;
  name: string;
  roles: StaffRole[];
  via: RequestAuth['via'];
}): RequestAuth => ({
  orgId: options.orgId,
  userId: options.userId,
  roles: options.roles,
  actor: { kind: 'user', userId: options.userId, name: options.name, roles: options.roles },
  via: options.via,
});
