import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import type {
  THandoverSecretStatus,
  TRevealedHandoverSecret,
} from '../../../../../../src/server/handover-secrets/schema.js';
import {
  buildCloseoutDetail,
  buildDefinition,
  buildTimelineEvent,
  CLOSEOUT_ID,
} from '../../../../../test/fixtures/closeout.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../../../test/render.js';
import { themeFor } from '../../../../app/theme.js';
import { describeEvent } from '../timeline-sentence.js';
import { HandoverSecretControls } from './HandoverSecretControls.js';
import { HandoverSecretRevealModal, REVEAL_SECONDS } from './HandoverSecretRevealModal.js';

type THandoverItem = TCloseoutDetail['handoverItems'][number];

const ITEM_ID = '55555555-5555-4555-8555-000000000001';
const SECRET_PATH = `/closeouts/${CLOSEOUT_ID}/handover-items/${ITEM_ID}/secret`;

const item: THandoverItem = {
  id: ITEM_ID,
  managedSystemId: null,
  systemName: 'Microsoft 365',
  credentialLabel: 'Global administrator',
  notes: '',
  handedOverAt: null,
  handedOverBy: null,
  confirmedAt: null,
  confirmedBy: null,
};

const notStored: THandoverSecretStatus = {
  itemId: ITEM_ID,
  stored: false,
  updatedAt: null,
  updatedBy: null,
  issuedAt: null,
  issueCount: 0,
  clientRevealedAt: null,
  clientRevealedBy: null,
};

const stored = (overrides: Partial<THandoverSecretStatus> = {}): THandoverSecretStatus => ({
  itemId: ITEM_ID,
  stored: true,
  updatedAt: '2026-11-20T09:00:00.000Z',
  updatedBy: 'Tina Tech',
  issuedAt: '2026-11-20T09:00:00.000Z',
  issueCount: 1,
  clientRevealedAt: null,
  clientRevealedBy: null,
  ...overrides,
});

const revealed: TRevealedHandoverSecret = {
  itemId: ITEM_ID,
  systemName: 'Microsoft 365',
  credentialLabel: 'Global administrator',
  secret: {
    username: 'admin@fabrikam.onmicrosoft.com',
    password: 'Kx9!vault-7731',
    url: 'https://admin.microsoft.com',
    notes: '',
    mfaRecoveryCodes: ['RC-1111', 'RC-2222'],
  },
  revealedAt: '2026-11-21T10:00:00.000Z',
};

function renderControls(
  status: THandoverSecretStatus,
  options: { roles?: ReturnType<typeof signedInUser>['roles']; editable?: boolean } = {},
) {
  let current = status;
  const api = fakeApi({
    [`GET /closeouts/${CLOSEOUT_ID}/handover-secrets`]: () => [current],
    [`PUT ${SECRET_PATH}`]: () => {
      current = stored({ issueCount: current.issueCount + 1 });
      return current;
    },
    [`POST ${SECRET_PATH}/reveal`]: () => revealed,
    [`POST ${SECRET_PATH}/reissue`]: () => {
      current = stored({ issueCount: current.issueCount + 1 });
      return current;
    },
  });
  const rendered = renderWithApp(
    <HandoverSecretControls
      closeout={buildCloseoutDetail()}
      item={item}
      editable={options.editable ?? true}
    />,
    options.roles === undefined ? {} : { user: signedInUser({ roles: options.roles }) },
  );
  return { ...rendered, api };
}

const sent = (api: ReturnType<typeof fakeApi>, method: string) =>
  api.requests.filter((request) => request.method === method);

