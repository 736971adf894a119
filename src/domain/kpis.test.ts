import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  clientRetentionRate,
  clientReturnRate,
  closeoutsByOutcome,
  closeoutsByTrigger,
  computeKpiReport,
  daysNoticeToClose,
  deactivationIssues,
  type KpiCloseout,
  type KpiReturn,
  logoRetention,
  mrrLostAndSaved,
  openCloseoutsByStage,
  reasonsBreakdown,
  ZKpiReport,
} from './kpis.js';

let sequence = 0;

function buildKpiCloseout(overrides: Partial<KpiCloseout> = {}): KpiCloseout {
  sequence += 1;
  return {
    id: `co-${sequence}`,
    clientId: `client-${sequence}`,
    trigger: 'client_notice',
    status: 'open',
    stage: 'retention_assessment',
    noticeReceivedOn: '2025-01-02',
    openedAt: '2025-01-03T09:00:00Z',
    endedAt: null,
    mrrAtRisk: 1000,
    reasons: { primary: null, contributing: [], notes: '' },
    sessionHeldAt: null,
    responsibilityAcceptedAt: null,
    deactivationIssueLoggedAt: [],
    ...overrides,
  };
}

function buildReturn(closeout: KpiCloseout, agreementSignedOn: string): KpiReturn {
  return {
    id: `return-${closeout.id}`,
    clientId: closeout.clientId,
    closeoutId: closeout.id,
    agreementSignedOn,
    monthlyRecurringRevenue: 800,
  };
}

const FIRST_QUARTER = { from: '2025-01-01', to: '2025-03-31' };

describe('deactivationIssues', () => {
  const withSession = buildKpiCloseout({
    status: 'terminated',
    sessionHeldAt: '2025-02-10T14:00:00Z',
    responsibilityAcceptedAt: '2025-02-10T15:00:00Z',
    endedAt: '2025-02-20T10:00:00Z',
    deactivationIssueLoggedAt: [
      '2025-02-10T13:59:00Z', // before the session: not a deactivation issue
      '2025-02-11T09:00:00Z',
      '2025-03-22T10:00:00Z', // exactly 30 days after closing: still counts
      '2025-03-22T10:01:00Z', // after the window
    ],
  });
  const withAcceptanceOnly = buildKpiCloseout({
    status: 'terminated',
    responsibilityAcceptedAt: '2025-03-01T12:00:00Z',
    endedAt: '2025-03-02T09:00:00Z',
    deactivationIssueLoggedAt: ['2025-03-01T11:00:00Z'],
  });
  const withClosingOnly = buildKpiCloseout({
    status: 'terminated',
    endedAt: '2025-03-10T08:00:00Z',
    deactivationIssueLoggedAt: ['2025-03-10T07:00:00Z', '2025-03-10T09:00:00Z'],
  });
  const retained = buildKpiCloseout({
    status: 'retained',
    endedAt: '2025-02-01T08:00:00Z',
    deactivationIssueLoggedAt: ['2025-02-02T08:00:00Z'],
  });
  const endedAfterPeriod = buildKpiCloseout({
    status: 'terminated',
    endedAt: '2025-04-01T00:00:00Z',
    deactivationIssueLoggedAt: ['2025-04-02T08:00:00Z'],
  });
  const closeouts = [withSession, withAcceptanceOnly, withClosingOnly, retained, endedAfterPeriod];

  it('counts issues from the session until the window after closing, over terminated closeouts', () => {
    expect(deactivationIssues({ closeouts, period: FIRST_QUARTER, windowDays: 30 })).toEqual({
      windowDays: 30,
      closeouts: 3,
      issues: 3,
      issuesPerCloseout: 1,
      closeoutsWithoutIssues: 1,
      shareWithoutIssues: 1 / 3,
    });
  });

  it('takes the window length from the definition', () => {
    const report = deactivationIssues({ closeouts, period: FIRST_QUARTER, windowDays: 0 });
    // Only the issue logged between the session and the closing of the first closeout is left.
    expect(report.issues).toBe(1);
    expect(report.issuesPerCloseout).toBe(1 / 3);
  });
});

