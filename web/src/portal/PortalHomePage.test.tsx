import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TPortalCloseout } from '../../../src/server/portal/schema.js';
import {
  COPY_ID,
  ITEM_ID,
  PORTAL_CLOSEOUT_ID,
  portalBackupCopy,
  portalCloseout,
  portalHandoverItem,
  portalMe,
  TICKET_ID,
} from '../../test/fixtures/portal.js';
import { type ApiHandlers, fakeApi, renderWithApp } from '../../test/render.js';
import { PortalHome } from './PortalHomePage.js';

const BASE = `/portal/closeouts/${PORTAL_CLOSEOUT_ID}`;

function renderHome(closeout: TPortalCloseout, handlers: ApiHandlers = {}) {
  const api = fakeApi({
    'GET /portal/me': () => portalMe(),
    'GET /portal/closeout': () => closeout,
    'GET /portal/closeouts': () => ({ items: [] }),
    [`GET ${BASE}/responsibility-statement`]: () => ({
      organisationName: 'Harbour IT',
      clientName: 'Harbourview Dental',
      statement: 'On behalf of Harbourview Dental, I accept responsibility.',
    }),
    ...handlers,
  });
  const rendered = renderWithApp(<PortalHome />, { route: '/portal', user: null });
  return { api, ...rendered };
}

const posts = (api: ReturnType<typeof fakeApi>) =>
  api.requests.filter((request) => request.method === 'POST');

const region = (name: string) => screen.getByRole('region', { name });

