import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import {
  buildCloseoutDetail,
  buildDefinition,
  CLOSEOUT_ID,
  stageRef,
  unmetGate,
} from '../../../../../test/fixtures/closeout.js';
import {
  type ApiHandlers,
  fakeApi,
  renderWithApp,
  signedInUser,
} from '../../../../../test/render.js';
import { DeactivationSessionPanel } from './DeactivationSessionPanel.js';

type THandoverItem = TCloseoutDetail['handoverItems'][number];
type TBackupCopy = TCloseoutDetail['backupCopies'][number];

const ACTION = (path: string) => `POST /closeouts/${CLOSEOUT_ID}/${path}`;
const CHECKSUM = 'ab'.repeat(32);

const handoverItem = (n: number, overrides: Partial<THandoverItem> = {}): THandoverItem => ({
  id: `55555555-5555-4555-8555-${String(n).padStart(12, '0')}`,
  managedSystemId: null,
  systemName: 'Microsoft 365',
  credentialLabel: `Admin account ${n}`,
  notes: '',
  handedOverAt: null,
  handedOverBy: null,
  confirmedAt: null,
  confirmedBy: null,
  ...overrides,
});

const backupCopy = (overrides: Partial<TBackupCopy> = {}): TBackupCopy => ({
  id: '66666666-6666-4666-8666-000000000001',
  description: 'File server export',
  systemsCovered: ['File server'],
  sizeBytes: 250_000_000_000,
  sha256: CHECKSUM,
  medium: 'encrypted_drive',
  deliveredAt: '2026-11-20T09:00:00.000Z',
  deliveredBy: 'Tina Tech',
  receivedAt: null,
  receivedBy: null,
  checksumVerified: false,
  ...overrides,
});

const inSession = (overrides: Partial<TCloseoutDetail> = {}) =>
  buildCloseoutDetail({
    stage: stageRef('deactivation_session'),
    unmetStageGates: [unmetGate('session_held')],
    unmetClosingGates: [
      unmetGate('credentials_confirmed'),
      unmetGate('backup_received'),
      unmetGate('responsibility_accepted'),
    ],
    ...overrides,
  });

function renderPanel(
  closeout: TCloseoutDetail,
  options: { roles?: ReturnType<typeof signedInUser>['roles']; handlers?: ApiHandlers } = {},
) {
  const api = fakeApi({ 'GET /users/directory': () => ({ users: [] }), ...options.handlers });
  const rendered = renderWithApp(
    <DeactivationSessionPanel
      closeout={closeout}
      definition={buildDefinition()}
      stageKey="deactivation_session"
      editable
    />,
    options.roles === undefined ? {} : { user: signedInUser({ roles: options.roles }) },
  );
  return { ...rendered, api };
}

const posts = (api: ReturnType<typeof fakeApi>) =>
  api.requests.filter((request) => request.method === 'POST');

