import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TPortalUser } from '../../../../../src/server/portal/schema.js';
import {
  buildCloseoutDetail,
  CLIENT_ID,
  CLOSEOUT_ID,
  stageRef,
} from '../../../../test/fixtures/closeout.js';
import { type ApiHandlers, fakeApi, renderWithApp, signedInUser } from '../../../../test/render.js';
import { PortalAccess } from './PortalAccess.js';

const CONTACT_ID = '99999999-9999-4999-8999-000000000001';

const NORA: TPortalUser = {
  id: '99999999-9999-4999-8999-000000000010',
  clientId: CLIENT_ID,
  contactId: CONTACT_ID,
  name: 'Nora Lindqvist',
  email: 'nora@example.com',
  status: 'active',
  invitedAt: '2026-11-20T09:00:00.000Z',
  invitedBy: 'Sam Service',
  revokedAt: null,
  lastSignInAt: '2026-11-21T08:30:00.000Z',
};

const USERS = `/closeouts/${CLOSEOUT_ID}/portal-users`;

function renderCard(handlers: ApiHandlers, closeout = buildCloseoutDetail()) {
  const api = fakeApi({
    [`GET /clients/${CLIENT_ID}`]: () => ({
      id: CLIENT_ID,
      name: closeout.client.name,
      contacts: [
        {
          id: CONTACT_ID,
          name: 'Nora Lindqvist',
          email: 'nora@example.com',
          phone: null,
          title: 'Practice Manager',
          isDecisionMaker: true,
          isTechnicalContact: false,
        },
        {
          id: '99999999-9999-4999-8999-000000000002',
          name: 'Olle Berg',
          email: null,
          phone: null,
          title: '',
          isDecisionMaker: false,
          isTechnicalContact: false,
        },
      ],
    }),
    ...handlers,
  });
  return { api, ...renderWithApp(<PortalAccess closeout={closeout} />) };
}

const posts = (api: ReturnType<typeof fakeApi>) =>
  api.requests.filter((request) => request.method === 'POST');

