import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { MoneyInput } from './MoneyInput.js';

describe('MoneyInput', () => {
  it('reads an amount in dollars and cents, and gives it as a number', async () => {
    const onChange = vi.fn();
    const { user } = renderWithApp(
      <MoneyInput label="Monthly recurring revenue" onChange={onChange} />,
    );

    await user.type(screen.getByLabelText('Monthly recurring revenue'), '1800.5');

    expect(onChange).toHaveBeenLastCalledWith(1800.5);
    expect(screen.getByLabelText('Monthly recurring revenue')).toHaveValue('$1,800.5');
  });
});
