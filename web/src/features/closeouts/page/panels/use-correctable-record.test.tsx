import { MantineProvider } from '@mantine/core';
import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useCorrectableRecord } from './use-correctable-record.js';

const wrapper = ({ children }: { children: ReactNode }) => (
  <MantineProvider>{children}</MantineProvider>
);

describe('useCorrectableRecord', () => {
  it('shows the form until the record exists, with nothing to cancel back to', () => {
    const { result } = renderHook(
      () => useCorrectableRecord({ recorded: false, changeable: true, correctLabel: 'Edit' }),
      { wrapper },
    );
    expect(result.current.showForm).toBe(true);
    expect(result.current.cancel).toBeUndefined();
    expect(result.current.correctButton).toBeUndefined();
  });

  it('reopens a recorded form on request, and closes it when done', async () => {
    const { result } = renderHook(
      () => useCorrectableRecord({ recorded: true, changeable: true, correctLabel: 'Edit' }),
      { wrapper },
    );
    expect(result.current.showForm).toBe(false);
    render(<MantineProvider>{result.current.correctButton}</MantineProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(result.current.showForm).toBe(true);
    expect(result.current.correctButton).toBeUndefined();
    act(() => result.current.cancel?.());
    expect(result.current.showForm).toBe(false);
  });

  it('offers nothing to someone who may not change it', () => {
    const { result } = renderHook(
      () => useCorrectableRecord({ recorded: false, changeable: false, correctLabel: 'Edit' }),
      { wrapper },
    );
    expect(result.current.showForm).toBe(false);
    expect(result.current.correctButton).toBeUndefined();
  });
});