describe('PortalAccess', () => {
  it('lists the portal users with their last sign-in', async () => {
    renderCard({ [`GET ${USERS}`]: () => ({ items: [NORA] }) });
    const card = screen.getByRole('region', { name: 'Client portal' });
    expect(await within(card).findByText('Nora Lindqvist')).toBeInTheDocument();
    expect(within(card).getByText('Signed in')).toBeInTheDocument();
    expect(within(card).getByText(/^Last signed in/)).toBeInTheDocument();
  });

  it('says when nobody is invited', async () => {
    renderCard({ [`GET ${USERS}`]: () => ({ items: [] }) });
    expect(await screen.findByText('Nobody invited yet')).toBeInTheDocument();
  });

  it('invites one of the client’s contacts by its id', async () => {
    const { api, user } = renderCard({
      [`GET ${USERS}`]: () => ({ items: [] }),
      [`POST ${USERS}`]: () => ({ status: 201, body: { ...NORA, status: 'invited' } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Invite' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite to the client portal' });
    await user.click(within(dialog).getByRole('button', { name: 'Send the invitation' }));
    expect(posts(api)).toHaveLength(0);

    await user.click(within(dialog).getByRole('textbox', { name: /Contact/ }));
    await user.click(await screen.findByRole('option', { name: /Nora Lindqvist/, hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Send the invitation' }));
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ contactId: CONTACT_ID });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('invites someone else by name and address, with the API’s refusal beside the field', async () => {
    let attempts = 0;
    const { api, user } = renderCard({
      [`GET ${USERS}`]: () => ({ items: [] }),
      [`POST ${USERS}`]: () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 409,
              body: {
                type: 'about:blank',
                title: 'Conflict',
                status: 409,
                detail: 'This address is already invited.',
                code: 'conflict',
                field: 'email',
              },
            }
          : { status: 201, body: NORA };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Invite' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Someone else' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Ivan Incoming');
    await user.type(within(dialog).getByRole('textbox', { name: /^Email/ }), 'not-an-address');
    await user.click(within(dialog).getByRole('button', { name: 'Send the invitation' }));
    expect(posts(api)).toHaveLength(0);
    await user.clear(within(dialog).getByRole('textbox', { name: /^Email/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Email/ }), 'ivan@next.example');
    await user.click(within(dialog).getByRole('button', { name: 'Send the invitation' }));
    expect(await within(dialog).findByText('This address is already invited.')).toBeVisible();
    expect(posts(api)[0]!.body).toEqual({ name: 'Ivan Incoming', email: 'ivan@next.example' });
  });

  it('re-sends and revokes', async () => {
    const { api, user } = renderCard({
      [`GET ${USERS}`]: () => ({ items: [NORA] }),
      [`POST ${USERS}/${NORA.id}/resend`]: () => NORA,
      [`POST ${USERS}/${NORA.id}/revoke`]: () => ({ ...NORA, status: 'revoked' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Actions for Nora Lindqvist' }));
    await user.click(
      await screen.findByRole('menuitem', { name: 'Re-send the invitation', hidden: true }),
    );
    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(
      await screen.findByText(/A new sign-in link was sent to nora@example.com/),
    ).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Actions for Nora Lindqvist' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Revoke access', hidden: true }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke access' }));
    await waitFor(() =>
      expect(posts(api).map((request) => request.path)).toEqual([
        `${USERS}/${NORA.id}/resend`,
        `${USERS}/${NORA.id}/revoke`,
      ]),
    );
  });

  it('offers no invitation to a role that may not invite', async () => {
    fakeApi({ [`GET ${USERS}`]: () => ({ items: [NORA] }) });
    renderWithApp(<PortalAccess closeout={buildCloseoutDetail()} />, {
      user: signedInUser({ roles: ['finance'] }),
    });
    expect(await screen.findByText('Nora Lindqvist')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invite' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Actions for Nora Lindqvist' }),
    ).not.toBeInTheDocument();
  });

  it('offers the signed receipt once the client signed in the portal', async () => {
    const closeout = buildCloseoutDetail({
      stage: stageRef('deactivation_session'),
      responsibilityAcceptance: {
        acceptedByName: 'Nora Lindqvist',
        acceptedByTitle: 'Practice Manager',
        acceptedAt: '2026-12-01T15:00:00.000Z',
        effectiveFrom: '2026-12-01T15:00:00.000Z',
        recordedBy: 'Nora Lindqvist',
        signature: {
          portalUserId: NORA.id,
          email: NORA.email,
          statement: 'On behalf of Harbourview Dental, I accept responsibility.',
          ip: '127.0.0.1',
          userAgent: 'Firefox',
        },
      },
    });
    renderCard({ [`GET ${USERS}`]: () => ({ items: [NORA] }) }, closeout);
    const link = await screen.findByRole('link', { name: /Download receipt \(PDF\)/ });
    expect(link).toHaveAttribute(
      'href',
      `/api/v1/closeouts/${CLOSEOUT_ID}/responsibility-receipt.pdf`,
    );
  });

  it('offers no receipt for a transfer recorded from a signed paper', async () => {
    const closeout = buildCloseoutDetail({
      stage: stageRef('deactivation_session'),
      responsibilityAcceptance: {
        acceptedByName: 'Nora Lindqvist',
        acceptedByTitle: 'Practice Manager',
        acceptedAt: '2026-12-01T15:00:00.000Z',
        effectiveFrom: '2026-12-01T15:00:00.000Z',
        recordedBy: 'Sam Service',
        signature: null,
      },
    });
    renderCard({ [`GET ${USERS}`]: () => ({ items: [NORA] }) }, closeout);
    expect(await screen.findByText('Nora Lindqvist')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Download receipt/ })).not.toBeInTheDocument();
  });
});
