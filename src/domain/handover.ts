import type { HandoverItem } from './model.js';

export type ManagedSystemForHandover = { id: string; name: string; category: string };

/** The administration credential the client needs for each kind of managed system. */
const CREDENTIAL_BY_CATEGORY: Record<string, string> = {
  domain_admin: 'Domain administrator account',
  cloud_tenant: 'Global administrator account',
  firewall: 'Firewall administrator login',
  network: 'Network device administrator login',
  hypervisor: 'Hypervisor root / administrator login',
  backup_console: 'Backup console administrator login',
  lob_app: 'Application administrator login',
  registrar_dns: 'Registrar and DNS account login',
  vendor_portal: 'Vendor portal account',
};

export const MANAGED_SYSTEM_CATEGORIES = [...Object.keys(CREDENTIAL_BY_CATEGORY), 'other'] as const;

/**
 * Handover items for the client's managed systems that the hand-over does not cover yet: one
 * administration credential per system, so no system is forgotten.
 */
export function handoverItemsForSystems(
  systems: ManagedSystemForHandover[],
  existing: HandoverItem[],
): { managedSystemId: string; systemName: string; credentialLabel: string; notes: string }[] {
  const covered = new Set(existing.map((item) => item.managedSystemId));
  return systems
    .filter((system) => !covered.has(system.id))
    .map((system) => ({
      managedSystemId: system.id,
      systemName: system.name,
      credentialLabel: CREDENTIAL_BY_CATEGORY[system.category] ?? 'Administrator login',
      notes: '',
    }));
}
