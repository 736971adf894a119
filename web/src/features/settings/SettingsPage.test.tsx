import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultPersonalisation } from '../../../../src/blueprint/personalise.js';
import { DEFAULT_REASON_TAXONOMY } from '../../../../src/blueprint/reason-taxonomy.js';
import type { TOrganisation } from '../../../../src/server/organisation/schema.js';
import type { TUser } from '../../../../src/server/users/schema.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../test/render.js';
import { SettingsPage } from './SettingsPage.js';

const organisation: TOrganisation = {
  id: '00000000-0000-4000-8000-0000000000aa',
  name: 'Harbour IT',
  personalisation: {
    ...defaultPersonalisation('Harbour IT'),
    roleNames: { technician: 'Service Desk Engineer' },
  },
  reasons: DEFAULT_REASON_TAXONOMY,
};

const administrator = signedInUser({
  roles: ['admin'],
  organisation: {
    id: organisation.id,
    name: organisation.name,
    personalisation: organisation.personalisation,
    setupCompleted: true,
  },
});

const users: TUser[] = [
  {
    id: administrator.id,
    name: administrator.name,
    email: administrator.email,
    roles: ['admin'],
    active: true,
    createdAt: '2026-01-05T09:00:00.000Z',
    lastSignInAt: '2026-03-01T08:30:00.000Z',
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Tess Technician',
    email: 'tess@msp.test',
    roles: ['technician'],
    active: true,
    createdAt: '2026-01-05T09:00:00.000Z',
    lastSignInAt: null,
  },
];

/** The organisation, saving its personalisation as sent, and the session read again after. */
const personalisationApi = () =>
  fakeApi({
    'GET /organisation': () => organisation,
    'PUT /organisation/personalisation': ({ body }) => ({ ...organisation, personalisation: body }),
    'GET /auth/me': () => administrator,
  });

const renderSettings = (route: string, user = administrator) =>
  renderWithApp(<SettingsPage />, { route, path: '/settings/*', user });

describe('SettingsPage', () => {
  it('opens on the organisation', async () => {
    fakeApi({ 'GET /organisation': () => organisation });
    const { router } = renderSettings('/settings');
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings/organisation'));
    expect(await screen.findByRole('heading', { name: 'Organisation' })).toBeInTheDocument();
  });

  it('saves the organisation’s colour and reads the session again for the shell', async () => {
    const { requests } = personalisationApi();
    const { user } = renderSettings('/settings/organisation');

    const colour = await screen.findByLabelText(/Brand colour/);
    await user.clear(colour);
    await user.type(colour, '#0a7d4f');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(requests.map((request) => `${request.method} ${request.path}`)).toContain(
        'GET /auth/me',
      ),
    );
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({ ...organisation.personalisation, primaryColor: '#0a7d4f' });
    expect(await screen.findByText('Your organisation was saved.')).toBeInTheDocument();
  });

  it('discards unsaved changes, and reads as unchanged once saved', async () => {
    const { requests } = personalisationApi();
    const { user } = renderSettings('/settings/organisation');
    const name = await screen.findByLabelText(/Organisation name/);
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    await user.type(name, ' Group');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(name).toHaveValue('Harbour IT');

    await user.type(name, ' Group');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Discard changes' })).not.toBeInTheDocument(),
    );
    const save = screen.getByRole('button', { name: 'Save changes' });
    expect(save).toBeDisabled();
    expect(save).not.toHaveAttribute('data-loading');
    expect(name).toHaveValue('Harbour IT Group');
    expect(requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
  });

  it('shows the organisation read-only to whoever is not an administrator', async () => {
    fakeApi({ 'GET /organisation': () => organisation });
    renderSettings('/settings/organisation', signedInUser({ roles: ['service_manager'] }));

    expect(await screen.findByLabelText(/Organisation name/)).toBeDisabled();
    expect(screen.getByText('Only an administrator can change this.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
  });

  it('adds a reason with a key from its label, and retires one instead of deleting it', async () => {
    const { requests } = fakeApi({
      'GET /organisation': () => organisation,
      'PUT /organisation/reason-taxonomy': ({ body }) => body,
    });
    const { user } = renderSettings('/settings/reasons');

    await user.click(await screen.findByRole('button', { name: 'Retire Price' }));
    await user.click(screen.getByRole('button', { name: 'Add a reason' }));
    await user.type(screen.getByLabelText('Label of the new reason'), 'Moved abroad');
    expect(screen.getByLabelText('Key of the new reason')).toHaveValue('moved_abroad');
    const newReason = screen.getByRole('listitem', { name: 'New reason' });
    await user.click(within(newReason).getByText('We end it'));
    await user.click(screen.getByRole('button', { name: 'Save reasons' }));

    await waitFor(() => expect(requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({
      reasons: [
        ...DEFAULT_REASON_TAXONOMY.map((reason) =>
          reason.key === 'price' ? { ...reason, retired: true } : reason,
        ),
        { key: 'moved_abroad', label: 'Moved abroad', appliesTo: 'provider', retired: false },
      ],
    });
  });

  it('refuses a new user by the field at fault, in the browser and from the API', async () => {
    const { requests } = fakeApi({
      'GET /users': () => ({ users }),
      'POST /users': () => ({
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'A user with this email address already exists.',
          code: 'conflict',
          field: 'email',
        },
      }),
    });
    const { user } = renderSettings('/settings/users');

    expect(await screen.findByText('Tess Technician')).toBeInTheDocument();
    const tess = screen.getByRole('row', { name: /Tess Technician/ });
    expect(within(tess).getByText('Service Desk Engineer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a user' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Fin Finance');
    await user.type(within(dialog).getByLabelText(/^Email/), 'tess@msp.test');
    await user.click(within(dialog).getByLabelText('Finance'));
    await user.type(within(dialog).getByLabelText(/Initial password/), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Add user' }));

    expect(within(dialog).getByText('At least 12 characters')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await user.type(within(dialog).getByLabelText(/Initial password/), ' and much longer');
    await user.click(within(dialog).getByRole('button', { name: 'Add user' }));

    expect(
      await within(dialog).findByText('A user with this email address already exists.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Email/)).toHaveAttribute('aria-invalid', 'true');
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      name: 'Fin Finance',
      email: 'tess@msp.test',
      roles: ['finance'],
      password: 'short and much longer',
    });
  });

  it('deactivates a user only once confirmed', async () => {
    const tess = users[1] as TUser;
    const { requests } = fakeApi({
      'GET /users': () => ({ users }),
      [`PATCH /users/${tess.id}`]: () => ({ ...tess, active: false }),
    });
    const { user } = renderSettings('/settings/users');

    await user.click(await screen.findByRole('button', { name: 'Actions for Tess Technician' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Deactivate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Tess Technician?' });
    expect(requests.some((request) => request.method === 'PATCH')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ active: false });
    expect(await screen.findByText('Tess Technician was deactivated.')).toBeInTheDocument();
  });
});
