import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { DEFAULT_DEFINITION } from './default-definition.js';
import { defaultPersonalisation, personalise, roleName, systemName } from './personalise.js';
import { ZPersonalisation } from './schema.js';

describe('personalisation', () => {
  it('starts an organisation with its name and the default branding', () => {
    const personalisation = defaultPersonalisation('  Northwind IT ');
    expect(personalisation).toEqual({
      organisationName: 'Northwind IT',
      logo: null,
      primaryColor: '#1f6feb',
      roleNames: {},
      systemNames: {},
    });
    expect(ZPersonalisation.safeParse(personalisation).success).toBe(true);
  });

  it('refuses an organisation without a name', () => {
    expect(() => defaultPersonalisation('   ')).toThrow(AppError);
  });

  it('renames a role and a system and leaves the input untouched', () => {
    const before = structuredClone(DEFAULT_DEFINITION);
    const personalised = personalise(DEFAULT_DEFINITION, {
      ...defaultPersonalisation('Northwind IT'),
      roleNames: { account_manager: 'vCIO', no_such_role: 'Ignored' },
      systemNames: { psa: 'HaloPSA' },
    });

    expect(roleName(personalised, 'account_manager')).toBe('vCIO');
    expect(systemName(personalised, 'psa')).toBe('HaloPSA');
    expect(roleName(personalised, 'service_manager')).toBe('Service Manager');
    expect(systemName(personalised, 'rmm')).toBe('RMM');
    expect(personalised.roles.map((r) => r.key)).toEqual(
      DEFAULT_DEFINITION.roles.map((r) => r.key),
    );
    expect(DEFAULT_DEFINITION).toEqual(before);
    expect(roleName(DEFAULT_DEFINITION, 'account_manager')).toBe('Account Manager');
  });

  it('falls back to the key for a role or system the definition does not have', () => {
    expect(roleName(DEFAULT_DEFINITION, 'retired_role')).toBe('retired_role');
    expect(systemName(DEFAULT_DEFINITION, 'fax')).toBe('fax');
  });
});
