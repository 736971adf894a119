import { Text } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.js';
import { ApiProblem } from '../api/http.js';
import { ConfirmModal } from './ConfirmModal.js';

const renderConfirm = (error: unknown = null) => {
  const onConfirm = vi.fn();
  const onClose = vi.fn();
  const rendered = renderWithApp(
    <ConfirmModal
      title="Remove the contact"
      confirmLabel="Remove"
      cancelLabel="Keep it"
      confirming={false}
      error={error}
      problemTitle="Not removed"
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <Text>Remove Megan Bowen from this client?</Text>
    </ConfirmModal>,
  );
  return { ...rendered, onConfirm, onClose };
};

describe('ConfirmModal', () => {
  it('keeps things as they are by default, and confirms only when asked', async () => {
    const { user, onConfirm, onClose } = renderConfirm();
    const dialog = await screen.findByRole('dialog', { name: 'Remove the contact' });
    expect(within(dialog).getByText('Remove Megan Bowen from this client?')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(onConfirm).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('says why the last attempt was refused', async () => {
    renderConfirm(
      new ApiProblem({
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'A closeout still uses this contact.',
        code: 'conflict',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not removed');
    expect(alert).toHaveTextContent('A closeout still uses this contact.');
  });
});
