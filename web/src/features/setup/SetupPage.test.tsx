import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultPersonalisation } from '../../../../src/blueprint/personalise.js';
import type { TSignedInUser } from '../../../../src/server/auth/schema.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../test/render.js';
import { SetupPage } from './SetupPage.js';

const firstAdministrator = signedInUser({
  name: 'Administrator',
  email: 'admin@closeout.local',
  roles: ['admin', 'service_manager'],
  organisation: {
    id: '00000000-0000-4000-8000-0000000000aa',
    name: 'My MSP',
    personalisation: defaultPersonalisation('My MSP'),
    setupCompleted: false,
  },
});

describe('SetupPage', () => {
  it('posts the organisation and the administrator’s own account, then opens the dashboard', async () => {
    const { requests } = fakeApi({
      'POST /setup': ({ body }) => {
        const request = body as {
          organisation: { name: string; primaryColor: string };
          administrator: { name: string; email: string };
        };
        return {
          ...firstAdministrator,
          name: request.administrator.name,
          email: request.administrator.email,
          organisation: {
            ...firstAdministrator.organisation,
            name: request.organisation.name,
            personalisation: {
              ...firstAdministrator.organisation.personalisation,
              organisationName: request.organisation.name,
              primaryColor: request.organisation.primaryColor,
            },
            setupCompleted: true,
          },
        } satisfies TSignedInUser;
      },
    });
    const { user, router } = renderWithApp(<SetupPage />, {
      route: '/setup',
      path: '/setup',
      user: firstAdministrator,
    });

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText(/Organisation name/)).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByLabelText(/Organisation name/), 'Northwind Managed IT');
    const colour = screen.getByLabelText(/Brand colour/);
    await user.clear(colour);
    await user.type(colour, '#0a7d4f');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.type(await screen.findByLabelText(/Your name/), 'Nadia Northwind');
    await user.type(screen.getByLabelText(/Your email/), 'nadia@northwind.example');
    await user.type(screen.getByLabelText(/New password/), 'a long and memorable phrase');
    await user.click(screen.getByRole('button', { name: 'Finish setup' }));

    expect(await screen.findByText('Northwind Managed IT is ready')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST')).toEqual([
      expect.objectContaining({
        path: '/setup',
        body: {
          organisation: { name: 'Northwind Managed IT', primaryColor: '#0a7d4f' },
          administrator: {
            name: 'Nadia Northwind',
            email: 'nadia@northwind.example',
            password: 'a long and memorable phrase',
          },
        },
      }),
    ]);

    await user.click(screen.getByRole('button', { name: 'Go to the dashboard' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('puts the API’s refusal beside the field it names', async () => {
    fakeApi({
      'POST /setup': () => ({
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'A user with this email address already exists.',
          code: 'conflict',
          field: 'administrator.email',
        },
      }),
    });
    const { user } = renderWithApp(<SetupPage />, {
      route: '/setup',
      path: '/setup',
      user: firstAdministrator,
    });
    await user.type(screen.getByLabelText(/Organisation name/), 'Northwind Managed IT');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(await screen.findByLabelText(/Your name/), 'Nadia Northwind');
    await user.type(screen.getByLabelText(/Your email/), 'sam@northwind.example');
    await user.type(screen.getByLabelText(/New password/), 'a long and memorable phrase');
    await user.click(screen.getByRole('button', { name: 'Finish setup' }));

    expect(
      await screen.findByText('A user with this email address already exists.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Your email/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends whoever has nothing to set up to the dashboard', async () => {
    fakeApi({});
    const { router } = renderWithApp(<SetupPage />, {
      route: '/setup',
      path: '/setup',
      user: { ...firstAdministrator, roles: ['service_manager'] },
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('asks to sign in first', async () => {
    fakeApi({});
    const { router } = renderWithApp(<SetupPage />, {
      route: '/setup',
      path: '/setup',
      user: null,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe('?next=%2Fsetup');
  });
});
