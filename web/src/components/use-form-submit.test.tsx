import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fakeApi, renderWithApp } from '../../test/render.js';
import { apiRequest } from '../api/http.js';
import { zodValidate } from '../forms/zod-form.js';
import { FormModal } from './FormModal.js';
import { useFormSubmit } from './use-form-submit.js';

const ZContactRequest = z.object({ name: z.string().min(1), email: z.email() });
type ContactValues = z.infer<typeof ZContactRequest>;

/** A contact added in a dialog, as the client page's dialogs work. */
function AddContact({ onClose }: { onClose: () => void }) {
  const form = useForm<ContactValues>({
    initialValues: { name: '', email: '' },
    validate: zodValidate(ZContactRequest),
  });
  const submit = useFormSubmit(form, {
    send: (values) => apiRequest<{ name: string }>('/contacts', { method: 'POST', body: values }),
    notice: (saved) => `${saved.name} was added.`,
    afterSave: onClose,
  });
  return (
    <FormModal title="Add a contact" submitLabel="Add contact" {...submit} onClose={onClose}>
      <TextInput label="Name" {...form.getInputProps('name')} />
      <TextInput label="Email" {...form.getInputProps('email')} />
    </FormModal>
  );
}

const problem = (status: number, extra: object) => ({
  status,
  body: { type: 'about:blank', title: 'Refused', status, code: 'conflict', ...extra },
});

async function fillIn(user: ReturnType<typeof renderWithApp>['user']) {
  const dialog = await screen.findByRole('dialog', { name: 'Add a contact' });
  await user.type(within(dialog).getByLabelText('Name'), 'Adele Vance');
  await user.type(within(dialog).getByLabelText('Email'), 'adele@contoso.test');
  await user.click(within(dialog).getByRole('button', { name: 'Add contact' }));
  return dialog;
}

describe('useFormSubmit in a FormModal', () => {
  it('sends nothing the schema refuses', async () => {
    const { requests } = fakeApi({});
    const { user } = renderWithApp(<AddContact onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Add a contact' });

    await user.click(within(dialog).getByRole('button', { name: 'Add contact' }));

    expect(within(dialog).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toHaveLength(0);
  });

  it('sends the values, says so once saved, then closes', async () => {
    const { requests } = fakeApi({
      'POST /contacts': () => ({ status: 201, body: { name: 'Adele' } }),
    });
    const onClose = vi.fn();
    const { user } = renderWithApp(<AddContact onClose={onClose} />);

    await fillIn(user);

    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(requests[0]?.body).toEqual({ name: 'Adele Vance', email: 'adele@contoso.test' });
    expect(await screen.findByText('Adele was added.')).toBeInTheDocument();
  });

  it('puts a refusal beside the field it names, and keeps the dialog open', async () => {
    fakeApi({
      'POST /contacts': () =>
        problem(409, { detail: 'That email belongs to another contact.', field: 'email' }),
    });
    const onClose = vi.fn();
    const { user } = renderWithApp(<AddContact onClose={onClose} />);

    const dialog = await fillIn(user);

    await waitFor(() =>
      expect(within(dialog).getByLabelText('Email')).toHaveAccessibleDescription(
        'That email belongs to another contact.',
      ),
    );
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows a refusal no field explains above the form, and clears it on the next try', async () => {
    let attempts = 0;
    fakeApi({
      'POST /contacts': () => {
        attempts += 1;
        return attempts === 1
          ? problem(503, { detail: 'The directory is unavailable.' })
          : { status: 201, body: { name: 'Adele' } };
      },
    });
    const onClose = vi.fn();
    const { user } = renderWithApp(<AddContact onClose={onClose} />);

    const dialog = await fillIn(user);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The directory is unavailable.',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
  });
});
