import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  TMail,
  TMailDelivery,
  TMailPage,
  TMailSummary,
} from '../../../../src/server/mails/schema.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../test/render.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { OutboxSettings } from './OutboxSettings.js';

const administrator = signedInUser({ roles: ['admin'] });
const OUTBOX: TMailDelivery = { mode: 'outbox', server: null, from: 'Closeout <co@harbour.test>' };

function buildMail(overrides: Partial<TMailSummary> = {}): TMailSummary {
  return {
    id: '00000000-0000-4000-8000-00000000a001',
    kind: 'meeting_invitation',
    closeoutId: null,
    to: { address: 'grace@fabrikam.example', name: 'Grace Hopper' },
    subject: 'Closeout meeting with Fabrikam (CO-0007)',
    status: 'outbox',
    createdAt: '2026-11-20T09:00:00.000Z',
    sentAt: null,
    lastError: null,
    attachments: [
      { filename: 'closeout-meeting.ics', contentType: 'text/calendar', sizeBytes: 900 },
    ],
    ...overrides,
  };
}

const page = (items: TMailSummary[], delivery: TMailDelivery = OUTBOX): TMailPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
  delivery,
});

const failed = buildMail({
  id: '00000000-0000-4000-8000-00000000a002',
  kind: 'task_digest',
  subject: 'Your closeout tasks for Tue 1 Dec 2026: 2 overdue',
  to: { address: 'ada@harbour.test', name: 'Ada Account' },
  status: 'failed',
  lastError: '550 5.1.1 No such user',
  attachments: [],
});

function renderOutbox(handlers: Parameters<typeof fakeApi>[0], route = '/settings/outbox') {
  const api = fakeApi(handlers);
  const rendered = renderWithApp(<OutboxSettings />, {
    route,
    path: '/settings/outbox',
    user: administrator,
  });
  return { ...rendered, api };
}

describe('OutboxSettings', () => {
  afterEach(() => {
    notifications.clean();
  });

  it('is a section of the settings, and says that mail stays here without SMTP', async () => {
    fakeApi({ 'GET /mails': () => page([buildMail()]) });
    renderWithApp(<SettingsPage />, {
      route: '/settings/outbox',
      path: '/settings/*',
      user: administrator,
    });

    expect(await screen.findByRole('heading', { name: 'Outbox' })).toBeInTheDocument();
    const navigation = screen.getByRole('navigation', { name: 'Settings' });
    expect(within(navigation).getByRole('link', { name: 'Outbox' })).toHaveAttribute(
      'data-active',
      'true',
    );
    expect(await screen.findByText('No SMTP server is configured')).toBeInTheDocument();
    expect(screen.getByText(/sign-in link stays readable here/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Mails' });
    expect(within(table).getByText('In the outbox')).toBeInTheDocument();
    expect(within(table).getByText('Meeting invitation')).toBeInTheDocument();
  });

  it('names the SMTP server when mail is sent', async () => {
    renderOutbox({
      'GET /mails': () =>
        page([buildMail({ status: 'sent' })], {
          mode: 'smtp',
          server: 'smtp.harbour.test:587',
          from: 'Closeout <co@harbour.test>',
        }),
    });
    expect(await screen.findByText('Mail is sent by SMTP')).toBeInTheDocument();
    expect(screen.getByText(/smtp\.harbour\.test:587/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Mails' })).getByText('Sent'),
    ).toBeInTheDocument();
  });

  it('filters by status and kind through the API', async () => {
    const { user, api } = renderOutbox({ 'GET /mails': () => page([failed]) });
    await screen.findByRole('table', { name: 'Mails' });

    await user.click(screen.getByRole('radio', { name: 'Failed' }));
    await waitFor(() => expect(api.requests.at(-1)?.query.get('status')).toBe('failed'));
    await user.click(screen.getByRole('textbox', { name: 'Kind' }));
    await user.click(
      await screen.findByRole('option', { name: 'Daily task digest', hidden: true }),
    );
    await waitFor(() => expect(api.requests.at(-1)?.query.get('kind')).toBe('task_digest'));
    expect(api.requests.at(-1)?.query.get('status')).toBe('failed');
  });

  it('opens a mail: its HTML in a sandboxed frame, its plain text and its attachments', async () => {
    const mail: TMail = {
      ...buildMail(),
      text: 'Hello Grace,\n\nYou are invited to the closeout meeting.',
      html: '<!doctype html><p>Hello Grace</p><script>parent.alert(1)</script>',
      messageId: null,
    };
    const { user } = renderOutbox({
      'GET /mails': () => page([buildMail()]),
      [`GET /mails/${mail.id}`]: () => mail,
    });

    await user.click(await screen.findByRole('button', { name: mail.subject }));
    const dialog = await screen.findByRole('dialog', { name: mail.subject });
    const frame = await within(dialog).findByTitle(`Mail: ${mail.subject}`);
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', mail.html);
    expect(within(dialog).getByText('closeout-meeting.ics (1 KB)')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('tab', { name: 'Plain text' }));
    expect(within(dialog).getByText(/You are invited to the closeout meeting\./)).toBeVisible();
  });

  it('sends a failed mail again', async () => {
    const { user, api } = renderOutbox({
      'GET /mails': () => page([failed, buildMail()]),
      [`POST /mails/${failed.id}/resend`]: () => ({ ...failed, status: 'queued', lastError: null }),
    });

    expect(await screen.findByText('550 5.1.1 No such user')).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: /^Send again/ });
    expect(buttons).toHaveLength(1);
    await user.click(buttons[0]!);
    await waitFor(() =>
      expect(
        api.requests.filter((request) => request.method === 'POST').map((request) => request.path),
      ).toEqual([`/mails/${failed.id}/resend`]),
    );
    expect(await screen.findByText('Queued again for ada@harbour.test.')).toBeInTheDocument();
  });

  it('tells someone who is not an administrator that the mails are not theirs to read', async () => {
    const api = fakeApi({ 'GET /mails': () => page([buildMail()]) });
    renderWithApp(<OutboxSettings />, { route: '/settings/outbox', user: signedInUser() });
    expect(
      await screen.findByText('Only an administrator can read the mails.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
