import { describe, expect, it } from 'vitest';
import { ClientDirectory } from './clients.js';
import type { ColumnMapping, ImportEntity } from './formats.js';
import { RECORD_SPECS } from './records.js';
import { RowReader } from './rows.js';

const CONTOSO = '6f1c1d1e-8a3b-4c55-9f00-000000000001';
const FABRIKAM = '6f1c1d1e-8a3b-4c55-9f00-000000000002';
const TWIN_A = '6f1c1d1e-8a3b-4c55-9f00-000000000003';
const TWIN_B = '6f1c1d1e-8a3b-4c55-9f00-000000000004';

const clients = ClientDirectory.of('connectwise', [
  { id: CONTOSO, name: 'Contoso Dental', source: 'connectwise', externalId: '19' },
  { id: FABRIKAM, name: 'Fabrikam Legal', source: 'csv', externalId: '19' },
  { id: TWIN_A, name: 'Northwind', source: 'manual', externalId: null },
  { id: TWIN_B, name: ' northwind ', source: 'manual', externalId: null },
]);
const NOW = '2026-05-01T12:00:00.000Z';

/** Reads one row of `cells` under a mapping of the same-named columns. */
function readRow(entity: ImportEntity, cells: Record<string, string>) {
  const columns = Object.keys(cells);
  const mapping: ColumnMapping = Object.fromEntries(columns.map((column) => [column, column]));
  const row = new RowReader(mapping, columns);
  row.begin({ line: 7, cells: Object.values(cells) });
  const record = RECORD_SPECS[entity].read(row, { clients, now: NOW });
  return { record, errors: row.errors };
}

const ticket = {
  external_id: '41872',
  client_external_id: '19',
  title: 'Printer offline',
  status: '',
  opened_at: '4/2/2026 9:15 AM',
  closed_at: '',
};

describe('reading a ticket', () => {
  it('finds the client by its external id in the same source and fills the defaults', () => {
    const { record, errors } = readRow('tickets', ticket);
    expect(errors).toEqual([]);
    expect(record).toEqual({
      externalId: '41872',
      values: [
        CONTOSO,
        '41872',
        'Printer offline',
        'open',
        'normal',
        '2026-04-02T09:15:00.000Z',
        null,
        false,
        null,
      ],
    });
  });

  it('takes a closing time as completed, and stamps a closed ticket without one', () => {
    expect(
      readRow('tickets', { ...ticket, closed_at: '2026-04-03' }).record?.values.slice(3, 7),
    ).toEqual(['completed', 'normal', '2026-04-02T09:15:00.000Z', '2026-04-03T00:00:00.000Z']);
    expect(readRow('tickets', { ...ticket, status: 'Closed - Cancelled' }).record?.values[6]).toBe(
      NOW,
    );
  });

  it('reports every fault of the row against its column', () => {
    const { record, errors } = readRow('tickets', {
      ...ticket,
      client_external_id: '',
      client_name: 'Northwind',
      title: '',
      closed_at: '2026-04-01',
      status: 'Closed',
    });
    expect(record).toBeNull();
    expect(errors).toEqual([
      {
        line: 7,
        column: 'client_name',
        message:
          'Several clients are named "Northwind"; give the client\'s external id or Closeout id instead.',
      },
      { line: 7, column: 'title', message: 'Required, but the cell is blank.' },
      {
        line: 7,
        column: 'closed_at',
        message:
          'The ticket closes (2026-04-01T00:00:00.000Z) before it was opened (2026-04-02T09:15:00.000Z).',
      },
    ]);
  });

  it('does not match a client of another source by external id', () => {
    const { errors } = readRow('tickets', { ...ticket, client_external_id: '20' });
    expect(errors[0]?.message).toContain(
      'No client imported from ConnectWise has the external id "20"',
    );
  });

  it('finds the client by Closeout id or by name, ignoring case', () => {
    const byId = readRow('tickets', {
      ...ticket,
      client_external_id: '',
      client_id: FABRIKAM.toUpperCase(),
    });
    expect(byId.record?.values[0]).toBe(FABRIKAM);
    const byName = readRow('tickets', {
      ...ticket,
      client_external_id: '',
      client_name: '  FABRIKAM legal ',
    });
    expect(byName.record?.values[0]).toBe(FABRIKAM);
  });
});

describe('reading the other records', () => {
  it('reads a client, active unless the file says otherwise', () => {
    expect(
      readRow('clients', { external_id: 'C-1', name: 'Contoso', status: '' }).record?.values,
    ).toEqual(['Contoso', null, '', '', 'active']);
    expect(
      readRow('clients', { external_id: 'C-1', name: 'Contoso', status: 'Inactive' }).record
        ?.values[4],
    ).toBe('former');
  });

  it('reads an agreement, ended when it has an end day', () => {
    const { record } = readRow('agreements', {
      external_id: 'A-1',
      client_external_id: '19',
      name: 'Managed services',
      monthly_recurring_revenue: '$1,200.50',
      start_date: '2020-01-01',
      ended_on: '2025-12-31',
    });
    expect(record?.values).toEqual([
      CONTOSO,
      'Managed services',
      1200.5,
      '2020-01-01',
      null,
      30,
      'ended',
      '2025-12-31',
    ]);
  });

  it('refuses an active agreement with an end day and a term ending before the start', () => {
    const { errors } = readRow('agreements', {
      external_id: 'A-1',
      client_external_id: '19',
      name: 'Managed services',
      monthly_recurring_revenue: '100',
      start_date: '2020-01-01',
      term_end_date: '2019-12-31',
      status: 'active',
      ended_on: '2025-12-31',
    });
    expect(errors.map((error) => error.column)).toEqual(['term_end_date', 'ended_on']);
  });

  it('reads a managed system, its category from the words for it', () => {
    const read = (category: string) =>
      readRow('managed_systems', {
        external_id: 'S-1',
        client_external_id: '19',
        name: 'DC01',
        category,
      }).record?.values[2];
    expect(read('Domain admin')).toBe('domain_admin');
    expect(read('Registrar / DNS')).toBe('registrar_dns');
    expect(read('Printers')).toBe('other');
    expect(read('')).toBe('other');
  });

  it('reads a contact, refusing a bad email address', () => {
    const { errors } = readRow('contacts', {
      external_id: 'P-1',
      client_external_id: '19',
      name: 'Grace Hopper',
      email: 'grace at contoso',
      is_decision_maker: 'yes',
    });
    expect(errors).toEqual([
      { line: 7, column: 'email', message: '"grace at contoso" is not an email address.' },
    ]);
  });
});
