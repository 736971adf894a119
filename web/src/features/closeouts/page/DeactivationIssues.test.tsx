import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { buildCloseoutDetail, CLOSEOUT_ID, stageRef } from '../../../../test/fixtures/closeout.js';
import { fakeApi, renderWithApp } from '../../../../test/render.js';
import { DeactivationIssues } from './DeactivationIssues.js';

type TIssue = TCloseoutDetail['deactivationIssues'][number];

const ISSUE: TIssue = {
  id: '77777777-7777-4777-8777-000000000001',
  summary: 'Firewall admin password rejected',
  description: '',
  systemName: 'Firewall',
  loggedAt: '2026-12-02T09:00:00.000Z',
  loggedBy: 'Sam Service',
  resolvedAt: null,
  resolution: '',
};

const closed = (issues: TIssue[]) =>
  buildCloseoutDetail({
    stage: stageRef('deactivation'),
    status: 'terminated',
    deactivationIssues: issues,
  });

const posts = (api: ReturnType<typeof fakeApi>) =>
  api.requests.filter((request) => request.method === 'POST');

describe('DeactivationIssues', () => {
  it('logs an issue with its summary, description and no system when none is named', async () => {
    const closeout = closed([]);
    const api = fakeApi({ [`POST /closeouts/${CLOSEOUT_ID}/deactivation-issues`]: () => closeout });
    const { user } = renderWithApp(<DeactivationIssues closeout={closeout} editable />);

    expect(screen.getByText('No deactivation issues')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Log an issue' }));
    await user.click(screen.getByRole('button', { name: 'Log issue' }));
    expect(screen.getByRole('textbox', { name: /Summary/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await user.type(screen.getByRole('textbox', { name: /Summary/ }), 'Agent still reporting');
    await user.type(
      screen.getByRole('textbox', { name: 'Description' }),
      'One laptop still checks in to the RMM.',
    );
    await user.click(screen.getByRole('button', { name: 'Log issue' }));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.body).toEqual({
      summary: 'Agent still reporting',
      description: 'One laptop still checks in to the RMM.',
      systemName: null,
    });
  });

  it('resolves an open issue with the resolution', async () => {
    const closeout = closed([ISSUE]);
    const api = fakeApi({
      [`POST /closeouts/${CLOSEOUT_ID}/deactivation-issues/${ISSUE.id}/resolve`]: () => closeout,
    });
    const { user } = renderWithApp(<DeactivationIssues closeout={closeout} editable />);

    const issue = screen.getByRole('article', { name: ISSUE.summary });
    expect(within(issue).getByText('Firewall')).toBeInTheDocument();
    await user.click(within(issue).getByRole('button', { name: 'Resolve' }));
    await user.type(within(issue).getByRole('textbox', { name: /Resolution/ }), 'Password reset');
    await user.click(within(issue).getByRole('button', { name: 'Resolve issue' }));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]!.path).toBe(
      `/closeouts/${CLOSEOUT_ID}/deactivation-issues/${ISSUE.id}/resolve`,
    );
    expect(posts(api)[0]!.body).toEqual({ resolution: 'Password reset' });
  });

  it('shows resolved issues without actions when the closeout cannot change', () => {
    fakeApi({});
    renderWithApp(
      <DeactivationIssues
        closeout={closed([
          { ...ISSUE, resolvedAt: '2026-12-03T09:00:00.000Z', resolution: 'Password reset' },
        ])}
        editable={false}
      />,
    );

    expect(screen.getByText('Resolved')).toBeInTheDocument();
    expect(screen.getByText('Password reset')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log an issue' })).not.toBeInTheDocument();
  });
});