describe('clientRetentionRate', () => {
  const endedInPeriod = '2025-02-15T12:00:00Z';
  const closeouts = [
    buildKpiCloseout({ trigger: 'client_notice', status: 'retained', endedAt: endedInPeriod }),
    buildKpiCloseout({ trigger: 'mutual', status: 'retained', endedAt: endedInPeriod }),
    buildKpiCloseout({ trigger: 'client_notice', status: 'withdrawn', endedAt: endedInPeriod }),
    buildKpiCloseout({ trigger: 'client_notice', status: 'terminated', endedAt: endedInPeriod }),
    buildKpiCloseout({ trigger: 'mutual', status: 'terminated', endedAt: endedInPeriod }),
    buildKpiCloseout({
      trigger: 'provider_termination',
      status: 'terminated',
      endedAt: endedInPeriod,
    }),
    buildKpiCloseout({
      trigger: 'provider_termination',
      status: 'withdrawn',
      endedAt: endedInPeriod,
    }),
    buildKpiCloseout({ trigger: 'client_notice', status: 'open' }),
    buildKpiCloseout({
      trigger: 'client_notice',
      status: 'terminated',
      endedAt: '2024-12-31T23:59:59Z',
    }),
  ];

  it('keeps provider terminations out and counts a withdrawn notice as a kept client', () => {
    expect(clientRetentionRate({ closeouts, period: FIRST_QUARTER })).toEqual({
      ended: 5,
      retained: 2,
      withdrawn: 1,
      terminated: 2,
      rate: 0.6,
    });
  });
});

describe('logoRetention', () => {
  const year = { from: '2025-01-01', to: '2025-12-31' };
  const departure = (clientId: string, endedAt: string) =>
    buildKpiCloseout({ clientId, status: 'terminated', endedAt });

  const lostInYear = departure('lost', '2025-05-01T10:00:00Z');
  const returnedInYear = departure('returned-in-year', '2025-03-01T10:00:00Z');
  const goneBefore = departure('gone-before', '2024-06-01T10:00:00Z');
  const returnedBefore = departure('returned-before', '2024-06-01T10:00:00Z');
  const leavesJustAfter = departure('leaves-just-after', '2026-01-01T00:00:00Z');
  const closeouts = [
    lostInYear,
    returnedInYear,
    goneBefore,
    returnedBefore,
    leavesJustAfter,
    buildKpiCloseout({ clientId: 'kept', status: 'retained', endedAt: '2025-04-01T10:00:00Z' }),
  ];
  const returns = [
    buildReturn(returnedInYear, '2025-09-01'),
    buildReturn(returnedBefore, '2024-11-01'),
  ];
  const clients = [
    { id: 'steady', clientSince: '2020-01-01' },
    { id: 'lost', clientSince: '2020-01-01' },
    { id: 'returned-in-year', clientSince: '2020-01-01' },
    { id: 'gone-before', clientSince: '2020-01-01' },
    { id: 'returned-before', clientSince: '2020-01-01' },
    { id: 'leaves-just-after', clientSince: '2020-01-01' },
    { id: 'kept', clientSince: '2020-01-01' },
    { id: 'joined-on-first-day', clientSince: '2025-01-01' },
    { id: 'joined-later', clientSince: '2025-02-01' },
  ];

  it('counts a client that left and returned within the period as retained', () => {
    expect(logoRetention({ clients, closeouts, returns, period: year })).toEqual({
      activeAtStart: 7,
      activeAtEnd: 6,
      lost: 1,
      rate: 6 / 7,
    });
  });

  it('counts a client lost until its return is signed', () => {
    const beforeReturn = { from: '2025-01-01', to: '2025-08-31' };
    expect(logoRetention({ clients, closeouts, returns, period: beforeReturn })).toMatchObject({
      activeAtStart: 7,
      activeAtEnd: 5,
      lost: 2,
    });
  });
});

