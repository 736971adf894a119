import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION } from '../../../../src/blueprint/default-definition.js';
import { defaultPersonalisation, personalise } from '../../../../src/blueprint/personalise.js';
import type { TPersonalisation } from '../../../../src/blueprint/schema.js';
import {
  buildCloseoutDetail,
  buildTask,
  CLOSEOUT_ID,
  stageRef,
  tasksUpTo,
  unmetGate,
} from '../../../test/fixtures/closeout.js';
import { fakeApi, renderWithApp, signedInUser } from '../../../test/render.js';
import { CloseoutPage } from '../closeouts/page/CloseoutPage.js';
import { ProcessPage } from '../process/ProcessPage.js';
import { CloseoutBlueprint } from './CloseoutBlueprint.js';
import { ProcessDiagrams } from './ProcessDiagrams.js';

const personalisation: TPersonalisation = {
  ...defaultPersonalisation('Harbour IT'),
  primaryColor: '#0b7a75',
  roleNames: { technician: 'Service Desk Engineer' },
  systemNames: { psa: 'HaloPSA' },
};
const definition = personalise(DEFAULT_DEFINITION, personalisation);
const user = signedInUser({
  organisation: {
    ...signedInUser().organisation,
    name: 'Harbour IT',
    personalisation,
  },
});

const drawing = () => screen.getByTestId('diagram-drawing');
const taskKey = (number: string) => {
  const task = DEFAULT_DEFINITION.tasks.find((candidate) => candidate.number === number);
  if (task === undefined) throw new Error(`no task ${number}`);
  return task.key;
};

describe('the process diagrams', () => {
  it('draws the blueprint of the version shown in the organisation’s names, without a request', () => {
    const { requests } = fakeApi({});
    renderWithApp(<ProcessDiagrams definition={definition} />, { user });

    const svg = drawing().querySelector('svg');
    expect(svg).not.toBeNull();
    for (const task of DEFAULT_DEFINITION.tasks) {
      expect(drawing().querySelector(`g.task[data-task="${task.key}"]`)).not.toBeNull();
    }
    expect(drawing().textContent).toContain('Service Desk Engineer');
    expect(drawing().textContent).toContain('HaloPSA');
    expect(drawing().textContent).toContain('Line of visibility');
    expect(requests).toEqual([]);

    expect(
      screen.getByRole('link', { name: 'Download the Process overview as SVG' }),
    ).toHaveAttribute('href', '/api/v1/process/diagrams/overview.svg?version=1');
  });

  it('zooms with the buttons and the keyboard, and fits the whole diagram again', async () => {
    fakeApi({});
    const { user: person } = renderWithApp(<ProcessDiagrams definition={definition} />, { user });
    const frame = screen.getByRole('region', { name: /^Process Overview Diagram/ });
    expect(screen.getByText('100%')).toBeInTheDocument();

    await person.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByText('125%')).toBeInTheDocument();
    expect(drawing().style.transform).toContain('scale(1.25)');

    frame.focus();
    await person.keyboard('-');
    expect(screen.getByText('100%')).toBeInTheDocument();
    await person.keyboard('{ArrowRight}');
    expect(drawing().style.transform).toContain('translate(-60px, 0px)');

    fireEvent.wheel(frame, { deltaY: -200, clientX: 0, clientY: 0 });
    expect(screen.queryByText('100%')).not.toBeInTheDocument();

    await person.click(screen.getByRole('button', { name: 'Fit' }));
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(drawing().style.transform).toBe('translate(0px, 0px) scale(1)');
  });

  it('offers the PDF on A3 and 11×17', async () => {
    fakeApi({});
    const { user: person } = renderWithApp(<ProcessDiagrams definition={definition} />, { user });
    await person.click(
      screen.getByRole('button', { name: 'Download the Process overview as PDF' }),
    );
    // The menu's items are links to the two papers.
    const hrefOf = async (label: string) =>
      (await screen.findByText(label)).closest('a')?.getAttribute('href');
    expect(await hrefOf('PDF, A3')).toBe(
      '/api/v1/process/diagrams/overview.pdf?version=1&paper=a3',
    );
    expect(await hrefOf('PDF, 11×17')).toBe(
      '/api/v1/process/diagrams/overview.pdf?version=1&paper=tabloid',
    );
  });

  it('shows the life cycle with the closeout modules highlighted', async () => {
    fakeApi({});
    const { user: person, router } = renderWithApp(<ProcessDiagrams definition={definition} />, {
      user,
    });
    await person.click(screen.getByRole('radio', { name: 'Life cycle' }));
    expect(router.state.location.search).toBe('?diagram=life-cycle');
    expect(
      drawing().querySelector('g.module[data-module="11a"][data-state="covered"]'),
    ).not.toBeNull();
    expect(
      drawing().querySelector('g.module[data-module="11b"][data-state="covered"]'),
    ).not.toBeNull();
    expect(drawing().textContent).toContain('Service Desk Engineer');
    expect(
      screen.getByRole('link', { name: 'Download the Life cycle diagram as SVG' }),
    ).toHaveAttribute('href', '/api/v1/process/diagrams/life-cycle.svg?version=1');
  });

  it('is a tab of the Process page', async () => {
    fakeApi({
      'GET /process/definition': () => definition,
      'GET /process/definitions': () => ({ versions: [] }),
    });
    renderWithApp(<ProcessPage />, { route: '/process?view=diagrams', user });
    expect(await screen.findByRole('tab', { name: 'Diagrams', selected: true })).toBeVisible();
    expect(await screen.findByRole('region', { name: /^Process Overview Diagram/ })).toBeVisible();
  });
});

