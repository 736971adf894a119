import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, type Staff, type TestApp } from '../../../test/support/app.js';
import {
  buildCloseout,
  insertClient,
  insertClientReturn,
} from '../../../test/support/factories.js';
import { insertCloseout } from '../../db/repositories/closeouts.js';
import type { Closeout } from '../../domain/model.js';
import type { TKpiReportResponse, TKpiTrendResponse } from './schema.js';

let testApp: TestApp;
let executive: Staff;

/**
 * A small organisation whose 2022 is known by heart:
 * - A: client notice, terminated 15 March (42 days after notice), MRR 1,000, one deactivation
 *   issue inside the 30-day window and one after it; returned on 1 June.
 * - B: mutual, retained 1 May (30 days), MRR 500.
 * - C: client notice, withdrawn 20 May (10 days), MRR 300.
 * - D: provider termination, terminated 31 August (61 days), MRR 200, no issue.
 * - E: client notice, still open in the meeting stage, MRR 700.
 * - F: became a client in June, no closeout.
 * Every return window (6, 12, 24 months) of the 2022 cohort has elapsed by now.
 */
beforeAll(async () => {
  testApp = await createTestApp();
  executive = await createStaff({ app: testApp.app, roles: ['executive'] });
  const { db } = testApp;
  const orgId = executive.orgId;

  const closeout = async (clientSince: string, overrides: Partial<Closeout>) => {
    const client = await insertClient(db, orgId, { clientSince });
    const built = buildCloseout({ orgId, clientId: client.id, ...overrides });
    await insertCloseout(db, built);
    return built;
  };
  const reasons = (primary: string, contributing: string[] = []) => ({
    primary,
    contributing,
    notes: '',
  });

  const a = await closeout('2018-01-01', {
    status: 'terminated',
    stage: 'deactivation',
    noticeReceivedOn: '2022-02-01',
    openedAt: '2022-02-01T09:00:00.000Z',
    endedAt: '2022-03-15T12:00:00.000Z',
    sessionHeldAt: '2022-03-10T10:00:00.000Z',
    mrrAtRisk: 1000,
    reasons: reasons('price', ['service_quality', 'responsiveness']),
    deactivationIssues: [
      {
        id: randomUUID(),
        summary: 'Firewall admin password rejected',
        description: '',
        systemName: 'Firewall',
        loggedAt: '2022-03-12T09:00:00.000Z',
        loggedBy: 'Client',
        resolvedAt: null,
        resolution: '',
      },
      {
        id: randomUUID(),
        summary: 'Question about the DNS zone',
        description: '',
        systemName: null,
        loggedAt: '2022-05-01T09:00:00.000Z',
        loggedBy: 'Client',
        resolvedAt: null,
        resolution: '',
      },
    ],
  });
  await insertClientReturn(db, orgId, a, { agreementSignedOn: '2022-06-01' });
  await closeout('2019-01-01', {
    trigger: 'mutual',
    status: 'retained',
    noticeReceivedOn: '2022-04-01',
    openedAt: '2022-04-01T09:00:00.000Z',
    endedAt: '2022-05-01T09:00:00.000Z',
    mrrAtRisk: 500,
    reasons: reasons('price', ['service_quality']),
  });
  await closeout('2020-01-01', {
    status: 'withdrawn',
    noticeReceivedOn: '2022-05-10',
    openedAt: '2022-05-10T09:00:00.000Z',
    endedAt: '2022-05-20T09:00:00.000Z',
    mrrAtRisk: 300,
    reasons: reasons('relationship'),
  });
  await closeout('2020-06-01', {
    trigger: 'provider_termination',
    status: 'terminated',
    stage: 'deactivation',
    noticeReceivedOn: '2022-07-01',
    openedAt: '2022-07-01T09:00:00.000Z',
    endedAt: '2022-08-31T16:00:00.000Z',
    mrrAtRisk: 200,
    reasons: reasons('non_payment'),
    responsibilityAcceptance: {
      acceptedByName: 'Dora Decider',
      acceptedByTitle: 'Owner',
      acceptedAt: '2022-08-30T10:00:00.000Z',
      effectiveFrom: '2022-08-31T00:00:00.000Z',
      recordedBy: 'Sam Service',
      signature: null,
    },
  });
  await closeout('2021-01-01', {
    stage: 'closeout_meeting',
    noticeReceivedOn: '2022-09-01',
    openedAt: '2022-09-01T09:00:00.000Z',
    mrrAtRisk: 700,
  });
  await insertClient(db, orgId, { clientSince: '2022-06-01' });

  // Another organisation's terminated closeout in the same year never counts here.
  const stranger = await createStaff({ app: testApp.app, roles: ['executive'] });
  const foreignClient = await insertClient(db, stranger.orgId, { clientSince: '2010-01-01' });
  await insertCloseout(
    db,
    buildCloseout({
      orgId: stranger.orgId,
      clientId: foreignClient.id,
      status: 'terminated',
      openedAt: '2022-03-01T09:00:00.000Z',
      endedAt: '2022-04-01T09:00:00.000Z',
      mrrAtRisk: 9999,
    }),
  );
});