describe('HandoverSecretControls', () => {
  it('enters a secret: the password as typed, one recovery code per line', async () => {
    const { user, api } = renderControls(notStored, { roles: ['technician'] });
    expect(await screen.findByText('No secret stored')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Enter secret' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Store secret' }));
    expect(await within(dialog).findByText('Enter the password or key')).toBeInTheDocument();
    expect(sent(api, 'PUT')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Username'), 'admin@fabrikam.example');
    await user.type(within(dialog).getByLabelText(/Password or key/), ' pass word ');
    await user.type(within(dialog).getByLabelText('Where to sign in'), 'https://portal.example');
    await user.type(
      within(dialog).getByLabelText('MFA recovery codes'),
      'RC-1{enter}{enter}RC-2{enter}',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Store secret' }));

    await waitFor(() => expect(sent(api, 'PUT')).toHaveLength(1));
    expect(sent(api, 'PUT')[0]!.body).toEqual({
      username: 'admin@fabrikam.example',
      password: ' pass word ',
      url: 'https://portal.example',
      notes: '',
      mfaRecoveryCodes: ['RC-1', 'RC-2'],
    });
    expect(
      await screen.findByText(
        'Microsoft 365: the secret of Global administrator is stored, encrypted.',
      ),
    ).toBeInTheDocument();
  });

  it('keeps a private key with its line breaks', async () => {
    const { user, api } = renderControls(notStored, { roles: ['service_manager'] });
    await user.click(await screen.findByRole('button', { name: 'Enter secret' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText(/private key or certificate/));
    fireEvent.change(within(dialog).getByLabelText(/Password or key/), {
      target: { value: '-----BEGIN KEY-----\nabc\n-----END KEY-----' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Store secret' }));
    await waitFor(() => expect(sent(api, 'PUT')).toHaveLength(1));
    expect(sent(api, 'PUT')[0]!.body).toMatchObject({
      password: '-----BEGIN KEY-----\nabc\n-----END KEY-----',
    });
  });

  it('says whether the client revealed it, reveals it to a technician in a dialog, and hides it', async () => {
    const { user, api } = renderControls(
      stored({ clientRevealedAt: '2026-11-21T10:00:00.000Z', clientRevealedBy: 'Grace Hopper' }),
      { roles: ['technician'] },
    );
    expect(
      await screen.findByText(/^Stored · issued .* · revealed by client Grace Hopper, /),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace secret' })).toBeInTheDocument();
    expect(screen.queryByText('Kx9!vault-7731')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Reveal/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Kx9!vault-7731')).toBeInTheDocument();
    expect(within(dialog).getByText(/RC-1111\s+RC-2222/)).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Copy password or key' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/recorded in the closeout's timeline/)).toBeInTheDocument();
    expect(sent(api, 'POST').map((request) => request.path)).toEqual([`${SECRET_PATH}/reveal`]);

    await user.click(within(dialog).getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(screen.queryByText('Kx9!vault-7731')).not.toBeInTheDocument());
  });

  it('tells whoever may not reveal it which roles can, and sends nothing', async () => {
    const { user, api } = renderControls(stored(), { roles: ['account_manager'] });
    const reveal = await screen.findByRole('button', { name: /^Reveal/ });
    expect(reveal).toHaveAttribute('aria-disabled', 'true');
    await user.hover(reveal);
    expect(
      await screen.findByText('This needs one of these roles: Service Manager, Technician.'),
    ).toBeInTheDocument();
    await user.click(reveal);
    expect(sent(api, 'POST')).toHaveLength(0);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('re-issues to the client only once the client has revealed the current issue', async () => {
    const first = renderControls(stored({ issueCount: 1 }), { roles: ['technician'] });
    const blocked = await screen.findByRole('button', { name: 'Re-issue to client' });
    expect(blocked).toHaveAttribute('aria-disabled', 'true');
    first.unmount();

    const { user, api } = renderControls(
      stored({ clientRevealedAt: '2026-11-21T10:00:00.000Z', clientRevealedBy: 'Grace Hopper' }),
      { roles: ['technician'] },
    );
    await user.click(await screen.findByRole('button', { name: 'Re-issue to client' }));
    await waitFor(() =>
      expect(sent(api, 'POST').map((request) => request.path)).toEqual([`${SECRET_PATH}/reissue`]),
    );
    expect(await screen.findByText(/issued to the client again/)).toBeInTheDocument();
    expect(
      await screen.findByText(/\(issue 2\) · not yet revealed by the client$/),
    ).toBeInTheDocument();
  });

  it('offers no changes on a closeout that can no longer change, but still the reveal', async () => {
    renderControls(stored(), { roles: ['technician'], editable: false });
    expect(await screen.findByRole('button', { name: /^Reveal/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Replace secret' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Re-issue to client' })).not.toBeInTheDocument();
  });
});

describe('HandoverSecretRevealModal', () => {
  it(`hides the secret by itself after ${REVEAL_SECONDS} seconds`, () => {
    vi.useFakeTimers();
    try {
      const onClose = vi.fn();
      render(
        <MantineProvider theme={themeFor()}>
          <HandoverSecretRevealModal revealed={revealed} onClose={onClose} />
        </MantineProvider>,
      );
      expect(
        screen.getByText(`It hides in ${REVEAL_SECONDS} s.`, { exact: false }),
      ).toBeInTheDocument();
      act(() => vi.advanceTimersByTime((REVEAL_SECONDS - 1) * 1000));
      expect(onClose).not.toHaveBeenCalled();
      act(() => vi.advanceTimersByTime(1000));
      expect(onClose).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the vault in the timeline', () => {
  it('names the credential and who revealed it, and shows the issue changing, never a secret', () => {
    const view = (issueCount: number, clientRevealedAt: string | null) => ({
      systemName: 'Microsoft 365',
      credentialLabel: 'Global administrator',
      secretStored: true,
      issueCount,
      clientRevealedAt,
    });
    const described = (overrides: Parameters<typeof buildTimelineEvent>[0]) =>
      describeEvent(
        buildTimelineEvent({ entityType: 'handover_item', entityId: ITEM_ID, ...overrides }),
        buildDefinition(),
        () => 'someone',
        (key) => key,
      );

    const clientReveal = described({
      action: 'client_reveal_handover_secret',
      actor: { kind: 'client_contact', id: 'p1', name: 'Grace Hopper' },
      before: view(1, null),
      after: view(1, '2026-11-21T10:00:00.000Z'),
    });
    expect(clientReveal.actor).toBe('Grace Hopper (client)');
    expect(clientReveal.phrase).toBe(
      'revealed the secret of “Microsoft 365 · Global administrator”',
    );

    const reissue = described({
      action: 'reissue_handover_secret',
      before: view(1, '2026-11-21T10:00:00.000Z'),
      after: view(2, null),
    });
    expect(reissue.phrase).toBe(
      'issued the secret of “Microsoft 365 · Global administrator” to the client again',
    );
    expect(reissue.changes.map((change) => change.field)).toContain('Issue count');
  });
});
