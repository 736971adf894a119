import { Button } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { SearchInput } from './SearchInput.js';

/** A search whose value lives outside the box, as a list's does in the URL. */
function Harness({ onSearch }: { onSearch: (q: string) => void }) {
  const [q, setQ] = useState('');
  return (
    <>
      <SearchInput
        aria-label="Search clients"
        value={q}
        onSearch={(next) => {
          onSearch(next);
          setQ(next);
        }}
      />
      <Button onClick={() => setQ('')}>Clear</Button>
    </>
  );
}

describe('SearchInput', () => {
  it('searches once typing pauses, not for each keystroke, and without surrounding spaces', async () => {
    const onSearch = vi.fn();
    const { user } = renderWithApp(<Harness onSearch={onSearch} />);

    await user.type(screen.getByRole('textbox', { name: 'Search clients' }), ' contoso ');

    await waitFor(() => expect(onSearch).toHaveBeenCalledWith('contoso'));
    expect(onSearch).toHaveBeenCalledTimes(1);
  });

  it('follows its value when it changes elsewhere', async () => {
    const onSearch = vi.fn();
    const { user } = renderWithApp(<Harness onSearch={onSearch} />);
    const box = screen.getByRole('textbox', { name: 'Search clients' });
    await user.type(box, 'fabrikam');
    await waitFor(() => expect(onSearch).toHaveBeenCalledWith('fabrikam'));

    await user.click(screen.getByRole('button', { name: 'Clear' }));

    expect(box).toHaveValue('');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onSearch).toHaveBeenCalledTimes(1);
  });
});