/** In the open ticket review: earlier work done, one review task late, the ticket gate unmet. */
function closeoutInReview() {
  const stage = stageRef('ticket_review');
  const tasks = tasksUpTo('ticket_review').map((task) => {
    if (task.stageKey !== 'ticket_review') {
      return { ...task, status: 'done' as const, completedAt: '2026-11-10T10:00:00.000Z' };
    }
    return task.taskKey === taskKey('21')
      ? buildTask({ taskKey: task.taskKey, overdue: true })
      : task;
  });
  return buildCloseoutDetail({
    stage,
    tasks,
    unmetStageGates: [
      unmetGate(
        DEFAULT_DEFINITION.gates.find((gate) => gate.milestone === 'tickets_resolved')?.key ?? '',
      ),
    ],
  });
}

describe('a closeout’s blueprint', () => {
  it('marks done, overdue and gate-holding tasks and the current stage', () => {
    fakeApi({});
    renderWithApp(<CloseoutBlueprint closeout={closeoutInReview()} definition={definition} />, {
      user,
    });
    const stateOf = (number: string) =>
      drawing()
        .querySelector(`g.task[data-task="${taskKey(number)}"]`)
        ?.getAttribute('data-state');
    expect(stateOf('2')).toBe('done');
    expect(stateOf('21')).toBe('overdue');
    expect(stateOf('20')).toBe('blocking');
    expect(stateOf('26')).toBeNull();
    expect(drawing().textContent).toContain('11a.03  ·  CURRENT STAGE');
    expect(drawing().textContent).toContain('Closeout CO-0042: Acme Dental');
    expect(
      screen.getByRole('link', { name: 'Download the closeout’s blueprint as SVG' }),
    ).toHaveAttribute('href', `/api/v1/closeouts/${CLOSEOUT_ID}/diagram.svg`);
  });

  it('opens a task’s stage by a click or by the keyboard', async () => {
    fakeApi({});
    const { user: person, router } = renderWithApp(
      <CloseoutBlueprint closeout={closeoutInReview()} definition={definition} />,
      { user, route: '/closeouts/x?tab=blueprint' },
    );
    // Browsers name an SVG button by its <title> (SVG-AAM); jsdom names it by its text.
    const taskButton = (title: RegExp) =>
      within(drawing())
        .getAllByRole('button')
        .find((button) => title.test(button.querySelector('title')?.textContent ?? ''))!;
    const acknowledge = taskButton(/^2\. Acknowledge the notice in writing$/);
    expect(acknowledge).toHaveAttribute('aria-description', 'Done. Open the stage of task.');
    await person.click(acknowledge);
    expect(router.state.location.search).toBe('?stage=retention_assessment');

    const meeting = taskButton(/^13\. /);
    meeting.focus();
    await person.keyboard('{Enter}');
    expect(router.state.location.search).toBe('?stage=closeout_meeting');
  });

  it('is the Blueprint tab of the closeout page', async () => {
    const closeout = closeoutInReview();
    fakeApi({
      [`GET /closeouts/${CLOSEOUT_ID}`]: () => closeout,
      'GET /process/definitions/msp-11a/1': () => definition,
    });
    renderWithApp(<CloseoutPage />, {
      route: `/closeouts/${CLOSEOUT_ID}?tab=blueprint`,
      path: '/closeouts/:closeoutId',
      user,
    });
    expect(await screen.findByRole('tab', { name: 'Blueprint', selected: true })).toBeVisible();
    const frame = await screen.findByRole('region', { name: /closeout CO-0042/ });
    expect(within(frame).getAllByRole('button').length).toBeGreaterThan(20);
  });
});