afterAll(async () => {
  await testApp.close();
});

const getKpis = (query: string, as: Staff = executive) =>
  testApp.app.inject({ method: 'GET', url: `/api/v1/kpis${query}`, headers: as.headers });

describe('GET /api/v1/kpis', () => {
  it('reports the known figures of 2022', async () => {
    const response = await getKpis('?from=2022-01-01&to=2022-12-31');
    expect(response.statusCode, response.body).toBe(200);
    const report: TKpiReportResponse = response.json();

    expect(report.period).toEqual({ from: '2022-01-01', to: '2022-12-31' });
    expect(report.deactivationIssues).toEqual({
      windowDays: 30,
      closeouts: 2,
      issues: 1,
      issuesPerCloseout: 0.5,
      closeoutsWithoutIssues: 1,
      shareWithoutIssues: 0.5,
    });
    expect(report.clientRetention).toEqual({
      ended: 3,
      retained: 1,
      withdrawn: 1,
      terminated: 1,
      rate: 2 / 3,
    });
    expect(report.logoRetention).toEqual({ activeAtStart: 5, activeAtEnd: 4, lost: 1, rate: 0.8 });
    expect(report.clientReturn).toEqual({
      cohort: 2,
      returnedToDate: 1,
      windows: [
        { months: 6, eligible: 2, returned: 1, rate: 0.5 },
        { months: 12, eligible: 2, returned: 1, rate: 0.5 },
        { months: 24, eligible: 2, returned: 1, rate: 0.5 },
      ],
    });
    expect(report.mrr).toEqual({ lost: 1200, saved: 800 });
    expect(report.mrrAtRisk).toEqual({ closeouts: 1, amount: 700 });
    expect(report.reasons).toEqual({
      primary: [
        { reason: 'price', closeouts: 2, mrrAtRisk: 1500 },
        { reason: 'non_payment', closeouts: 1, mrrAtRisk: 200 },
        { reason: 'relationship', closeouts: 1, mrrAtRisk: 300 },
        { reason: null, closeouts: 1, mrrAtRisk: 700 },
      ],
      contributing: [
        { reason: 'service_quality', closeouts: 2 },
        { reason: 'responsiveness', closeouts: 1 },
      ],
    });
    expect(report.daysNoticeToClose).toEqual({ closeouts: 4, median: 36, mean: 35.8 });
    expect(report.closeoutsByTrigger).toEqual({
      client_notice: 3,
      provider_termination: 1,
      mutual: 1,
    });
    expect(report.closeoutsByOutcome).toEqual({
      open: 1,
      retained: 1,
      withdrawn: 1,
      terminated: 2,
    });
    expect(report.openCloseoutsByStage).toEqual([
      { stage: 'retention_assessment', closeouts: 0, mrrAtRisk: 0 },
      { stage: 'closeout_meeting', closeouts: 1, mrrAtRisk: 700 },
      { stage: 'ticket_review', closeouts: 0, mrrAtRisk: 0 },
      { stage: 'deactivation_session', closeouts: 0, mrrAtRisk: 0 },
      { stage: 'deactivation', closeouts: 0, mrrAtRisk: 0 },
    ]);
  });

  it('states what every figure means, as computed and as the process definition says', async () => {
    const report: TKpiReportResponse = (await getKpis('?from=2022-01-01&to=2022-12-31')).json();
    expect(report.definitions.map((kpi) => kpi.key)).toContain('logo_retention');
    expect(report.processKpis.map((kpi) => kpi.key)).toEqual([
      'deactivation_issues',
      'client_retention_rate',
      'client_return_rate',
      'mrr_lost',
      'mrr_saved',
      'days_notice_to_close',
    ]);
    expect(report.processKpis[2]).toEqual({
      key: 'client_return_rate',
      name: 'Client Return Rate',
      definition: expect.stringContaining('within 6, 12 and 24 months'),
    });
  });

  it('counts only what falls in a narrower period', async () => {
    const report: TKpiReportResponse = (await getKpis('?from=2022-05-01&to=2022-05-31')).json();
    expect(report.clientRetention).toMatchObject({ ended: 2, retained: 1, withdrawn: 1, rate: 1 });
    expect(report.mrr).toEqual({ lost: 0, saved: 800 });
    expect(report.closeoutsByTrigger).toEqual({
      client_notice: 1,
      provider_termination: 0,
      mutual: 0,
    });
    expect(report.logoRetention).toEqual({ activeAtStart: 4, activeAtEnd: 4, lost: 0, rate: 1 });
  });

  it('puts at risk the MRR of the closeouts open when the period ends', async () => {
    const april: TKpiReportResponse = (await getKpis('?from=2022-04-01&to=2022-04-30')).json();
    expect(april.mrrAtRisk).toEqual({ closeouts: 1, amount: 500 });
    expect(april.definitions.find((kpi) => kpi.key === 'mrr_at_risk')?.definition).toContain(
      'still open at the end of the period',
    );
  });

  it('covers the twelve months up to today by default', async () => {
    const response = await getKpis('');
    expect(response.statusCode).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const { period } = response.json();
    expect(period.to).toBe(today);
    const yearAgo = new Date(`${today}T00:00:00Z`);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    expect(period.from).toBe(yearAgo.toISOString().slice(0, 10));
  });

  it('refuses a period that ends before it starts, or a day that is not one, naming from', async () => {
    const reversed = await getKpis('?from=2022-12-31&to=2022-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ code: 'validation', field: 'from' });
    expect(reversed.json().detail).toContain('2022-12-31');

    const notADay = await getKpis('?from=2022-13-01');
    expect(notADay.statusCode).toBe(400);
    expect(notADay.json().field).toBe('from');

    const badTo = await getKpis('?to=tomorrow');
    expect(badTo.json().field).toBe('to');
  });

  it('is readable by every staff role and no one else', async () => {
    const technician = await createStaff({
      app: testApp.app,
      orgId: executive.orgId,
      roles: ['technician'],
    });
    expect((await getKpis('', technician)).statusCode).toBe(200);
    const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/v1/kpis' });
    expect(anonymous.statusCode).toBe(401);
  });
});

const getTrend = (query: string, as: Staff = executive) =>
  testApp.app.inject({ method: 'GET', url: `/api/v1/kpis/trend${query}`, headers: as.headers });

describe('GET /api/v1/kpis/trend', () => {
  it('gives one point per calendar month, the last one up to the day asked for', async () => {
    const response = await getTrend('?months=12&to=2022-12-20');
    expect(response.statusCode, response.body).toBe(200);
    const trend: TKpiTrendResponse = response.json();

    expect(trend.period).toEqual({ from: '2022-01-01', to: '2022-12-20' });
    expect(trend.points.map((point) => point.month)).toEqual(
      Array.from({ length: 12 }, (_, index) => `2022-${String(index + 1).padStart(2, '0')}`),
    );
    expect(trend.points[1]).toMatchObject({ from: '2022-02-01', to: '2022-02-28' });
    expect(trend.points[11]).toMatchObject({ from: '2022-12-01', to: '2022-12-20' });

    expect(trend.points.map((point) => point.mrr.lost)).toEqual([
      0, 0, 1000, 0, 0, 0, 0, 200, 0, 0, 0, 0,
    ]);
    expect(trend.points.map((point) => point.mrr.saved)).toEqual([
      0, 0, 0, 0, 800, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(trend.points.map((point) => point.mrrAtRisk.amount)).toEqual([
      0, 1000, 0, 500, 0, 0, 200, 0, 700, 700, 700, 700,
    ]);
    const [, , march, , may] = trend.points;
    expect(march?.deactivationIssues).toMatchObject({
      closeouts: 1,
      issues: 1,
      shareWithoutIssues: 0,
    });
    expect(march?.clientReturn.windows[0]).toEqual({
      months: 6,
      eligible: 1,
      returned: 1,
      rate: 1,
    });
    expect(may?.clientRetention).toEqual({
      ended: 2,
      retained: 1,
      withdrawn: 1,
      terminated: 0,
      rate: 1,
    });
  });

  it('reads every month exactly as the report over that month', async () => {
    const trend: TKpiTrendResponse = (await getTrend('?months=9&to=2022-09-30')).json();
    expect(trend.points).toHaveLength(9);
    for (const point of trend.points) {
      const report: TKpiReportResponse = (
        await getKpis(`?from=${point.from}&to=${point.to}`)
      ).json();
      expect(point, point.month).toEqual({
        month: point.month,
        from: point.from,
        to: point.to,
        deactivationIssues: report.deactivationIssues,
        clientRetention: report.clientRetention,
        clientReturn: report.clientReturn,
        mrr: report.mrr,
        mrrAtRisk: report.mrrAtRisk,
      });
    }
  });

  it('covers the twelve months up to today by default', async () => {
    const response = await getTrend('');
    expect(response.statusCode).toBe(200);
    const trend: TKpiTrendResponse = response.json();
    const today = new Date().toISOString().slice(0, 10);
    expect(trend.points).toHaveLength(12);
    expect(trend.points.at(-1)).toMatchObject({ month: today.slice(0, 7), to: today });
    expect(trend.points.at(-1)?.mrrAtRisk).toEqual({ closeouts: 1, amount: 700 });
  });

  it('refuses a number of months outside 1 to 36, or a day that is not one, naming the field', async () => {
    for (const months of ['0', '37', 'twelve']) {
      const response = await getTrend(`?months=${months}`);
      expect(response.statusCode, months).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation', field: 'months' });
    }
    const badTo = await getTrend('?to=yesterday');
    expect(badTo.statusCode).toBe(400);
    expect(badTo.json().field).toBe('to');
  });

  it('is readable by every staff role and no one else', async () => {
    const finance = await createStaff({
      app: testApp.app,
      orgId: executive.orgId,
      roles: ['finance'],
    });
    expect((await getTrend('', finance)).statusCode).toBe(200);
    const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/v1/kpis/trend' });
    expect(anonymous.statusCode).toBe(401);
  });
});
