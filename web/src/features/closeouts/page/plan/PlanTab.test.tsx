import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../../../../../src/blueprint/default-definition.js';
import {
  defaultPersonalisation,
  personalise,
} from '../../../../../../src/blueprint/personalise.js';
import { closeoutPlan } from '../../../../../../src/documents/project-plan/plan.js';
import { openedCloseout } from '../../../../../../test/support/closeout-scenarios.js';
import { CLOSEOUT_ID, OWNER_ID } from '../../../../../test/fixtures/closeout.js';
import { fakeApi, renderWithApp } from '../../../../../test/render.js';
import { PlanTab } from './PlanTab.js';

const definition = personalise(DEFAULT_DEFINITION, {
  ...defaultPersonalisation('Harbour IT'),
  roleNames: { technician: 'Service Desk Engineer' },
});

/** A closeout opened on 6 March 2025, seen on 12 March: the acknowledgment is late. */
function plan() {
  const opened = openedCloseout();
  const closeout = {
    ...opened,
    id: CLOSEOUT_ID,
    tasks: opened.tasks.map((task) =>
      task.taskKey === 't05' ? { ...task, assigneeUserId: OWNER_ID } : task,
    ),
  };
  return closeoutPlan({
    definition,
    closeout,
    clientName: 'Fabrikam Dental',
    organisationName: 'Harbour IT',
    userNames: new Map([[OWNER_ID, 'Sam Service']]),
    today: '2025-03-12',
  });
}

const row = (name: string) => {
  const label = screen.getByText(name);
  return label.closest('[title]') as HTMLElement;
};

describe('the Plan tab', () => {
  it('charts every task by sub-process with its state in words, and exports the plan', async () => {
    const loaded = plan();
    fakeApi({ [`GET /closeouts/${CLOSEOUT_ID}/plan`]: () => loaded });
    renderWithApp(<PlanTab closeout={{ id: CLOSEOUT_ID, version: 3 }} />);

    const chart = await screen.findByRole(
      'figure',
      { name: /Plan chart of CO-0042/ },
      { timeout: 5000 },
    );
    for (const stage of loaded.stages) {
      expect(within(chart).getByText(`${stage.code} ${stage.name}`)).toBeInTheDocument();
    }
    for (const task of loaded.tasks) {
      expect(within(chart).getByText(`${task.number} ${task.name}`)).toBeInTheDocument();
    }
    expect(row('2 Acknowledge the notice in writing')).toHaveTextContent('Overdue');
    expect(row('3 Open the closeout and link the client’s agreements')).toHaveTextContent('Done');
    expect(row(`30 ${loaded.tasks.find((task) => task.taskKey === 't30')!.name}`)).toHaveAttribute(
      'title',
      expect.stringMatching(/Planned, .* \(projected\)$/),
    );
    expect(within(chart).getByText('Today')).toBeInTheDocument();
    expect(within(chart).getByText('Termination date (projected)')).toBeInTheDocument();
    expect(within(chart).getByText(/Sam Service/)).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      `/api/v1/closeouts/${CLOSEOUT_ID}/plan.csv`,
    );
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveAttribute(
      'href',
      `/api/v1/closeouts/${CLOSEOUT_ID}/plan.ics`,
    );
  });

  it('lists the same plan as a table', async () => {
    const loaded = plan();
    fakeApi({ [`GET /closeouts/${CLOSEOUT_ID}/plan`]: () => loaded });
    const { user } = renderWithApp(<PlanTab closeout={{ id: CLOSEOUT_ID, version: 3 }} />);
    await screen.findByRole('figure', {}, { timeout: 5000 });
    await user.click(screen.getByRole('radio', { name: 'Table' }));

    const table = screen.getByRole('table', { name: 'Plan of CO-0042' });
    expect(within(table).getAllByRole('row')).toHaveLength(loaded.tasks.length + 1);
    const removeAgents = within(table)
      .getByText(loaded.tasks.find((task) => task.taskKey === 't30')!.name)
      .closest('tr')!;
    expect(removeAgents).toHaveTextContent('Service Desk Engineer');
    expect(removeAgents).toHaveTextContent('Planned');
    expect(removeAgents).toHaveTextContent('(projected)');
    expect(
      within(table).getByText('Acknowledge the notice in writing').closest('tr'),
    ).toHaveTextContent('Overdue');
  });
});
