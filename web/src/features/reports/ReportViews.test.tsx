import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../../../src/blueprint/default-definition.js';
import { defaultPersonalisation, personalise } from '../../../../src/blueprint/personalise.js';
import { detailReport } from '../../../../src/documents/reports/detail-report.js';
import { taskReport } from '../../../../src/documents/reports/task-report.js';
import type { TDefinitionVersionList } from '../../../../src/server/process/schema.js';
import { fakeApi, renderWithApp } from '../../../test/render.js';
import { ProcessPage } from '../process/ProcessPage.js';

const definition = personalise(DEFAULT_DEFINITION, {
  ...defaultPersonalisation('Harbour IT'),
  roleNames: { technician: 'Service Desk Engineer' },
  systemNames: { psa: 'HaloPSA' },
});

const versions: TDefinitionVersionList = {
  versions: [
    {
      key: 'msp-11a',
      version: 1,
      name: DEFAULT_DEFINITION.name,
      publishedAt: null,
      publishedBy: 'Closeout',
      current: true,
    },
  ],
};

function api() {
  return fakeApi({
    'GET /process/definition': () => definition,
    'GET /process/definitions': () => versions,
    'GET /process/definitions/msp-11a/1': () => definition,
    'GET /process/reports/detail': () => detailReport(definition, 'Harbour IT'),
    'GET /process/reports/task': () => taskReport(definition, 'Harbour IT'),
  });
}

describe('the Detail report tab', () => {
  it('lists every role, system, document and KPI with the tasks that use them', async () => {
    api();
    renderWithApp(<ProcessPage />, { route: '/process?view=detail-report' });

    const roles = await screen.findByRole(
      'table',
      { name: 'Roles in the Detail Report' },
      // The page loads the definition, then the report, then renders every table.
      { timeout: 5000 },
    );
    for (const role of definition.roles) {
      expect(within(roles).getAllByText(role.name).length, role.key).toBeGreaterThan(0);
    }
    const engineer = within(roles).getByText('Service Desk Engineer').closest('tr')!;
    expect(engineer).toHaveTextContent('11a.03 Open Ticket Review');
    expect(engineer).toHaveTextContent('Work the tickets to complete before the termination date');

    const systems = screen.getByRole('table', { name: 'Systems in the Detail Report' });
    expect(within(systems).getAllByRole('row')).toHaveLength(definition.systems.length + 1);
    expect(within(systems).getByText('HaloPSA')).toBeInTheDocument();
    const documents = screen.getByRole('table', { name: 'Documents in the Detail Report' });
    expect(within(documents).getAllByRole('row')).toHaveLength(definition.documents.length + 1);
    const kpis = screen.getByRole('table', { name: 'KPIs in the Detail Report' });
    for (const kpi of definition.kpis) expect(within(kpis).getByText(kpi.name)).toBeInTheDocument();
    expect(kpis).toHaveTextContent('Provider-initiated closeouts are excluded');

    expect(screen.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
      'href',
      '/api/v1/process/reports/detail.pdf?paper=a4',
    );
  });

  it('narrows to one role’s tasks, and downloads an earlier version on Letter paper', async () => {
    const { requests } = api();
    const { user } = renderWithApp(<ProcessPage />, {
      route: '/process?key=msp-11a&version=1&view=detail-report&role=finance',
    });
    const roles = await screen.findByRole(
      'table',
      { name: 'Roles in the Detail Report' },
      // The page loads the definition, then the report, then renders every table.
      { timeout: 5000 },
    );
    expect(within(roles).getAllByRole('row')).toHaveLength(2);
    expect(within(roles).getByText('Finance')).toBeInTheDocument();
    const systems = screen.getByRole('table', { name: 'Systems in the Detail Report' });
    expect(within(systems).getByText('Billing')).toBeInTheDocument();
    expect(within(systems).queryByText('RMM')).not.toBeInTheDocument();
    expect(
      requests.find((request) => request.path === '/process/reports/detail')?.query.get('version'),
    ).toBe('1');

    await user.click(screen.getByRole('textbox', { name: 'Paper' }));
    await user.click(await screen.findByRole('option', { name: 'US Letter', hidden: true }));
    expect(screen.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
      'href',
      '/api/v1/process/reports/detail.pdf?version=1&paper=letter',
    );
  });
});

describe('the Task report tab', () => {
  it('lists every task by sub-process and filters by system', async () => {
    api();
    const { user } = renderWithApp(<ProcessPage />, { route: '/process?view=task-report' });

    for (const stage of definition.stages) {
      const table = await screen.findByRole(
        'table',
        { name: `${stage.code} ${stage.name}: tasks` },
        { timeout: 5000 },
      );
      const tasks = definition.tasks.filter((task) => task.stage === stage.key);
      expect(within(table).getAllByRole('row')).toHaveLength(tasks.length + 1);
    }
    const review = screen.getByRole('table', { name: '11a.03 Open Ticket Review: tasks' });
    const work = within(review).getByText(
      'Work the tickets to complete before the termination date',
    );
    expect(work.closest('tr')).toHaveTextContent('Service Desk Engineer');
    expect(work.closest('tr')).toHaveTextContent('HaloPSA');
    expect(work.closest('tr')).toHaveTextContent('Same day as the termination date');

    await user.click(screen.getByRole('textbox', { name: 'System' }));
    await user.click(await screen.findByRole('option', { name: 'Billing', hidden: true }));
    expect(screen.getAllByRole('table')).toHaveLength(2);
    expect(screen.getByText('Agree the final billing terms')).toBeInTheDocument();
    expect(
      screen.getByText('End the agreements, stop recurring billing, issue the final invoice'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Send the cancellation notice')).not.toBeInTheDocument();

    await user.click(screen.getByRole('textbox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Automation', hidden: true }));
    expect(screen.getByText('No task matches these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(screen.getAllByRole('table')).toHaveLength(definition.stages.length);
  });
});