describe('clientReturnRate', () => {
  const year2024 = { from: '2024-01-01', to: '2024-12-31' };
  const returnsAtFiveMonths = buildKpiCloseout({
    status: 'terminated',
    endedAt: '2024-01-15T10:00:00Z',
  });
  const returnsAtElevenMonths = buildKpiCloseout({
    status: 'terminated',
    endedAt: '2024-02-01T10:00:00Z',
  });
  const returnsAtThirtyMonths = buildKpiCloseout({
    status: 'terminated',
    endedAt: '2024-01-20T10:00:00Z',
  });
  const windowStillRunning = buildKpiCloseout({
    status: 'terminated',
    endedAt: '2024-12-10T10:00:00Z',
  });
  const endedBeforeCohort = buildKpiCloseout({
    status: 'terminated',
    endedAt: '2023-12-31T10:00:00Z',
  });
  const closeouts = [
    returnsAtFiveMonths,
    returnsAtElevenMonths,
    returnsAtThirtyMonths,
    windowStillRunning,
    endedBeforeCohort,
    buildKpiCloseout({ status: 'retained', endedAt: '2024-05-01T10:00:00Z' }),
  ];
  const returns = [
    buildReturn(returnsAtFiveMonths, '2024-06-10'),
    buildReturn(returnsAtElevenMonths, '2025-01-05'),
    buildReturn(returnsAtThirtyMonths, '2026-07-20'),
    buildReturn(endedBeforeCohort, '2024-02-01'),
  ];

  it('counts returns per window over the clients whose window has elapsed', () => {
    const now = '2026-09-15T12:00:00Z';
    expect(clientReturnRate({ closeouts, returns, period: year2024, now })).toEqual({
      cohort: 4,
      returnedToDate: 3,
      windows: [
        { months: 6, eligible: 4, returned: 1, rate: 0.25 },
        { months: 12, eligible: 4, returned: 2, rate: 0.5 },
        { months: 24, eligible: 3, returned: 2, rate: 2 / 3 },
      ],
    });
  });

  it('includes the last day of a window and waits for it to pass', () => {
    const endedAtMonthEnd = buildKpiCloseout({
      status: 'terminated',
      endedAt: '2024-03-31T16:00:00Z',
    });
    // Six months after 31 March is 30 September: the month has no 31st.
    const returnedOnLastDay = [buildReturn(endedAtMonthEnd, '2024-09-30')];
    const windowOf = (now: string) =>
      clientReturnRate({
        closeouts: [endedAtMonthEnd],
        returns: returnedOnLastDay,
        period: year2024,
        now,
      }).windows[0];

    expect(windowOf('2024-09-30T23:00:00Z')).toEqual({
      months: 6,
      eligible: 0,
      returned: 0,
      rate: null,
    });
    expect(windowOf('2024-10-01T00:00:00Z')).toEqual({
      months: 6,
      eligible: 1,
      returned: 1,
      rate: 1,
    });
  });
});

describe('mrrLostAndSaved', () => {
  it('includes closeouts that ended on the first and the last day of the period', () => {
    const closeouts = [
      buildKpiCloseout({ status: 'terminated', endedAt: '2025-01-01T00:00:00Z', mrrAtRisk: 1 }),
      buildKpiCloseout({ status: 'terminated', endedAt: '2025-03-31T23:59:59.999Z', mrrAtRisk: 2 }),
      // 23:00 on 31 March in UTC.
      buildKpiCloseout({
        status: 'terminated',
        endedAt: '2025-04-01T01:00:00+02:00',
        mrrAtRisk: 4,
      }),
      buildKpiCloseout({ status: 'terminated', endedAt: '2024-12-31T23:59:59Z', mrrAtRisk: 8 }),
      buildKpiCloseout({ status: 'terminated', endedAt: '2025-04-01T00:00:00Z', mrrAtRisk: 16 }),
      buildKpiCloseout({ status: 'retained', endedAt: '2025-02-01T10:00:00Z', mrrAtRisk: 0.1 }),
      buildKpiCloseout({ status: 'withdrawn', endedAt: '2025-02-02T10:00:00Z', mrrAtRisk: 0.2 }),
      buildKpiCloseout({ status: 'open', mrrAtRisk: 32 }),
    ];
    expect(mrrLostAndSaved({ closeouts, period: FIRST_QUARTER })).toEqual({ lost: 7, saved: 0.3 });
  });
});

