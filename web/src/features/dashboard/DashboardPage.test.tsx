import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { kpiDefinitions } from '../../../../src/domain/kpis/definitions.js';
import type { TKpiTrendPoint } from '../../../../src/domain/kpis/report-schema.js';
import type { TCloseoutSummary } from '../../../../src/server/closeouts/schema.js';
import type { TKpiReportResponse, TKpiTrendResponse } from '../../../../src/server/kpis/schema.js';
import type { TTaskListItem, TTaskPage } from '../../../../src/server/tasks/schema.js';
import { buildDefinition, CLIENT_ID } from '../../../test/fixtures/closeout.js';
import { type ApiHandlers, fakeApi, renderWithApp } from '../../../test/render.js';
import { formatDay } from '../../format.js';
import { DashboardPage } from './DashboardPage.js';

const definition = buildDefinition();

/** The report's definition of the retention rate, as the API computed it. */
const RETENTION_DEFINITION = 'Harbour IT counts a client as kept when it stays after notice.';
/** The organisation's own name for the return rate, from its process definition. */
const RETURN_NAME = 'Win-back Rate';

const report: TKpiReportResponse = {
  period: { from: '2025-06-15', to: '2026-06-15' },
  asOf: '2026-06-15T08:00:00.000Z',
  deactivationIssues: {
    windowDays: 30,
    closeouts: 4,
    issues: 1,
    issuesPerCloseout: 0.25,
    closeoutsWithoutIssues: 3,
    shareWithoutIssues: 0.75,
  },
  clientRetention: { ended: 4, retained: 2, withdrawn: 1, terminated: 1, rate: 0.75 },
  logoRetention: { activeAtStart: 40, activeAtEnd: 38, lost: 2, rate: 0.95 },
  clientReturn: {
    cohort: 4,
    returnedToDate: 1,
    windows: [
      { months: 6, eligible: 2, returned: 1, rate: 0.5 },
      { months: 12, eligible: 0, returned: 0, rate: null },
      { months: 24, eligible: 0, returned: 0, rate: null },
    ],
  },
  mrr: { lost: 4200, saved: 3100 },
  mrrAtRisk: { closeouts: 2, amount: 2750 },
  reasons: { primary: [], contributing: [] },
  daysNoticeToClose: { closeouts: 4, median: 40, mean: 41.5 },
  closeoutsByTrigger: { client_notice: 3, provider_termination: 1, mutual: 0 },
  closeoutsByOutcome: { open: 2, retained: 2, withdrawn: 1, terminated: 1 },
  openCloseoutsByStage: [],
  definitions: kpiDefinitions({ deactivationIssueWindowDays: 30 }).map((kpi) =>
    kpi.key === 'client_retention_rate' ? { ...kpi, definition: RETENTION_DEFINITION } : kpi,
  ),
  processKpis: definition.kpis.map(({ key, name, definition: text }) => ({
    key,
    name: key === 'client_return_rate' ? RETURN_NAME : name,
    definition: text,
  })),
};

const point = (month: string, retention: number | null): TKpiTrendPoint => ({
  month,
  from: `${month}-01`,
  to: `${month}-28`,
  deactivationIssues: report.deactivationIssues,
  clientRetention: { ...report.clientRetention, rate: retention },
  clientReturn: report.clientReturn,
  mrr: report.mrr,
  mrrAtRisk: report.mrrAtRisk,
});

const trend: TKpiTrendResponse = {
  period: { from: '2026-04-01', to: '2026-06-15' },
  asOf: report.asOf,
  points: [point('2026-04', null), point('2026-05', 0.5), point('2026-06', 1)],
};

const closeout = (overrides: Partial<TCloseoutSummary>): TCloseoutSummary => ({
  id: '11111111-1111-4111-8111-000000000001',
  reference: 'CO-0001',
  client: { id: CLIENT_ID, name: 'Acme Dental' },
  trigger: 'client_notice',
  stage: 'retention_assessment',
  status: 'open',
  ownerUserId: null,
  noticeReceivedOn: '2026-05-01',
  terminationDate: null,
  openedAt: '2026-05-01T09:00:00.000Z',
  endedAt: null,
  mrrAtRisk: 1500,
  openTasks: 4,
  overdueTasks: 0,
  version: 3,
  ...overrides,
});

const task = (overrides: Partial<TTaskListItem>): TTaskListItem => ({
  id: '33333333-3333-4333-8333-000000000001',
  taskKey: 't13',
  stageKey: 'ticket_review',
  name: 'Pull the client’s open tickets',
  lane: 'backstage',
  roles: ['technician'],
  required: true,
  dueOn: '2020-01-10',
  assigneeUserId: '00000000-0000-4000-8000-000000000001',
  status: 'open',
  completedAt: null,
  completedBy: null,
  evidence: '',
  waiverReason: '',
  overdue: true,
  closeout: {
    id: '11111111-1111-4111-8111-000000000002',
    reference: 'CO-0002',
    stage: 'ticket_review',
    status: 'open',
    version: 7,
  },
  client: { id: CLIENT_ID, name: 'Bright Law' },
  ...overrides,
});

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 50 });

