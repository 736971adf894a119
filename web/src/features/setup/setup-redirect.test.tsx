import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultPersonalisation } from '../../../../src/blueprint/personalise.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../test/render.js';
import { Shell } from '../../app/Shell.js';

const notSetUp = {
  id: '00000000-0000-4000-8000-0000000000aa',
  name: 'My MSP',
  personalisation: defaultPersonalisation('My MSP'),
  setupCompleted: false,
};

describe('the first-run redirect of the shell', () => {
  it('sends an administrator of an organisation not yet set up to the setup', async () => {
    fakeApi({});
    const { router } = renderWithApp(<Shell />, {
      route: '/closeouts',
      user: signedInUser({ roles: ['admin'], organisation: notSetUp }),
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/setup'));
  });

  it('lets everyone else work while the administrator has not finished it', async () => {
    fakeApi({});
    const { router, findByRole } = renderWithApp(<Shell />, {
      route: '/closeouts',
      user: signedInUser({ roles: ['technician'], organisation: notSetUp }),
    });
    expect(await findByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/closeouts');
  });
});
