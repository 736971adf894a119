import { Menu } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { actionsColumn, type Column, DataTable } from './DataTable.js';
import { RowActions } from './RowActions.js';

type Agreement = { id: string; name: string; mrr: number; ended: boolean };

const agreements: Agreement[] = [
  { id: 'a1', name: 'Gold', mrr: 4200, ended: false },
  { id: 'a2', name: 'Backup add-on', mrr: 300, ended: true },
];

const columns: Column<Agreement>[] = [
  { header: 'Agreement', cell: (agreement) => agreement.name },
  { header: 'MRR', align: 'right', cell: (agreement) => `$${agreement.mrr}` },
];

describe('DataTable', () => {
  it('shows a header per column and a cell per row and column, in order', () => {
    renderWithApp(
      <DataTable rows={agreements} columns={columns} rowKey={(row) => row.id} minWidth={400} />,
    );
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Agreement', 'MRR']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Gold', '$4200'],
      ['Backup add-on', '$300'],
    ]);
  });

  it('leaves out a column given as false, names the table, and fades rows that no longer count', () => {
    renderWithApp(
      <DataTable
        rows={agreements}
        columns={[columns[0] as Column<Agreement>, false]}
        rowKey={(row) => row.id}
        minWidth={400}
        label="Agreements"
        faded={(row) => row.ended}
      />,
    );
    const table = screen.getByRole('table', { name: 'Agreements' });
    expect(within(table).getAllByRole('columnheader')).toHaveLength(1);
    expect(screen.getByRole('row', { name: /Backup add-on/ })).toHaveStyle({ opacity: '0.65' });
    expect(screen.getByRole('row', { name: /Gold/ })).not.toHaveStyle({ opacity: '0.65' });
  });

  it('puts each row’s actions behind a button named for the row', async () => {
    const opened: string[] = [];
    const { user } = renderWithApp(
      <DataTable
        rows={agreements}
        columns={[
          ...columns,
          actionsColumn((agreement: Agreement) => (
            <RowActions name={agreement.name}>
              <Menu.Item onClick={() => opened.push(agreement.id)}>Edit</Menu.Item>
            </RowActions>
          )),
        ]}
        rowKey={(row) => row.id}
        minWidth={400}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Actions for Backup add-on' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));

    expect(opened).toEqual(['a2']);
  });
});