describe('reasonsBreakdown', () => {
  const reasons = (primary: string | null, contributing: string[] = []) => ({
    primary,
    contributing,
    notes: '',
  });
  const closeouts = [
    buildKpiCloseout({
      reasons: reasons('price', ['service_quality', 'responsiveness']),
      mrrAtRisk: 1000.1,
    }),
    buildKpiCloseout({
      reasons: reasons('price', ['service_quality', 'service_quality']),
      mrrAtRisk: 500.2,
    }),
    buildKpiCloseout({ reasons: reasons('moving_to_another_provider'), mrrAtRisk: 2000 }),
    buildKpiCloseout({ reasons: reasons(null, ['price']), mrrAtRisk: 300 }),
    buildKpiCloseout({ reasons: reasons('price'), openedAt: '2025-04-01T09:00:00Z' }),
  ];

  it('groups the closeouts opened in the period by primary reason, with their MRR', () => {
    expect(reasonsBreakdown({ closeouts, period: FIRST_QUARTER })).toEqual({
      primary: [
        { reason: 'price', closeouts: 2, mrrAtRisk: 1500.3 },
        { reason: 'moving_to_another_provider', closeouts: 1, mrrAtRisk: 2000 },
        { reason: null, closeouts: 1, mrrAtRisk: 300 },
      ],
      contributing: [
        { reason: 'service_quality', closeouts: 2 },
        { reason: 'price', closeouts: 1 },
        { reason: 'responsiveness', closeouts: 1 },
      ],
    });
  });
});

describe('daysNoticeToClose', () => {
  it('gives the median and mean calendar days over the closeouts ended in the period', () => {
    const closeouts = [
      buildKpiCloseout({
        status: 'terminated',
        noticeReceivedOn: '2025-01-01',
        endedAt: '2025-01-31T23:30:00Z',
      }),
      // 23:10 on 18 February in UTC.
      buildKpiCloseout({
        status: 'retained',
        noticeReceivedOn: '2025-01-10',
        endedAt: '2025-02-19T00:10:00+01:00',
      }),
      buildKpiCloseout({
        status: 'withdrawn',
        noticeReceivedOn: '2024-12-01',
        endedAt: '2025-03-01T10:00:00Z',
      }),
      buildKpiCloseout({
        status: 'terminated',
        noticeReceivedOn: '2025-02-01',
        endedAt: '2025-02-11T10:00:00Z',
      }),
      buildKpiCloseout({ status: 'open', noticeReceivedOn: '2024-01-01' }),
    ];
    expect(daysNoticeToClose({ closeouts, period: FIRST_QUARTER })).toEqual({
      closeouts: 4,
      median: 34.5,
      mean: 42.3,
    });
  });
});

