import { DEFAULT_REASON_TAXONOMY } from '../blueprint/reason-taxonomy.js';
import type { TPersonalisation } from '../blueprint/schema.js';
import type { organisations, users } from '../db/schema.js';
import type { Actor, IsoDateTime, StaffRole } from '../domain/model.js';
import type { Random } from './random.js';

/** The demo MSP itself and the people who work there: one user per role and an administrator. */

export const DEMO_ORGANISATION_NAME = 'Northwind Managed IT';
export const DEMO_EMAIL_DOMAIN = 'northwind-it.example';

export type DemoOrganisationRow = typeof organisations.$inferInsert & { id: string };

/** A user row without its password hash: the loader hashes one shared password per load. */
export type DemoUserRow = Omit<typeof users.$inferInsert, 'passwordHash'> & {
  id: string;
  roles: StaffRole[];
};

export type DemoStaff = {
  admin: Actor & { kind: 'user' };
  serviceManager: Actor & { kind: 'user' };
  accountManager: Actor & { kind: 'user' };
  technician: Actor & { kind: 'user' };
  executive: Actor & { kind: 'user' };
  finance: Actor & { kind: 'user' };
};

const PEOPLE: Record<keyof DemoStaff, { name: string; roles: StaffRole[] }> = {
  admin: { name: 'Dana Whitfield', roles: ['admin'] },
  serviceManager: { name: 'Sam Okafor', roles: ['service_manager'] },
  accountManager: { name: 'Alex Moreno', roles: ['account_manager'] },
  technician: { name: 'Terry Lindqvist', roles: ['technician'] },
  executive: { name: 'Erin Caldwell', roles: ['executive'] },
  finance: { name: 'Fran Delgado', roles: ['finance'] },
};

const PERSONALISATION: TPersonalisation = {
  organisationName: DEMO_ORGANISATION_NAME,
  logo: null,
  primaryColor: '#0f766e',
  roleNames: {},
  systemNames: {
    psa: 'HaloPSA',
    rmm: 'NinjaOne',
    documentation: 'IT Glue',
    password_manager: 'Keeper',
  },
};

const emailOf = (name: string) => `${name.toLowerCase().replaceAll(' ', '.')}@${DEMO_EMAIL_DOMAIN}`;

export function buildOrganisation(options: {
  id: string;
  closeoutCount: number;
  createdAt: IsoDateTime;
}): DemoOrganisationRow {
  return {
    id: options.id,
    name: DEMO_ORGANISATION_NAME,
    personalisation: PERSONALISATION,
    reasonTaxonomy: DEFAULT_REASON_TAXONOMY,
    closeoutSequence: options.closeoutCount,
    createdAt: new Date(options.createdAt),
    setupCompletedAt: new Date(options.createdAt),
  };
}

export function buildStaff(options: { random: Random; orgId: string; createdAt: IsoDateTime }): {
  staff: DemoStaff;
  rows: DemoUserRow[];
} {
  const entries = Object.entries(PEOPLE) as [keyof DemoStaff, (typeof PEOPLE)[keyof DemoStaff]][];
  const rows = entries.map(([, person]) => ({
    id: options.random.uuid(),
    orgId: options.orgId,
    email: emailOf(person.name),
    name: person.name,
    roles: person.roles,
    createdAt: new Date(options.createdAt),
  }));
  const staff = Object.fromEntries(
    entries.map(([key, person], index) => [
      key,
      { kind: 'user', userId: rows[index]!.id, name: person.name, roles: person.roles },
    ]),
  ) as DemoStaff;
  return { staff, rows };
}
