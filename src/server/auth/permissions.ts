import { STAFF_ROLES, type StaffRole } from '../../domain/model.js';

/**
 * Who may do what: the product brief's permission matrix as data. Every route under /api/v1
 * names one of these permissions (or declares itself public); the guard in guard.ts checks it
 * before the handler runs. Finer rules that depend on the record (finance only for billing
 * tasks) live with the engine, not here.
 */
export const PERMISSIONS = {
  read: STAFF_ROLES,
  'closeout.open': ['admin', 'service_manager', 'account_manager'],
  'closeout.assign': ['admin', 'service_manager', 'account_manager'],
  /** Reasons, health snapshot and SIP actions. */
  'closeout.record_assessment': ['service_manager', 'account_manager'],
  /** Moving a closeout to its next stage once the stage's gates hold. */
  'closeout.advance': ['service_manager', 'account_manager', 'technician'],
  'closeout.decide_retention': ['service_manager', 'executive'],
  'closeout.approve_termination': ['executive'],
  'closeout.meeting': ['service_manager', 'account_manager'],
  'closeout.ticket_disposition': ['service_manager', 'technician'],
  /** Handover items and backup copies. */
  'closeout.handover': ['service_manager', 'technician'],
  'closeout.reveal_secret': ['service_manager', 'technician'],
  /** 11b tasks; finance only for billing tasks, which the closeout engine checks. */
  'closeout.deactivation_task': ['service_manager', 'technician', 'finance'],
  /**
   * Working a closeout's tasks; the engine narrows it to the tasks of one's role for anyone who
   * is neither Service Manager nor Technician.
   */
  'closeout.work_task': [
    'service_manager',
    'account_manager',
    'technician',
    'executive',
    'finance',
  ],
  /**
   * The client signs the transfer of responsibility; until it signs in the portal, the Service
   * Manager records the signed paper.
   */
  'closeout.record_acceptance': ['service_manager'],
  /** Inviting the client's contacts to the client portal, re-sending and revoking access. */
  'closeout.portal_invite': ['service_manager', 'account_manager'],
  'closeout.close': ['service_manager', 'executive'],
  'closeout.withdraw': ['service_manager', 'executive'],
  'client.record_return': ['service_manager', 'executive'],
  /** Clients, contacts, agreements, managed systems and tickets entered by hand. */
  'client.manage': ['admin', 'service_manager', 'account_manager'],
  /** Syncing a closeout's tickets with the PSA now: part of the ticket review. */
  'closeout.sync_tickets': ['service_manager', 'technician'],
  'settings.manage': ['admin'],
  /** PSA connections, their secrets, and the background jobs they run. */
  'integrations.manage': ['admin'],
  'users.manage': ['admin'],
  'process.manage': ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export const isPermission = (value: unknown): value is Permission =>
  typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);

export const rolesFor = (permission: Permission): readonly StaffRole[] => PERMISSIONS[permission];

export const can = (roles: readonly StaffRole[], permission: Permission): boolean => {
  const allowed: readonly StaffRole[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
};

/** Default role names, as the brief writes them; an organisation may rename them. */
export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  service_manager: 'Service Manager',
  account_manager: 'Account Manager',
  technician: 'Technician',
  executive: 'Executive',
  finance: 'Finance',
};

export const roleLabel = (role: StaffRole, roleNames: Record<string, string> = {}): string =>
  roleNames[role] ?? ROLE_LABELS[role];

/** "This needs one of these roles: Service Manager, Executive." */
export const describeNeededRoles = (
  permission: Permission,
  roleNames: Record<string, string> = {},
): string => {
  const labels = rolesFor(permission).map((role) => roleLabel(role, roleNames));
  return labels.length === 1
    ? `This needs the ${labels[0]} role.`
    : `This needs one of these roles: ${labels.join(', ')}.`;
};
