import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../../../src/blueprint/default-definition.js';
import { defaultPersonalisation, personalise } from '../../../../src/blueprint/personalise.js';
import type { TDefinitionVersionList } from '../../../../src/server/process/schema.js';
import { fakeApi, renderWithApp } from '../../../test/render.js';
import { ProcessPage } from './ProcessPage.js';

const definition = personalise(DEFAULT_DEFINITION, {
  ...defaultPersonalisation('Harbour IT'),
  roleNames: { technician: 'Service Desk Engineer' },
  systemNames: { psa: 'HaloPSA' },
});

const versions: TDefinitionVersionList = {
  versions: [
    {
      key: 'msp-11a',
      version: 2,
      name: 'MSP-11a with a shorter review',
      publishedAt: '2026-03-02T09:00:00.000Z',
      publishedBy: 'Alex Admin',
      current: true,
    },
    {
      key: 'msp-11a',
      version: 1,
      name: DEFAULT_DEFINITION.name,
      publishedAt: null,
      publishedBy: 'Closeout',
      current: false,
    },
  ],
};

describe('ProcessPage', () => {
  it('shows every stage with its tasks under their lanes, in the organisation’s own names', async () => {
    fakeApi({
      'GET /process/definition': () => definition,
      'GET /process/definitions': () => versions,
    });
    renderWithApp(<ProcessPage />, { route: '/process' });

    for (const stage of definition.stages) {
      expect(
        await screen.findByRole('heading', { level: 2, name: stage.name }),
      ).toBeInTheDocument();
    }

    const review = screen.getByRole('region', { name: 'Open Ticket Review' });
    const backstage = within(review).getByRole('list', { name: 'Open Ticket Review: Backstage' });
    const task = definition.tasks.find(
      (candidate) =>
        candidate.stage === 'ticket_review' &&
        candidate.lane === 'backstage' &&
        candidate.roles.includes('technician') &&
        candidate.systems.includes('psa'),
    );
    if (task === undefined) throw new Error('the default definition has changed');
    const item = within(backstage).getByRole('listitem', {
      name: `Task ${task.number}: ${task.name}`,
    });
    expect(item).toHaveTextContent('Service Desk Engineer');
    expect(item).toHaveTextContent('HaloPSA');

    const retention = screen.getByRole('region', { name: 'Internal Retention Assessment' });
    expect(retention).toHaveTextContent('Due 5 business days after the notice');
    expect(retention).toHaveTextContent('An Executive has not approved this provider-initiated');
    expect(screen.getByRole('region', { name: 'Open Ticket Review' })).toHaveTextContent(
      'Due 10 calendar days before the termination date',
    );
  });

  it('lists the versions, and links to an earlier one', async () => {
    fakeApi({
      'GET /process/definition': () => ({ ...definition, version: 2 }),
      'GET /process/definitions': () => versions,
    });
    const { user } = renderWithApp(<ProcessPage />, { route: '/process?view=versions' });

    const table = await screen.findByRole('table', { name: 'Versions of the process' });
    expect(within(table).getByText('Version 2')).toHaveAttribute('aria-current', 'page');
    expect(within(table).getByText('Alex Admin')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Version 1' })).toHaveAttribute(
      'href',
      '/process?key=msp-11a&version=1',
    );

    await user.click(screen.getByRole('tab', { name: /Roles/ }));
    const roles = screen.getByRole('table', { name: 'Roles' });
    expect(within(roles).getByText('Service Desk Engineer')).toBeInTheDocument();
  });

  it('reads an earlier version pinned in the address', async () => {
    const { requests } = fakeApi({
      'GET /process/definitions/msp-11a/1': () => definition,
      'GET /process/definitions': () => versions,
    });
    renderWithApp(<ProcessPage />, { route: '/process?key=msp-11a&version=1' });

    expect(await screen.findByText('An earlier version')).toBeInTheDocument();
    expect(requests.map((request) => request.path)).toContain('/process/definitions/msp-11a/1');
  });
});
