import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  ENTITY_DEFINITIONS,
  FORMAT_DEFINITIONS,
  mappingProblems,
  normaliseColumnName,
  suggestMapping,
} from './formats.js';

const fixture = (name: string) => new URL(`../../../test/fixtures/csv/${name}`, import.meta.url);

/** The column names of a fixture: its first line, as simple as the fixtures are. */
const columnsOf = (name: string) =>
  readFileSync(fixture(name), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)[0]!
    .split(',');

describe('column names', () => {
  it('compare without case, spaces or separators', () => {
    expect(normaliseColumnName(' Create Date/Time ')).toBe('create date time');
    expect(normaliseColumnName('external_id')).toBe(normaliseColumnName('External ID'));
    expect(normaliseColumnName('Ticket #')).toBe('ticket #');
  });
});

describe('detectFormat', () => {
  it.each([
    ['connectwise-tickets.csv', 'connectwise'],
    ['autotask-tickets.csv', 'autotask'],
    ['halopsa-tickets.csv', 'halopsa'],
    ['tickets.csv', 'generic'],
  ])('tells %s is %s', (file, format) => {
    expect(detectFormat('tickets', columnsOf(file))).toBe(format);
  });

  it('takes a file in Closeout’s own column names for the generic format', () => {
    const columns = ['external_id', 'client_name', 'title', 'status', 'opened_at', 'Date Logged'];
    expect(detectFormat('tickets', columns)).toBe('generic');
  });

  it('knows PSA formats only for tickets', () => {
    expect(detectFormat('clients', columnsOf('connectwise-tickets.csv'))).toBe('generic');
  });

  it('does not take a file for a PSA export when it misses a required column', () => {
    const columns = columnsOf('connectwise-tickets.csv').filter((name) => name !== 'Date Entered');
    expect(detectFormat('tickets', columns)).toBe('generic');
  });
});

describe('suggestMapping', () => {
  it('maps a ConnectWise export by its own column names', () => {
    expect(suggestMapping('tickets', columnsOf('connectwise-tickets.csv'), 'connectwise')).toEqual({
      external_id: 'Ticket #',
      number: 'Ticket #',
      client_name: 'Company',
      title: 'Summary Description',
      status: 'Status',
      priority: 'Priority',
      opened_at: 'Date Entered',
      closed_at: 'Closed Date',
    });
  });

  it('maps an Autotask export, whose ticket number is also its id when no id column is there', () => {
    const mapping = suggestMapping('tickets', columnsOf('autotask-tickets.csv'), 'autotask');
    expect(mapping).toMatchObject({
      external_id: 'Ticket Number',
      number: 'Ticket Number',
      client_name: 'Account',
      title: 'Title',
      opened_at: 'Created',
      closed_at: 'Complete Date',
    });
    expect(
      suggestMapping('tickets', ['Ticket ID', ...columnsOf('autotask-tickets.csv')], 'autotask')
        .external_id,
    ).toBe('Ticket ID');
  });

  it('maps the generic format by field names, whatever their case', () => {
    expect(suggestMapping('clients', ['External ID', 'NAME', 'client since'], 'generic')).toEqual({
      external_id: 'External ID',
      name: 'NAME',
      client_since: 'client since',
    });
  });
});

describe('mappingProblems', () => {
  const columns = ['id', 'Subject', 'Customer', 'Opened'];

  it('names every required field without a column, and the client reference', () => {
    expect(mappingProblems('tickets', { external_id: 'id' }, columns).map((p) => p.field)).toEqual([
      'title',
      'opened_at',
      'client_external_id',
    ]);
  });

  it('names a column the file does not have and a field that does not exist', () => {
    const problems = mappingProblems(
      'tickets',
      {
        external_id: 'id',
        title: 'Summary',
        opened_at: 'Opened',
        client_name: 'Customer',
        colour: 'id',
      },
      columns,
    );
    expect(problems).toEqual([
      { field: 'title', message: 'The file has no column "Summary".' },
      { field: 'colour', message: 'Tickets have no field "colour".' },
    ]);
  });

  it('accepts a complete mapping', () => {
    const mapping = {
      external_id: 'id',
      title: 'Subject',
      opened_at: 'Opened',
      client_name: 'Customer',
    };
    expect(mappingProblems('tickets', mapping, columns)).toEqual([]);
  });
});

describe('docs/csv-import.md', () => {
  const docs = readFileSync(new URL('../../../docs/csv-import.md', import.meta.url), 'utf8');

  it('names every field of every kind of record', () => {
    for (const definition of Object.values(ENTITY_DEFINITIONS)) {
      for (const field of definition.fields) expect(docs, field.key).toContain(`\`${field.key}\``);
    }
  });

  it('lists every column name of every PSA format', () => {
    for (const format of Object.values(FORMAT_DEFINITIONS)) {
      for (const names of Object.values(format.columns.tickets ?? {})) {
        for (const name of names) expect(docs, `${format.format}: ${name}`).toContain(`"${name}"`);
      }
    }
  });
});