describe('closeout counts', () => {
  const closeouts = [
    buildKpiCloseout({ trigger: 'client_notice', status: 'open', stage: 'meeting' }),
    buildKpiCloseout({ trigger: 'client_notice', status: 'open', stage: 'deactivation' }),
    buildKpiCloseout({ trigger: 'mutual', status: 'terminated', endedAt: '2025-03-01T10:00:00Z' }),
    buildKpiCloseout({
      trigger: 'provider_termination',
      status: 'withdrawn',
      endedAt: '2025-03-01T10:00:00Z',
    }),
    buildKpiCloseout({
      trigger: 'client_notice',
      status: 'open',
      stage: 'meeting',
      openedAt: '2024-11-03T09:00:00Z',
      mrrAtRisk: 250.5,
    }),
    buildKpiCloseout({
      trigger: 'client_notice',
      status: 'open',
      stage: 'legacy_stage',
      openedAt: '2024-11-03T09:00:00Z',
    }),
  ];

  it('counts the closeouts opened in the period by trigger and by outcome', () => {
    expect(closeoutsByTrigger({ closeouts, period: FIRST_QUARTER })).toEqual({
      client_notice: 2,
      provider_termination: 1,
      mutual: 1,
    });
    expect(closeoutsByOutcome({ closeouts, period: FIRST_QUARTER })).toEqual({
      open: 2,
      retained: 0,
      withdrawn: 1,
      terminated: 1,
    });
  });

  it('counts every open closeout by stage, in the definition’s order', () => {
    const stageOrder = ['retention_assessment', 'meeting', 'deactivation'];
    expect(openCloseoutsByStage({ closeouts, stageOrder })).toEqual([
      { stage: 'retention_assessment', closeouts: 0, mrrAtRisk: 0 },
      { stage: 'meeting', closeouts: 2, mrrAtRisk: 1250.5 },
      { stage: 'deactivation', closeouts: 1, mrrAtRisk: 1000 },
      { stage: 'legacy_stage', closeouts: 1, mrrAtRisk: 1000 },
    ]);
  });
});

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('computeKpiReport', () => {
  const input = {
    closeouts: [] as KpiCloseout[],
    clients: [],
    returns: [],
    period: FIRST_QUARTER,
    now: '2025-04-15T08:00:00Z',
    deactivationIssueWindowDays: 30,
  };

  it('reports nulls and zeros, never NaN, when there is nothing to count', () => {
    const report = computeKpiReport(input);

    expect(ZKpiReport.parse(report)).toEqual(report);
    expect(numbersIn(report).every(Number.isFinite)).toBe(true);
    expect(report.deactivationIssues).toEqual({
      windowDays: 30,
      closeouts: 0,
      issues: 0,
      issuesPerCloseout: null,
      closeoutsWithoutIssues: 0,
      shareWithoutIssues: null,
    });
    expect(report.clientRetention.rate).toBeNull();
    expect(report.logoRetention).toEqual({ activeAtStart: 0, activeAtEnd: 0, lost: 0, rate: null });
    expect(report.clientReturn.windows.map((window) => window.rate)).toEqual([null, null, null]);
    expect(report.mrr).toEqual({ lost: 0, saved: 0 });
    expect(report.daysNoticeToClose).toEqual({ closeouts: 0, median: null, mean: null });
    expect(report.reasons).toEqual({ primary: [], contributing: [] });
    expect(report.openCloseoutsByStage).toEqual([]);
  });

  describe('on a mixed book of clients', () => {
    const leaving = buildKpiCloseout({
      clientId: 'acme',
      status: 'terminated',
      trigger: 'client_notice',
      noticeReceivedOn: '2025-01-06',
      openedAt: '2025-01-07T09:00:00Z',
      sessionHeldAt: '2025-02-27T14:00:00Z',
      responsibilityAcceptedAt: '2025-02-27T15:00:00Z',
      endedAt: '2025-02-28T10:00:00Z',
      mrrAtRisk: 2400,
      reasons: { primary: 'price', contributing: ['responsiveness'], notes: '' },
      deactivationIssueLoggedAt: ['2025-03-03T09:00:00Z'],
    });
    const staying = buildKpiCloseout({
      clientId: 'globex',
      status: 'retained',
      trigger: 'mutual',
      noticeReceivedOn: '2025-01-20',
      openedAt: '2025-01-21T09:00:00Z',
      endedAt: '2025-03-05T10:00:00Z',
      mrrAtRisk: 1800,
      reasons: { primary: 'service_quality', contributing: [], notes: '' },
    });
    const dismissed = buildKpiCloseout({
      clientId: 'initech',
      status: 'terminated',
      trigger: 'provider_termination',
      noticeReceivedOn: '2025-01-02',
      openedAt: '2025-01-02T09:00:00Z',
      sessionHeldAt: '2025-03-10T14:00:00Z',
      endedAt: '2025-03-11T10:00:00Z',
      mrrAtRisk: 600,
      reasons: { primary: 'non_payment', contributing: [], notes: '' },
    });
    const inMeeting = buildKpiCloseout({
      clientId: 'umbrella',
      stage: 'meeting',
      openedAt: '2025-03-20T09:00:00Z',
      mrrAtRisk: 950,
      reasons: { primary: 'price', contributing: [], notes: '' },
    });
    const mixedInput = {
      ...input,
      closeouts: [leaving, staying, dismissed, inMeeting],
      clients: ['acme', 'globex', 'initech', 'umbrella'].map((id) => ({
        id,
        clientSince: '2019-05-01',
      })),
      returns: [],
      deactivationIssueWindowDays: 45,
      stageOrder: ['retention_assessment', 'meeting'],
    };

    it('puts every KPI of the period in one report', () => {
      const report = computeKpiReport(mixedInput);

      expect(ZKpiReport.parse(report)).toEqual(report);
      expect(report).toMatchObject({
        period: FIRST_QUARTER,
        asOf: '2025-04-15T08:00:00.000Z',
        deactivationIssues: { windowDays: 45, closeouts: 2, issues: 1, shareWithoutIssues: 0.5 },
        clientRetention: { ended: 2, retained: 1, withdrawn: 0, terminated: 1, rate: 0.5 },
        logoRetention: { activeAtStart: 4, activeAtEnd: 2, lost: 2, rate: 0.5 },
        clientReturn: { cohort: 2, returnedToDate: 0 },
        mrr: { lost: 3000, saved: 1800 },
        daysNoticeToClose: { closeouts: 3, median: 53, mean: 55 },
        closeoutsByTrigger: { client_notice: 2, provider_termination: 1, mutual: 1 },
        closeoutsByOutcome: { open: 1, retained: 1, withdrawn: 0, terminated: 2 },
        openCloseoutsByStage: [
          { stage: 'retention_assessment', closeouts: 0, mrrAtRisk: 0 },
          { stage: 'meeting', closeouts: 1, mrrAtRisk: 950 },
        ],
      });
      expect(report.reasons.primary[0]).toEqual({
        reason: 'price',
        closeouts: 2,
        mrrAtRisk: 3350,
      });
    });

    it('states the window and the treatment of withdrawn closeouts in its definitions', () => {
      const { definitions } = computeKpiReport(mixedInput);
      const definitionOf = (key: string) =>
        definitions.find((definition) => definition.key === key)?.definition;

      expect(definitionOf('deactivation_issues')).toContain('until 45 days after it closed');
      expect(definitionOf('client_retention_rate')).toContain(
        'a withdrawn closeout counts as kept',
      );
      expect(definitionOf('client_return_rate')).toContain('within 6, 12 and 24 months');
    });

    describe('in another time zone', () => {
      const originalZone = process.env.TZ;
      afterEach(() => {
        process.env.TZ = originalZone;
      });

      it.each(['Pacific/Kiritimati', 'America/St_Johns'])('reads the same in %s', (zone) => {
        process.env.TZ = 'UTC';
        const inUtc = computeKpiReport(mixedInput);
        process.env.TZ = zone;
        expect(computeKpiReport(mixedInput)).toEqual(inUtc);
      });
    });
  });

  it.each([
    [{ from: '2025-03-31', to: '2025-01-01' }, 'period.to'],
    [{ from: '2025-02-30', to: '2025-03-31' }, 'period.from'],
  ])('refuses the period %o', (period, field) => {
    expect(() => computeKpiReport({ ...input, period })).toThrow(
      expect.objectContaining({ code: 'validation', field }),
    );
  });

  it('refuses a negative deactivation issue window', () => {
    expect(() => computeKpiReport({ ...input, deactivationIssueWindowDays: -1 })).toThrow(AppError);
  });
});
