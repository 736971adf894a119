import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { NoMatches } from './NoMatches.js';

describe('NoMatches', () => {
  it('says nothing matched, what might, and clears the filters', async () => {
    const onClear = vi.fn();
    const { user } = renderWithApp(
      <NoMatches title="No clients match" onClear={onClear}>
        Try another name.
      </NoMatches>,
    );
    expect(screen.getByText('No clients match')).toBeInTheDocument();
    expect(screen.getByText('Try another name.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(onClear).toHaveBeenCalledOnce();
  });
});