describe('DeactivationSessionPanel', () => {
  it('puts each gate of the stage on its own section', () => {
    renderPanel(inSession());

    for (const gate of [
      'credentials_confirmed',
      'backup_received',
      'session_held',
      'responsibility_accepted',
    ]) {
      expect(document.getElementById(`gate-${gate}`)).not.toBeNull();
    }
    const credentials = document.getElementById('gate-credentials_confirmed')!;
    expect(within(credentials).getByText('Administration credentials received')).toBeVisible();
  });

  it("generates handover items from the client's managed systems and says how many", async () => {
    const closeout = inSession();
    const { user, api } = renderPanel(closeout, {
      handlers: {
        [ACTION('handover-items/from-managed-systems')]: () => ({
          ...closeout,
          handoverItems: [handoverItem(1), handoverItem(2, { systemName: 'Firewall' })],
          version: closeout.version + 1,
        }),
      },
    });

    await user.click(
      screen.getByRole('button', { name: "Generate from the client's managed systems" }),
    );

    expect(
      await screen.findByText("2 credentials added from the client's managed systems."),
    ).toBeInTheDocument();
    const [request] = posts(api);
    expect(request!.path).toBe(`/closeouts/${CLOSEOUT_ID}/handover-items/from-managed-systems`);
    expect(request!.body).toEqual({});
    expect(request!.headers['if-match']).toBe(`"${closeout.version}"`);
  });

  it('groups handover items by system and records the client confirmation by name', async () => {
    const closeout = inSession({
      handoverItems: [
        handoverItem(1, { handedOverAt: '2026-11-20T09:00:00.000Z', handedOverBy: 'Tina Tech' }),
        handoverItem(2),
        handoverItem(3, { systemName: 'Firewall' }),
      ],
    });
    const item = closeout.handoverItems[0]!;
    const { user, api } = renderPanel(closeout, {
      handlers: { [ACTION(`handover-items/${item.id}/confirm`)]: () => closeout },
    });

    const m365 = screen.getByRole('region', { name: 'Microsoft 365' });
    expect(within(m365).getByText('0 of 2 confirmed')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Firewall' })).toBeInTheDocument();
    expect(
      screen.getByText(/record its confirmation here, naming who at the client verified/),
    ).toBeInTheDocument();

    await user.click(within(m365).getByRole('button', { name: 'Client confirmed' }));
    await user.type(screen.getByRole('textbox', { name: 'Confirmed by' }), 'Pat Client');
    await user.click(screen.getByRole('button', { name: 'Record confirmation' }));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.path).toBe(`/closeouts/${CLOSEOUT_ID}/handover-items/${item.id}/confirm`);
    expect(posts(api)[0]!.body).toEqual({ confirmedBy: 'Pat Client' });
  });

  it('shows a malformed SHA-256 by its field and sends nothing', async () => {
    const closeout = inSession({ handoverItems: [handoverItem(1)] });
    const { user, api } = renderPanel(closeout, {
      handlers: { [ACTION('backup-copies')]: () => closeout },
    });

    await user.click(screen.getByRole('button', { name: 'Record a backup copy' }));
    const form = screen.getByRole('form', { name: 'Record a backup copy' });
    await user.type(within(form).getByRole('textbox', { name: 'Description' }), 'Mailboxes');
    await user.type(within(form).getByRole('textbox', { name: 'SHA-256' }), 'not-a-checksum');
    await user.click(within(form).getByRole('button', { name: 'Record backup copy' }));

    const sha = within(form).getByRole('textbox', { name: 'SHA-256' });
    expect(sha).toHaveAttribute('aria-invalid', 'true');
    expect(sha).toHaveAccessibleDescription(
      expect.stringContaining('A SHA-256 checksum: 64 hexadecimal characters'),
    );
    expect(within(form).getByText('Name at least one system the copy covers.')).toBeVisible();
    expect(posts(api)).toHaveLength(0);
  });

  it('records a backup copy with its size in bytes', async () => {
    const closeout = inSession({ handoverItems: [handoverItem(1)] });
    const { user, api } = renderPanel(closeout, {
      handlers: { [ACTION('backup-copies')]: () => closeout },
    });

    await user.click(screen.getByRole('button', { name: 'Record a backup copy' }));
    const form = screen.getByRole('form', { name: 'Record a backup copy' });
    await user.type(within(form).getByRole('textbox', { name: 'Description' }), 'Mailboxes');
    await user.type(
      within(form).getByRole('textbox', { name: 'Systems covered' }),
      'Exchange{Enter}',
    );
    await user.type(within(form).getByRole('textbox', { name: 'Size' }), '1.5');
    await user.click(within(form).getByRole('textbox', { name: 'Medium' }));
    await user.click(await screen.findByRole('option', { name: 'Download link', hidden: true }));
    await user.type(within(form).getByRole('textbox', { name: 'SHA-256' }), CHECKSUM.toUpperCase());
    await user.click(within(form).getByRole('button', { name: 'Record backup copy' }));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({
      description: 'Mailboxes',
      systemsCovered: ['Exchange'],
      sizeBytes: 1_500_000_000,
      sha256: CHECKSUM.toUpperCase(),
      medium: 'download_link',
    });
  });

  it('says clearly when the checksum the client computed does not match', async () => {
    const closeout = inSession({ backupCopies: [backupCopy()] });
    const { user, api } = renderPanel(closeout, {
      handlers: { [ACTION(`backup-copies/${backupCopy().id}/confirm-receipt`)]: () => closeout },
    });

    await user.click(screen.getByRole('button', { name: 'Confirm receipt' }));
    await user.type(screen.getByRole('textbox', { name: 'Received by' }), 'Pat Client');
    const sha = screen.getByRole('textbox', { name: 'SHA-256 the client computed' });
    await user.type(sha, 'cd'.repeat(32));
    expect(sha).toHaveAccessibleDescription(
      expect.stringContaining('Does not match the checksum of the copy we made'),
    );
    expect(screen.getByRole('button', { name: 'Confirm receipt' })).toBeDisabled();

    await user.clear(sha);
    await user.type(sha, CHECKSUM);
    expect(screen.getByText('Matches the checksum we recorded')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Confirm receipt' }));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({ receivedBy: 'Pat Client', sha256: CHECKSUM });
  });

  it('shows a received copy as verified', () => {
    renderPanel(
      inSession({
        backupCopies: [
          backupCopy({
            receivedAt: '2026-11-21T09:00:00.000Z',
            receivedBy: 'Pat Client',
            checksumVerified: true,
          }),
        ],
      }),
    );

    expect(screen.getByText('Received · checksum verified ✓')).toBeInTheDocument();
    expect(screen.getByText('250 GB · Encrypted drive · File server')).toBeInTheDocument();
  });

  it("records the client's signed acceptance of responsibility", async () => {
    const closeout = inSession();
    const { user, api } = renderPanel(closeout, {
      handlers: { [ACTION('accept-responsibility')]: () => closeout },
    });

    expect(screen.getByText(/This records the client's signed acceptance/)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Record the acceptance of responsibility' });
    await user.type(within(form).getByRole('textbox', { name: 'Signed by' }), 'Dana Director');
    await user.type(
      within(form).getByRole('textbox', { name: 'Their title' }),
      'Managing Director',
    );
    fireEvent.change(within(form).getByLabelText(/Responsible from/), {
      target: { value: '2026-11-30T17:00' },
    });
    await user.click(within(form).getByRole('button', { name: 'Record the signed acceptance' }));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.path).toBe(`/closeouts/${CLOSEOUT_ID}/accept-responsibility`);
    expect(posts(api)[0]!.body).toEqual({
      acceptedByName: 'Dana Director',
      acceptedByTitle: 'Managing Director',
      effectiveFrom: new Date('2026-11-30T17:00').toISOString(),
    });
  });

  it('leaves recording the acceptance to the roles allowed to', () => {
    renderPanel(inSession(), { roles: ['technician'] });

    expect(
      screen.queryByRole('form', { name: 'Record the acceptance of responsibility' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('This needs the Service Manager role.')).toBeInTheDocument();
  });
});
