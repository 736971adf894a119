import { Table } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { SortableHeader } from './SortableHeader.js';

type Sort = 'name' | '-name' | 'clientSince' | '-clientSince';

function renderHeader(sort: Sort) {
  const onSort = vi.fn<(sort: Sort) => void>();
  const rendered = renderWithApp(
    <Table>
      <Table.Thead>
        <Table.Tr>
          <SortableHeader column="name" label="Client" sort={sort} onSort={onSort} />
        </Table.Tr>
      </Table.Thead>
    </Table>,
  );
  return { ...rendered, onSort };
}

describe('SortableHeader', () => {
  it('sorts ascending by its column when the list is ordered by another', async () => {
    const { user, onSort } = renderHeader('clientSince');
    expect(screen.getByRole('columnheader')).toHaveAttribute('aria-sort', 'none');

    await user.click(screen.getByRole('button', { name: 'Sort by client' }));

    expect(onSort).toHaveBeenCalledWith('name');
  });

  it('turns an ascending order around, and a descending one back', async () => {
    const ascending = renderHeader('name');
    expect(screen.getByRole('columnheader')).toHaveAttribute('aria-sort', 'ascending');
    await ascending.user.click(screen.getByRole('button', { name: 'Sort by client' }));
    expect(ascending.onSort).toHaveBeenCalledWith('-name');
    ascending.unmount();

    const descending = renderHeader('-name');
    expect(screen.getByRole('columnheader')).toHaveAttribute('aria-sort', 'descending');
    await descending.user.click(screen.getByRole('button', { name: 'Sort by client' }));
    expect(descending.onSort).toHaveBeenCalledWith('name');
  });
});