describe('the portal home', () => {
  it('shows the closeout, its steps, its dates and the meeting', async () => {
    renderHome(portalCloseout());

    expect(await screen.findByRole('heading', { name: 'Closeout CO-2026-0042' })).toBeVisible();
    expect(screen.getByText(/now at 11a\.04 Deactivation Session/)).toBeInTheDocument();
    const timeline = region('Timeline');
    expect(within(timeline).getByText(/11b Service Deactivation/)).toBeInTheDocument();
    expect(within(timeline).getByText('Service ends')).toBeInTheDocument();
    expect(within(region('Closeout meeting')).getByText('Video call')).toBeInTheDocument();
  });

  it('says so when the client has no closeout, and when lists are empty', async () => {
    fakeApi({
      'GET /portal/me': () => portalMe(),
      'GET /portal/closeout': () => ({
        status: 404,
        body: {
          type: 'about:blank',
          title: 'Not found',
          status: 404,
          detail: 'No',
          code: 'not_found',
        },
      }),
    });
    renderWithApp(<PortalHome />, { route: '/portal', user: null });
    expect(await screen.findByText('Nothing to do here yet')).toBeInTheDocument();
  });

  it('shows empty states for tickets, credentials and backups', async () => {
    renderHome(portalCloseout({ tickets: [], handoverItems: [], backupCopies: [] }));
    expect(await screen.findByText('No open tickets')).toBeInTheDocument();
    expect(screen.getByText('No credentials yet')).toBeInTheDocument();
    expect(screen.getByText('No backup copy yet')).toBeInTheDocument();
  });

  it('sends to the sign-in without a portal session', async () => {
    fakeApi({
      'GET /portal/me': () => ({
        status: 401,
        body: {
          type: 'about:blank',
          title: 'No',
          status: 401,
          detail: 'Sign in',
          code: 'unauthenticated',
        },
      }),
    });
    const { router } = renderWithApp(<PortalHome />, {
      route: '/portal',
      path: '/portal',
      user: null,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/sign-in'));
  });

  it('reloads the closeout and says so when the provider changed it first', async () => {
    const { api, user } = renderHome(portalCloseout(), {
      [`POST ${BASE}/tickets/${TICKET_ID}/response`]: () => ({
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'This closeout was changed in the meantime.',
          code: 'stale_version',
        },
      }),
    });

    const ticket = await screen.findByRole('article', { name: 'HVD-101 Printer offline' });
    await user.click(within(ticket).getByRole('button', { name: /^Agree/ }));

    expect(await screen.findByText('Updated in the meantime')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.requests.filter((request) => request.path === '/portal/closeout')).toHaveLength(2),
    );
  });

  it('agrees with a ticket, or questions it with the question required', async () => {
    const closeout = portalCloseout();
    const { api, user } = renderHome(closeout, {
      [`POST ${BASE}/tickets/${TICKET_ID}/response`]: () => closeout,
    });

    const ticket = await screen.findByRole('article', { name: 'HVD-101 Printer offline' });
    await user.click(within(ticket).getByRole('button', { name: /^Agree/ }));
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ agreed: true, question: null });
    expect(posts(api)[0]!.headers['if-match']).toBe('"7"');

    await user.click(within(ticket).getByRole('button', { name: /^Question/ }));
    await user.click(within(ticket).getByRole('button', { name: 'Send the question' }));
    expect(within(ticket).getByRole('textbox', { name: /Your question/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(posts(api)).toHaveLength(1);
    await user.type(
      within(ticket).getByRole('textbox', { name: /Your question/ }),
      'Can it wait for the new provider?',
    );
    await user.click(within(ticket).getByRole('button', { name: 'Send the question' }));
    await waitFor(() => expect(posts(api)).toHaveLength(2));
    expect(posts(api)[1]!.body).toEqual({
      agreed: false,
      question: 'Can it wait for the new provider?',
    });
  });

  it('reveals a credential once, then confirms it works', async () => {
    const closeout = portalCloseout();
    const revealedCloseout = portalCloseout({
      handoverItems: [
        portalHandoverItem({
          secret: {
            status: 'revealed',
            revealedAt: '2026-12-01T14:05:00.000Z',
            revealedBy: 'Nora Lindqvist',
          },
        }),
      ],
    });
    let revealed = false;
    const { api, user } = renderHome(closeout, {
      'GET /portal/closeout': () => (revealed ? revealedCloseout : closeout),
      [`POST ${BASE}/handover-items/${ITEM_ID}/reveal`]: () => {
        revealed = true;
        return {
          itemId: ITEM_ID,
          systemName: 'Microsoft 365',
          credentialLabel: 'Global administrator',
          revealedAt: '2026-12-01T14:05:00.000Z',
          fields: [
            { key: 'username', label: 'Username', value: 'admin@harbourview.example' },
            { key: 'password', label: 'Password', value: 'correct-horse-battery' },
          ],
        };
      },
      [`POST ${BASE}/handover-items/${ITEM_ID}/confirm`]: () => revealedCloseout,
    });

    const item = await screen.findByRole('article', {
      name: 'Microsoft 365: Global administrator',
    });
    expect(within(item).queryByRole('button', { name: /^It works/ })).not.toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: /^Reveal/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/shown/)).toHaveTextContent('The credential is shown once.');
    await user.click(within(dialog).getByRole('button', { name: 'Reveal it now' }));

    expect(await within(item).findByText('correct-horse-battery')).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: 'Copy the password' })).toBeInTheDocument();
    // The closeout read again says "revealed"; the secret stays on the page that revealed it.
    await waitFor(() =>
      expect(api.requests.filter((request) => request.path === '/portal/closeout')).toHaveLength(2),
    );
    expect(within(item).getByText('correct-horse-battery')).toBeInTheDocument();

    await user.click(within(item).getByRole('button', { name: /^It works/ }));
    await waitFor(() =>
      expect(posts(api).map((request) => request.path)).toEqual([
        `${BASE}/handover-items/${ITEM_ID}/reveal`,
        `${BASE}/handover-items/${ITEM_ID}/confirm`,
      ]),
    );
  });

  it('says a revealed credential needs re-issuing, and reports a problem with it', async () => {
    const closeout = portalCloseout({
      handoverItems: [
        portalHandoverItem({
          secret: {
            status: 'revealed',
            revealedAt: '2026-12-01T14:05:00.000Z',
            revealedBy: 'Nora Lindqvist',
          },
        }),
      ],
    });
    const { api, user } = renderHome(closeout, {
      [`POST ${BASE}/handover-items/${ITEM_ID}/problem`]: () => closeout,
    });

    const item = await screen.findByRole('article', {
      name: 'Microsoft 365: Global administrator',
    });
    expect(within(item).getByText(/ask your provider to re-issue it/)).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: /^Reveal/ })).not.toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: /^Report a problem/ }));
    await user.click(within(item).getByRole('button', { name: 'Report the problem' }));
    expect(posts(api)).toHaveLength(0);
    await user.type(
      within(item).getByRole('textbox', { name: /What does not work/ }),
      'The password is refused.',
    );
    await user.click(within(item).getByRole('button', { name: 'Report the problem' }));
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ description: 'The password is refused.' });
  });

  it('checks the received file’s SHA-256 in the browser before confirming receipt', async () => {
    const closeout = portalCloseout();
    const { api, user } = renderHome(closeout, {
      [`POST ${BASE}/backup-copies/${COPY_ID}/receipt`]: () => closeout,
    });

    const copy = await screen.findByRole('article', { name: 'Full export of the mailboxes' });
    const confirm = within(copy).getByRole('button', { name: 'Confirm receipt' });
    expect(confirm).toBeDisabled();

    const checksum = within(copy).getByRole('textbox', { name: /SHA-256 of the file/ });
    await user.type(checksum, 'a'.repeat(64));
    expect(within(copy).getByText(/Does not match the checksum/)).toBeInTheDocument();
    expect(confirm).toBeDisabled();
    await user.clear(checksum);

    const input = copy.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['hello'], 'mailboxes.zip', { type: 'application/zip' }));
    await waitFor(() => expect(checksum).toHaveValue(portalBackupCopy().sha256));
    expect(within(copy).getByText(/Matches the checksum of the copy/)).toBeInTheDocument();
    await user.click(confirm);
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ sha256: portalBackupCopy().sha256 });
  });

  it('takes a pasted sha256sum line as the checksum', async () => {
    const closeout = portalCloseout();
    const { api, user } = renderHome(closeout, {
      [`POST ${BASE}/backup-copies/${COPY_ID}/receipt`]: () => closeout,
    });
    const copy = await screen.findByRole('article', { name: 'Full export of the mailboxes' });
    const checksum = within(copy).getByRole('textbox', { name: /SHA-256 of the file/ });
    await user.click(checksum);
    await user.paste(`${portalBackupCopy().sha256.toUpperCase()}  mailboxes.zip`);
    await user.click(within(copy).getByRole('button', { name: 'Confirm receipt' }));
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ sha256: portalBackupCopy().sha256 });
  });

  it('signs the transfer of responsibility with name, title, consent and moment', async () => {
    const closeout = portalCloseout({ deactivationSessionAt: null });
    const signed = portalCloseout({
      responsibility: {
        acceptedByName: 'Nora Lindqvist',
        acceptedByTitle: 'Practice Manager',
        acceptedAt: '2026-12-01T15:00:00.000Z',
        effectiveFrom: '2026-12-01T15:00:00.000Z',
        signedInPortal: {
          portalUserId: portalMe().id,
          email: 'nora@example.com',
          ip: '127.0.0.1',
          statement: 'On behalf of Harbourview Dental, I accept responsibility.',
        },
        receiptAvailable: true,
      },
    });
    const { api, user } = renderHome(closeout, {
      [`POST ${BASE}/responsibility`]: () => signed,
    });

    const section = await screen.findByRole('region', { name: 'Transfer of responsibility' });
    expect(
      await within(section).findByText('On behalf of Harbourview Dental, I accept responsibility.'),
    ).toBeInTheDocument();
    await user.type(
      within(section).getByRole('textbox', { name: /Your full name/ }),
      'Nora Lindqvist',
    );
    await user.type(
      within(section).getByRole('textbox', { name: /Your title/ }),
      'Practice Manager',
    );
    await user.click(within(section).getByRole('button', { name: 'Sign' }));
    expect(within(section).getByText('Tick the box to consent to the statement.')).toBeVisible();
    expect(posts(api)).toHaveLength(0);

    await user.click(within(section).getByRole('checkbox', { name: /I have read the statement/ }));
    await user.click(within(section).getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    const body = posts(api)[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      fullName: 'Nora Lindqvist',
      title: 'Practice Manager',
      consent: true,
    });
    expect(Math.abs(Date.parse(body.effectiveFrom as string) - Date.now())).toBeLessThan(120_000);

    const receipt = await within(section).findByRole('link', { name: /Download receipt \(PDF\)/ });
    expect(receipt).toHaveAttribute('href', `/api/v1${BASE}/responsibility-receipt.pdf`);
    expect(within(section).getByText('Nora Lindqvist')).toBeInTheDocument();
  });
});
