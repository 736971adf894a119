import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../domain/model.js';
import { can, describeNeededRoles, PERMISSION_NAMES, type Permission } from './permissions.js';

/**
 * The brief's "Who may do what" table, cell by cell, in its column order:
 * Admin, Service Mgr, Account Mgr, Technician, Executive, Finance.
 */
const MATRIX: Partial<Record<Permission, string>> = {
  read: '✓✓✓✓✓✓',
  'closeout.open': '✓✓✓···',
  'closeout.assign': '✓✓✓···',
  'closeout.record_assessment': '·✓✓···',
  'closeout.decide_retention': '·✓··✓·',
  'closeout.approve_termination': '····✓·',
  'closeout.meeting': '·✓✓···',
  'closeout.ticket_disposition': '·✓·✓··',
  'closeout.handover': '·✓·✓··',
  'closeout.reveal_secret': '·✓·✓··',
  'closeout.portal_invite': '·✓✓···',
  'closeout.deactivation_task': '·✓·✓·✓',
  'closeout.close': '·✓··✓·',
  'closeout.withdraw': '·✓··✓·',
  'client.record_return': '·✓··✓·',
  'client.manage': '✓✓✓···',
  'settings.manage': '✓·····',
  'users.manage': '✓·····',
  'process.manage': '✓·····',
};

const COLUMNS: StaffRole[] = [
  'admin',
  'service_manager',
  'account_manager',
  'technician',
  'executive',
  'finance',
];

describe('PERMISSIONS', () => {
  it('has a permission for every row of the matrix', () => {
    expect(PERMISSION_NAMES).toEqual(expect.arrayContaining(Object.keys(MATRIX)));
    expect(COLUMNS.slice().sort()).toEqual([...STAFF_ROLES].sort());
  });

  it.each(Object.entries(MATRIX) as [Permission, string][])(
    '%s follows the brief',
    (permission, row) => {
      const cells = [...row];
      COLUMNS.forEach((role, column) => {
        expect({ role, allowed: can([role], permission) }).toEqual({
          role,
          allowed: cells[column] === '✓',
        });
      });
    },
  );
});

describe('can', () => {
  it('allows when any one of several roles allows', () => {
    expect(can(['technician'], 'closeout.close')).toBe(false);
    expect(can(['technician', 'executive'], 'closeout.close')).toBe(true);
    expect(can([], 'read')).toBe(false);
  });
});

describe('describeNeededRoles', () => {
  it('names the roles, with the organisation’s own names when it has them', () => {
    expect(describeNeededRoles('closeout.close')).toBe(
      'This needs one of these roles: Service Manager, Executive.',
    );
    expect(describeNeededRoles('users.manage')).toBe('This needs the Administrator role.');
    expect(describeNeededRoles('closeout.close', { executive: 'Director' })).toBe(
      'This needs one of these roles: Service Manager, Director.',
    );
  });
});
