import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { TablePagination } from './TablePagination.js';

describe('TablePagination', () => {
  it('says which rows are shown and moves to the page asked for', async () => {
    const onPage = vi.fn();
    const { user } = renderWithApp(
      <TablePagination page={2} pageSize={25} total={60} noun="closeouts" onPage={onPage} />,
    );
    expect(screen.getByText('26–50 of 60 closeouts')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Page 3 of closeouts' }));
    expect(onPage).toHaveBeenLastCalledWith(3);
    await user.click(screen.getByRole('button', { name: 'previous page of closeouts' }));
    expect(onPage).toHaveBeenLastCalledWith(1);
  });

  it('shows nothing when every row fits on one page', () => {
    const { container } = renderWithApp(
      <TablePagination page={1} pageSize={25} total={25} noun="tickets" onPage={() => {}} />,
    );
    expect(screen.queryByText(/of 25 tickets/)).not.toBeInTheDocument();
    expect(container.querySelector('button')).toBeNull();
  });
});
