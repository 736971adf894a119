import { invalid } from '../domain/errors.js';
import type { TPersonalisation, TProcessDefinition } from './schema.js';

/** The branding a new organisation starts with: its name, no logo, no renamed roles or systems. */
export function defaultPersonalisation(organisationName: string): TPersonalisation {
  const name = organisationName.trim();
  if (name === '') throw invalid('organisationName', 'The organisation needs a name.');
  return {
    organisationName: name,
    logo: null,
    primaryColor: '#1f6feb',
    roleNames: {},
    systemNames: {},
  };
}

/**
 * The definition as the organisation reads it: its own role and system names laid over the
 * defaults. Names for keys the definition does not have are ignored, so an overlay written for
 * one version of the process keeps working with the next.
 */
export function personalise(
  definition: TProcessDefinition,
  personalisation: TPersonalisation,
): TProcessDefinition {
  return {
    ...definition,
    roles: definition.roles.map((role) => ({
      ...role,
      name: personalisation.roleNames[role.key] ?? role.name,
    })),
    systems: definition.systems.map((system) => ({
      ...system,
      name: personalisation.systemNames[system.key] ?? system.name,
    })),
  };
}

/** A role's display name; falls back to the key for roles a later version has dropped. */
export function roleName(definition: TProcessDefinition, key: string): string {
  return definition.roles.find((role) => role.key === key)?.name ?? key;
}

/** A system's display name; falls back to the key for systems a later version has dropped. */
export function systemName(definition: TProcessDefinition, key: string): string {
  return definition.systems.find((system) => system.key === key)?.name ?? key;
}
