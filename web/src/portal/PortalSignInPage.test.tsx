import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { portalMe } from '../../test/fixtures/portal.js';
import { fakeApi, renderWithApp } from '../../test/render.js';
import { PortalLinkLandingPage } from './PortalLinkLanding.js';
import { PortalSignInPage } from './PortalSignInPage.js';

const notSignedIn = { 'GET /portal/me': () => ({ status: 401, body: problem(401, 'Sign in.') }) };

function problem(status: number, detail: string, code = 'unauthenticated') {
  return { type: 'about:blank', title: 'Refused', status, detail, code };
}

describe('the portal sign-in', () => {
  it('asks for a link and says to check the mail, whatever the address', async () => {
    const api = fakeApi({
      ...notSignedIn,
      'POST /portal/sign-in-links': () => ({
        status: 202,
        body: {
          message: 'If the address belongs to a portal user, a link is on its way.',
          expiresInMinutes: 15,
        },
      }),
    });
    const { user } = renderWithApp(<PortalSignInPage />, { route: '/portal/sign-in', user: null });

    await user.click(await screen.findByRole('button', { name: 'Email me a sign-in link' }));
    expect(screen.getByRole('textbox', { name: /Your email address/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await user.type(
      screen.getByRole('textbox', { name: /Your email address/ }),
      'Nora@Example.com',
    );
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));

    expect(await screen.findByRole('heading', { name: 'Check your mail' })).toBeInTheDocument();
    expect(screen.getByText(/a link is on its way/)).toBeInTheDocument();
    const posts = api.requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ email: 'Nora@Example.com' });
  });

  it('explains a refusal for too many requests politely', async () => {
    fakeApi({
      ...notSignedIn,
      'POST /portal/sign-in-links': () => ({
        status: 429,
        body: problem(429, 'Too many requests.', 'rate_limited'),
      }),
    });
    const { user } = renderWithApp(<PortalSignInPage />, { route: '/portal/sign-in', user: null });

    await user.type(
      await screen.findByRole('textbox', { name: /Your email address/ }),
      'nora@example.com',
    );
    await user.click(screen.getByRole('button', { name: 'Email me a sign-in link' }));
    expect(await screen.findByText('Please wait a little')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Check your mail' })).not.toBeInTheDocument();
  });

  it('signs in with the link’s token once and goes to the portal', async () => {
    const api = fakeApi({ ...notSignedIn, 'POST /portal/sign-in': () => portalMe() });
    const { router } = renderWithApp(<PortalSignInPage />, {
      route: '/portal/sign-in?token=abc123',
      path: '/portal/sign-in',
      user: null,
    });

    await waitFor(() => expect(router.state.location.pathname).toBe('/portal'));
    const posts = api.requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ token: 'abc123' });
  });

  it('explains a used link and offers a new one', async () => {
    fakeApi({
      ...notSignedIn,
      'POST /portal/sign-in': () => ({
        status: 410,
        body: problem(410, 'This sign-in link was already used.', 'gone'),
      }),
    });
    const { user, router } = renderWithApp(<PortalLinkLandingPage />, {
      route: '/portal/sign-in/used-token',
      path: '/portal/sign-in/:token',
      user: null,
    });

    expect(
      await screen.findByRole('heading', { name: 'This sign-in link no longer works' }),
    ).toBeInTheDocument();
    expect(screen.getByText('This sign-in link was already used.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Email me a new link' }));
    expect(router.state.location.pathname).toBe('/portal/sign-in');
  });
});