function dashboardApi(tasks: { overdue: TTaskPage; week: TTaskPage }): ApiHandlers {
  return {
    'GET /kpis': () => report,
    'GET /kpis/trend': () => trend,
    'GET /process/definition': () => definition,
    'GET /closeouts': () => ({
      ...page([
        closeout({}),
        closeout({
          id: '11111111-1111-4111-8111-000000000003',
          reference: 'CO-0003',
          client: { id: CLIENT_ID, name: 'Cobalt Freight' },
          stage: 'closeout_meeting',
          trigger: 'provider_termination',
          terminationDate: '2026-08-31',
          overdueTasks: 2,
          mrrAtRisk: 1250,
        }),
      ]),
      pageSize: 200,
    }),
    'GET /tasks': (request) =>
      request.query.get('due') === 'overdue' ? tasks.overdue : tasks.week,
  };
}

describe('DashboardPage', () => {
  it('shows each KPI with its value, its name and definition from the API, and its monthly trend', async () => {
    const { requests } = fakeApi(dashboardApi({ overdue: page([]), week: page([]) }));
    const { user } = renderWithApp(<DashboardPage />);

    const retention = await screen.findByRole('article', { name: 'Client Retention Rate' });
    expect(retention).toHaveTextContent('75%');
    expect(retention).toHaveTextContent('3 of 4 ended closeouts kept the client');
    expect(screen.getByRole('article', { name: RETURN_NAME })).toHaveTextContent(
      '1 of 2 former clients returned within 6 months',
    );
    expect(screen.getByRole('article', { name: 'Deactivation Issues' })).toHaveTextContent('75%');
    expect(screen.getByRole('article', { name: 'MRR at Risk' })).toHaveTextContent('$2,750');
    expect(screen.getByRole('article', { name: 'MRR Lost' })).toHaveTextContent('$4,200');
    expect(screen.getByRole('article', { name: 'MRR Saved' })).toHaveTextContent('$3,100');

    await user.hover(
      within(retention).getByRole('button', { name: 'Client Retention Rate: what it means' }),
    );
    expect(await screen.findByText(RETENTION_DEFINITION)).toBeInTheDocument();
    await user.hover(screen.getByRole('button', { name: 'MRR at Risk: what it means' }));
    expect(await screen.findByText(/still open at the end of the period/)).toBeInTheDocument();

    expect(
      await within(retention).findByRole('img', {
        name: /^Client Retention Rate, month by month: Apr 2026 —, May 2026 50%, Jun 2026 100%$/,
      }),
    ).toBeInTheDocument();
    expect(requests.find((request) => request.path === '/kpis/trend')?.query.get('months')).toBe(
      '12',
    );
  });

  it('puts every open closeout on the board under its stage, linked to it', async () => {
    const { requests } = fakeApi(dashboardApi({ overdue: page([]), week: page([]) }));
    renderWithApp(<DashboardPage />);

    const meeting = await screen.findByRole('region', { name: 'Service Closeout Meeting' });
    const card = within(meeting).getByRole('link', { name: /^Cobalt Freight CO-0003/ });
    expect(card).toHaveAttribute('href', '/closeouts/11111111-1111-4111-8111-000000000003');
    expect(card).toHaveTextContent('Provider terminates');
    expect(card).toHaveTextContent('2 overdue tasks');
    expect(card).toHaveTextContent(`Terminates ${formatDay('2026-08-31')}`);
    expect(card).toHaveTextContent('$1,250');

    const assessment = screen.getByRole('region', { name: 'Internal Retention Assessment' });
    expect(within(assessment).getByRole('link', { name: /^Acme Dental CO-0001/ })).toBeVisible();
    expect(within(assessment).queryByText(/overdue/)).not.toBeInTheDocument();

    for (const stage of definition.stages) {
      expect(screen.getByRole('region', { name: stage.name })).toBeInTheDocument();
    }
    expect(screen.getByRole('region', { name: 'Open Ticket Review' })).toHaveTextContent(
      'No closeout is in this stage.',
    );

    const list = requests.find((request) => request.path === '/closeouts');
    expect(list?.query.get('status')).toBe('open');
    expect(list?.query.get('pageSize')).toBe('200');
  });

  it('lists my overdue and upcoming tasks, each linked to its closeout’s stage', async () => {
    const { requests } = fakeApi(
      dashboardApi({
        overdue: page([task({})]),
        week: page([
          task({
            id: '33333333-3333-4333-8333-000000000002',
            name: 'Schedule the closeout meeting',
            stageKey: 'closeout_meeting',
            dueOn: '2099-01-01',
            overdue: false,
          }),
        ]),
      }),
    );
    renderWithApp(<DashboardPage />);

    const overdue = await screen.findByRole('region', { name: 'Overdue' });
    expect(
      within(overdue).getByRole('link', { name: 'Pull the client’s open tickets' }),
    ).toHaveAttribute(
      'href',
      '/closeouts/11111111-1111-4111-8111-000000000002?stage=ticket_review',
    );
    expect(overdue).toHaveTextContent('Bright Law · CO-0002');
    expect(overdue).toHaveTextContent(/\d+ days overdue/);
    const upcoming = screen.getByRole('region', { name: 'Due this week' });
    expect(
      within(upcoming).getByRole('link', { name: 'Schedule the closeout meeting' }),
    ).toHaveAttribute(
      'href',
      '/closeouts/11111111-1111-4111-8111-000000000002?stage=closeout_meeting',
    );

    const taskQueries = requests
      .filter((request) => request.path === '/tasks')
      .map((request) => `${request.query.get('assignee')} ${request.query.get('due')}`);
    expect(taskQueries.sort()).toEqual(['me overdue', 'me week']);
  });

  it('says so when nothing of mine is due', async () => {
    fakeApi(dashboardApi({ overdue: page([]), week: page([]) }));
    renderWithApp(<DashboardPage />);
    expect(await screen.findByText('Nothing due')).toBeInTheDocument();
  });
});
