import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../../../../src/blueprint/default-definition.js';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type {
  TProcessDraft,
  TProcessDraftReview,
} from '../../../../../src/server/process/schema.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../../test/render.js';
import { ProcessEditorPage } from './ProcessEditorPage.js';

const admin = signedInUser({ roles: ['admin'] });

const unsavedDraft: TProcessDraft = {
  definition: DEFAULT_DEFINITION,
  baseVersion: 1,
  saved: false,
  updatedAt: null,
  updatedBy: null,
};

const firstWorkTask = DEFAULT_DEFINITION.tasks.find((task) => !task.entry);
if (firstWorkTask === undefined) throw new Error('the default definition has no tasks');

describe('ProcessEditorPage', () => {
  it('saves what is typed as a draft, reviews it and publishes the next version', async () => {
    let saved: TProcessDefinition | undefined;
    let reviewed = false;
    const review: TProcessDraftReview = {
      baseVersion: 1,
      currentVersion: 1,
      problems: [],
      changes: [
        {
          collection: 'tasks',
          kind: 'changed',
          key: firstWorkTask.key,
          name: 'Log the notice in HaloPSA',
          fields: [
            { field: 'name', before: firstWorkTask.name, after: 'Log the notice in HaloPSA' },
          ],
        },
      ],
      publishable: true,
    };
    const { requests } = fakeApiFor({
      onSave: (definition) => {
        saved = definition;
      },
      onReview: () => {
        reviewed = true;
        return review;
      },
    });
    const { user, router } = renderWithApp(<ProcessEditorPage />, {
      route: '/process/edit',
      user: admin,
    });
    await user.click(await screen.findByRole('button', { name: new RegExp(firstWorkTask.name) }));
    const task = await screen.findByRole('region', {
      name: `Task ${firstWorkTask.number}: ${firstWorkTask.name}`,
    });
    const name = within(task).getByLabelText('Name', { exact: false });
    await user.clear(name);
    await user.type(name, 'Log the notice in HaloPSA');
    await waitFor(() =>
      expect(saved?.tasks.find((candidate) => candidate.key === firstWorkTask.key)?.name).toBe(
        'Log the notice in HaloPSA',
      ),
    );

    await user.click(screen.getByRole('tab', { name: 'Review and publish' }));
    expect(await screen.findByText('Ready to publish')).toBeInTheDocument();
    expect(reviewed).toBe(true);
    expect(screen.getByText(firstWorkTask.name)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Publish version 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 2?' });
    await user.click(within(dialog).getByRole('button', { name: 'Publish version 2' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/process'));
    expect(requests.find((request) => request.path === '/process/draft/publish')?.body).toEqual({
      reviewedVersion: 1,
    });
  });

  it('adds an optional task to a stage, which can be removed again', async () => {
    fakeApiFor({});
    const { user } = renderWithApp(<ProcessEditorPage />, {
      route: '/process/edit',
      user: admin,
    });
    const stage = DEFAULT_DEFINITION.stages[3];
    if (stage === undefined) throw new Error('the default definition has changed');
    await user.click(await screen.findByRole('radio', { name: `${stage.code} ${stage.name}` }));
    const section = await screen.findByRole('region', { name: `${stage.code} ${stage.name}` });
    await user.type(
      within(section).getByLabelText('Name of the new optional task'),
      'Send a farewell gift',
    );
    await user.click(within(section).getByRole('button', { name: 'Add optional task' }));
    const added = await within(section).findByRole('region', {
      name: /Send a farewell gift$/,
    });
    expect(within(added).getByText('Optional')).toBeInTheDocument();
    await user.click(within(added).getByRole('button', { name: /Remove task/ }));
    expect(within(section).queryByRole('region', { name: /Send a farewell gift$/ })).toBeNull();
  });

  it('lists what keeps a draft from being published, saying where', async () => {
    fakeApiFor({
      onReview: () => ({
        baseVersion: 1,
        currentVersion: 2,
        problems: [{ path: ['tasks', 1, 'roles'], message: 'unknown role "nobody"' }],
        changes: [],
        publishable: false,
      }),
    });
    renderWithApp(<ProcessEditorPage />, { route: '/process/edit?view=review', user: admin });
    expect(await screen.findByText('Published meanwhile')).toBeInTheDocument();
    const task = DEFAULT_DEFINITION.tasks[1];
    expect(
      screen.getByText(`Task ${task?.number} "${task?.name}" · roles:`, { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish version 3' })).toBeDisabled();
  });

  it('tells anyone but an administrator that only an administrator edits the process', async () => {
    fakeApiFor({});
    renderWithApp(<ProcessEditorPage />, { route: '/process/edit' });
    expect(
      await screen.findByText('Only an administrator can edit the process.', { exact: false }),
    ).toBeInTheDocument();
  });
});

function fakeApiFor(options: {
  onSave?: (definition: TProcessDefinition) => void;
  onReview?: () => TProcessDraftReview;
}) {
  return fakeApi({
    'GET /process/draft': () => unsavedDraft,
    'PUT /process/draft': (request) => {
      const body = request.body as { definition: TProcessDefinition; baseVersion: number };
      options.onSave?.(body.definition);
      return { ...unsavedDraft, definition: body.definition, saved: true };
    },
    'GET /process/draft/review': () => options.onReview?.(),
    'POST /process/draft/publish': () => ({
      status: 201,
      body: { key: 'msp-11a', version: 2, changes: [] },
    }),
  });
}
