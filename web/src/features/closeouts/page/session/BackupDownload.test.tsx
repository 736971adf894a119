import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  TBackupDownloadLink,
  TBackupDownloadState,
} from '../../../../../../src/server/backup-downloads/schema.js';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import {
  buildCloseoutDetail,
  CLOSEOUT_ID,
  stageRef,
} from '../../../../../test/fixtures/closeout.js';
import { fakeApi, renderWithApp } from '../../../../../test/render.js';
import { BackupDownload } from './BackupDownload.js';

type TBackupCopy = TCloseoutDetail['backupCopies'][number];

const COPY: TBackupCopy = {
  id: '66666666-6666-4666-8666-000000000001',
  description: 'File server export',
  systemsCovered: ['File server'],
  sizeBytes: 8,
  sha256: 'ab'.repeat(32),
  medium: 'download_link',
  deliveredAt: null,
  deliveredBy: null,
  receivedAt: null,
  receivedBy: null,
  checksumVerified: false,
};
const COPY_PATH = `/closeouts/${CLOSEOUT_ID}/backup-copies/${COPY.id}`;

const ARCHIVE = {
  id: '99999999-9999-4999-8999-000000000001',
  purpose: 'backup_copy' as const,
  subjectId: COPY.id,
  fileName: 'fs01.tar.gz',
  contentType: 'application/gzip',
  sizeBytes: 8,
  sha256: 'ab'.repeat(32),
  uploadedAt: '2026-11-25T10:00:00.000Z',
  uploadedBy: 'Tina Tech',
};

const link = (overrides: Partial<TBackupDownloadLink> = {}): TBackupDownloadLink => ({
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-000000000001',
  createdAt: '2026-11-25T11:00:00.000Z',
  createdBy: 'Tina Tech',
  expiresAt: '2026-12-02T11:00:00.000Z',
  revokedAt: null,
  status: 'active',
  ...overrides,
});

const state = (overrides: Partial<TBackupDownloadState> = {}): TBackupDownloadState => ({
  archive: ARCHIVE,
  links: [],
  downloads: [],
  ...overrides,
});

/** The browser's XMLHttpRequest, answered by the test. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }

  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const closeout = buildCloseoutDetail({
  stage: stageRef('deactivation_session'),
  backupCopies: [COPY],
});

const renderDownload = () =>
  renderWithApp(<BackupDownload closeout={closeout} copy={COPY} editable />);

afterEach(() => {
  FakeXhr.sent = [];
  vi.unstubAllGlobals();
});

describe('BackupDownload', () => {
  it('uploads the archive with its progress, then shows it', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    fakeApi({ [`GET ${COPY_PATH}/download`]: () => state({ archive: null }) });
    const { user } = renderDownload();
    const archive = new File(['archive!'], 'fs01.tar.gz', { type: 'application/gzip' });
    await user.upload(await screen.findByLabelText('Archive of “File server export”'), archive);

    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    const request = FakeXhr.sent[0]!;
    expect(request.method).toBe('PUT');
    expect(request.url).toBe(`/api/v1${COPY_PATH}/archive?fileName=fs01.tar.gz`);
    expect(request.headers['content-type']).toBe('application/octet-stream');
    expect(request.body).toBe(archive);

    act(() => request.upload.onprogress?.({ lengthComputable: true, loaded: 4, total: 8 }));
    expect(await screen.findByText(/50 % sent/)).toBeVisible();
    expect(screen.getByRole('progressbar', { name: 'Upload progress' })).toBeInTheDocument();

    act(() => request.respond(200, state()));
    const download = await screen.findByRole('link', { name: 'fs01.tar.gz' });
    expect(download).toHaveAttribute('href', `/api/v1${COPY_PATH}/archive`);
    expect(screen.getByText(/checksum matches/)).toBeVisible();
  });

  it('shows why the server refused the archive', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    fakeApi({ [`GET ${COPY_PATH}/download`]: () => state({ archive: null }) });
    const { user } = renderDownload();
    await user.upload(
      await screen.findByLabelText('Archive of “File server export”'),
      new File(['other'], 'other.zip'),
    );
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    act(() =>
      FakeXhr.sent[0]!.respond(400, {
        type: 'https://closeout.dev/problems/validation',
        title: 'The request is not valid',
        status: 400,
        detail: 'The file’s SHA-256 does not match the copy.',
        code: 'validation',
        field: 'file',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file’s SHA-256 does not match the copy.',
    );
  });

  it('creates a link for the chosen time and shows it once to copy', async () => {
    const api = fakeApi({
      [`GET ${COPY_PATH}/download`]: () => state(),
      [`POST ${COPY_PATH}/download-links`]: () => ({
        status: 201,
        body: {
          ...link({ expiresAt: '2026-12-25T11:00:00.000Z' }),
          token: 'tok',
          url: 'https://closeout.example/api/v1/backup-downloads/tok',
        },
      }),
    });
    const { user } = renderDownload();
    await user.click(await screen.findByRole('textbox', { name: 'Link works for' }));
    await user.click(await screen.findByRole('option', { name: '30 days', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Create download link' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.method === 'POST')).toMatchObject({
        path: `${COPY_PATH}/download-links`,
        body: { ttlHours: 720 },
      }),
    );
    expect(await screen.findByRole('textbox', { name: 'Download link' })).toHaveValue(
      'https://closeout.example/api/v1/backup-downloads/tok',
    );
    expect(screen.getByText(/shown only once/)).toBeVisible();
  });

  it('lists links with their status, revokes an active one, and lists downloads', async () => {
    const api = fakeApi({
      [`GET ${COPY_PATH}/download`]: () =>
        state({
          links: [
            link(),
            link({
              id: 'aaaaaaaa-aaaa-4aaa-8aaa-000000000002',
              createdAt: '2026-11-20T11:00:00.000Z',
              revokedAt: '2026-11-21T11:00:00.000Z',
              status: 'revoked',
            }),
          ],
          downloads: [
            {
              id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000001',
              linkId: link().id,
              downloadedAt: '2026-11-26T08:00:00.000Z',
              downloadedBy: 'Holder of the download link',
              actorKind: 'client_contact',
              ip: '203.0.113.7',
              userAgent: 'Mozilla/5.0',
              completed: true,
            },
            {
              id: 'bbbbbbbb-bbbb-4bbb-8bbb-000000000002',
              linkId: null,
              downloadedAt: '2026-11-26T07:00:00.000Z',
              downloadedBy: 'Sam Service',
              actorKind: 'user',
              ip: '198.51.100.2',
              userAgent: 'Firefox',
              completed: false,
            },
          ],
        }),
      [`POST ${COPY_PATH}/download-links/${link().id}/revoke`]: () => link({ status: 'revoked' }),
    });
    const { user } = renderDownload();
    const links = await screen.findByRole('table', { name: 'Download links' });
    expect(within(links).getByText('Active')).toBeVisible();
    expect(within(links).getByText('Revoked')).toBeVisible();
    expect(within(links).getAllByRole('button', { name: /Revoke/ })).toHaveLength(1);

    const downloads = screen.getByRole('table', { name: 'Downloads' });
    expect(within(downloads).getByText('203.0.113.7')).toBeVisible();
    expect(within(downloads).getByText('Completed')).toBeVisible();
    expect(within(downloads).getByText('Not completed')).toBeVisible();

    await user.click(within(links).getByRole('button', { name: /Revoke/ }));
    await waitFor(() =>
      expect(api.requests.map((request) => `${request.method} ${request.path}`)).toContain(
        `POST ${COPY_PATH}/download-links/${link().id}/revoke`,
      ),
    );
  });
});
