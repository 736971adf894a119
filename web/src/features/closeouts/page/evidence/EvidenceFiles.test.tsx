import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TStoredFile } from '../../../../../../src/files/schema.js';
import { CLOSEOUT_ID } from '../../../../../test/fixtures/closeout.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../../../test/render.js';
import { EvidenceFiles } from './EvidenceFiles.js';

const TASK_ID = '88888888-8888-4888-8888-000000000001';
const OTHER_TASK_ID = '88888888-8888-4888-8888-000000000002';
const TASK_PATH = `/closeouts/${CLOSEOUT_ID}/tasks/${TASK_ID}/evidence`;

const file = (overrides: Partial<TStoredFile> = {}): TStoredFile => ({
  id: '99999999-9999-4999-8999-000000000001',
  purpose: 'task_evidence',
  subjectId: TASK_ID,
  fileName: 'rmm-agent-removed.png',
  contentType: 'image/png',
  sizeBytes: 48_000,
  sha256: 'cd'.repeat(32),
  uploadedAt: '2026-11-25T10:00:00.000Z',
  uploadedBy: 'Tina Tech',
  ...overrides,
});

const renderFiles = (
  options: { roles?: string[]; blockedReason?: string | null; editable?: boolean } = {},
) =>
  renderWithApp(
    <EvidenceFiles
      closeoutId={CLOSEOUT_ID}
      subject={{ kind: 'task', id: TASK_ID }}
      name="Remove the RMM agents"
      editable={options.editable ?? true}
      permission="closeout.work_task"
      blockedReason={options.blockedReason ?? null}
    />,
    {
      user: signedInUser({
        roles: (options.roles ?? ['technician']) as ReturnType<typeof signedInUser>['roles'],
      }),
    },
  );

describe('EvidenceFiles', () => {
  it("lists only this task's files, each downloadable as an attachment", async () => {
    fakeApi({
      [`GET /closeouts/${CLOSEOUT_ID}/evidence`]: () => ({
        items: [
          file(),
          file({
            id: '99999999-9999-4999-8999-000000000002',
            subjectId: OTHER_TASK_ID,
            fileName: 'other.pdf',
          }),
        ],
      }),
    });
    renderFiles();
    const list = await screen.findByRole('list', {
      name: 'Evidence files of “Remove the RMM agents”',
    });
    const link = within(list).getByRole('link', { name: 'rmm-agent-removed.png' });
    expect(link).toHaveAttribute('href', `/api/v1${TASK_PATH}/${file().id}`);
    expect(link).toHaveAttribute('download', 'rmm-agent-removed.png');
    expect(within(list).getByText(/Tina Tech/)).toBeVisible();
    expect(screen.queryByText('other.pdf')).not.toBeInTheDocument();
  });

  it('uploads each dropped file as it is, named in the query', async () => {
    const api = fakeApi({
      [`GET /closeouts/${CLOSEOUT_ID}/evidence`]: () => ({ items: [] }),
      [`POST ${TASK_PATH}`]: () => ({ status: 201, body: file() }),
    });
    const { user } = renderFiles();
    await user.click(
      await screen.findByRole('button', { name: 'Attach evidence to “Remove the RMM agents”' }),
    );
    await user.upload(
      screen.getByLabelText('Evidence files for “Remove the RMM agents”'),
      new File(['%PDF-1.7'], 'agents.pdf', { type: 'application/pdf' }),
    );
    await waitFor(() =>
      expect(api.requests.find((request) => request.method === 'POST')).toMatchObject({
        path: TASK_PATH,
        headers: { 'content-type': 'application/octet-stream' },
      }),
    );
    const upload = api.requests.find((request) => request.method === 'POST');
    expect(upload?.query.get('fileName')).toBe('agents.pdf');
  });

  it("shows the server's refusal of a file's type", async () => {
    fakeApi({
      [`GET /closeouts/${CLOSEOUT_ID}/evidence`]: () => ({ items: [] }),
      [`POST ${TASK_PATH}`]: () => ({
        status: 415,
        body: {
          type: 'https://closeout.dev/problems/unsupported_type',
          title: 'File type not accepted',
          status: 415,
          detail: "This file's content is not of a kind Closeout accepts as evidence.",
          code: 'unsupported_type',
          field: 'file',
        },
      }),
    });
    const { user } = renderFiles();
    await user.click(await screen.findByRole('button', { name: /Attach evidence/ }));
    await user.upload(
      screen.getByLabelText('Evidence files for “Remove the RMM agents”'),
      new File(['MZ'], 'setup.pdf', { type: 'application/pdf' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "This file's content is not of a kind Closeout accepts as evidence.",
    );
  });

  it('removes a file after asking', async () => {
    const api = fakeApi({
      [`GET /closeouts/${CLOSEOUT_ID}/evidence`]: () => ({ items: [file()] }),
      [`DELETE ${TASK_PATH}/${file().id}`]: () => ({ status: 204 }),
    });
    const { user } = renderFiles();
    await user.click(await screen.findByRole('button', { name: 'Remove rmm-agent-removed.png' }));
    await user.click(await screen.findByRole('button', { name: 'Remove file' }));
    await waitFor(() =>
      expect(api.requests.some((request) => request.method === 'DELETE')).toBe(true),
    );
  });

  it('lets someone outside the task’s roles only download', async () => {
    fakeApi({ [`GET /closeouts/${CLOSEOUT_ID}/evidence`]: () => ({ items: [file()] }) });
    renderFiles({ roles: ['finance'], blockedReason: 'This is a task of Technician.' });
    expect(await screen.findByRole('link', { name: 'rmm-agent-removed.png' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Attach evidence/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
  });
});
