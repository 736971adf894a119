import { describe, expect, it } from 'vitest';
import {
  activeAgreements,
  agreementEndings,
  compileHealthSnapshot,
  earliestTerminationDate,
  monthlyRecurringRevenue,
} from './agreements.js';
import type { Agreement, Ticket } from './model.js';

let agreementCount = 0;
const agreement = (overrides: Partial<Agreement> = {}): Agreement => ({
  id: `agr-${++agreementCount}`,
  clientId: 'client-1',
  name: 'Managed services',
  monthlyRecurringRevenue: 1000,
  startDate: '2022-01-01',
  termEndDate: null,
  noticePeriodDays: 30,
  status: 'active',
  endedOn: null,
  ...overrides,
});

const NOTICE_ON = '2025-03-06';

describe('agreementEndings', () => {
  it('says when each active agreement can end and what holds it until then', () => {
    const rolling = agreement({ name: 'Managed services', noticePeriodDays: 30 });
    const fixedTerm = agreement({
      name: 'Backup',
      noticePeriodDays: 14,
      termEndDate: '2025-12-31',
    });
    const shortTerm = agreement({
      name: 'Licences',
      noticePeriodDays: 60,
      termEndDate: '2025-03-31',
    });
    const ended = agreement({ status: 'ended', endedOn: '2024-12-31' });
    expect(
      agreementEndings([rolling, fixedTerm, shortTerm, ended], NOTICE_ON).map((ending) => [
        ending.agreement.name,
        ending.endsOn,
        ending.by,
      ]),
    ).toEqual([
      ['Managed services', '2025-04-05', 'notice_period'],
      ['Backup', '2025-12-31', 'term_end'],
      ['Licences', '2025-05-05', 'notice_period'],
    ]);
  });
});

describe('earliestTerminationDate', () => {
  it('is the end of the notice period in calendar days', () => {
    expect(earliestTerminationDate([agreement({ noticePeriodDays: 30 })], NOTICE_ON)).toBe(
      '2025-04-05',
    );
  });

  it('waits for a fixed term that ends after the notice period', () => {
    const fixedTerm = agreement({ noticePeriodDays: 30, termEndDate: '2025-12-31' });
    expect(earliestTerminationDate([fixedTerm], NOTICE_ON)).toBe('2025-12-31');
  });

  it('keeps the notice period when the fixed term ends before it', () => {
    const fixedTerm = agreement({ noticePeriodDays: 60, termEndDate: '2025-03-31' });
    expect(earliestTerminationDate([fixedTerm], NOTICE_ON)).toBe('2025-05-05');
  });

  it('is the latest date over several agreements', () => {
    const agreements = [
      agreement({ noticePeriodDays: 30 }),
      agreement({ noticePeriodDays: 90 }),
      agreement({ noticePeriodDays: 14, termEndDate: '2025-05-15' }),
    ];
    expect(earliestTerminationDate(agreements, NOTICE_ON)).toBe('2025-06-04');
  });

  it('is the notice day when no agreement is active', () => {
    expect(earliestTerminationDate([], NOTICE_ON)).toBe(NOTICE_ON);
    const ended = agreement({ status: 'ended', endedOn: '2024-12-31', noticePeriodDays: 90 });
    expect(earliestTerminationDate([ended], NOTICE_ON)).toBe(NOTICE_ON);
  });

  it('ignores ended agreements beside active ones', () => {
    const agreements = [
      agreement({ noticePeriodDays: 30 }),
      agreement({ status: 'ended', endedOn: '2024-12-31', termEndDate: '2026-01-01' }),
    ];
    expect(earliestTerminationDate(agreements, NOTICE_ON)).toBe('2025-04-05');
  });
});

describe('monthlyRecurringRevenue', () => {
  it('sums in cents, so the total has no floating-point residue', () => {
    const agreements = [
      agreement({ monthlyRecurringRevenue: 0.1 }),
      agreement({ monthlyRecurringRevenue: 0.2 }),
    ];
    expect(monthlyRecurringRevenue(agreements)).toBe(0.3);
  });

  it('counts only active agreements', () => {
    const agreements = [
      agreement({ monthlyRecurringRevenue: 1250.1 }),
      agreement({ monthlyRecurringRevenue: 99.2 }),
      agreement({ monthlyRecurringRevenue: 500, status: 'ended', endedOn: '2024-12-31' }),
    ];
    expect(activeAgreements(agreements)).toHaveLength(2);
    expect(monthlyRecurringRevenue(agreements)).toBe(1349.3);
    expect(monthlyRecurringRevenue([])).toBe(0);
  });
});

describe('compileHealthSnapshot', () => {
  const NOW = '2025-04-30T12:00:00.000Z';
  let ticketCount = 0;
  const ticket = (overrides: Partial<Ticket>): Ticket => {
    ticketCount += 1;
    return {
      id: `tk-${ticketCount}`,
      clientId: 'client-1',
      number: `T-${ticketCount}`,
      title: 'Something',
      status: 'completed',
      openedAt: '2025-04-01T09:00:00.000Z',
      closedAt: null,
      slaBreached: false,
      satisfaction: null,
      ...overrides,
    };
  };

  const tickets = [
    // Exactly 90 days before: inside the window.
    ticket({ openedAt: '2025-01-30T08:00:00.000Z', slaBreached: true, satisfaction: 5 }),
    // 91 days before: outside.
    ticket({ openedAt: '2025-01-29T08:00:00.000Z', slaBreached: true, satisfaction: 1 }),
    ticket({ status: 'open', openedAt: '2025-04-01T09:00:00.000Z', satisfaction: 4 }),
    ticket({ status: 'open', openedAt: '2025-04-20T09:00:00.000Z', slaBreached: true }),
    // Later today than the snapshot: not yet part of it.
    ticket({ openedAt: '2025-04-30T13:00:00.000Z', slaBreached: true, satisfaction: 1 }),
    // Open for a long time: counts as open, not as recent.
    ticket({ status: 'open', openedAt: '2024-06-01T09:00:00.000Z' }),
  ];

  it('summarises the last 90 days and the open tickets', () => {
    const snapshot = compileHealthSnapshot({
      clientSince: '2022-01-01',
      agreements: [
        agreement({ monthlyRecurringRevenue: 1250.1 }),
        agreement({ monthlyRecurringRevenue: 99.2 }),
      ],
      tickets,
      now: NOW,
    });
    expect(snapshot).toEqual({
      compiledAt: NOW,
      tenureMonths: 39,
      monthlyRecurringRevenue: 1349.3,
      ticketsLast90Days: 3,
      slaBreachesLast90Days: 2,
      satisfactionLast90Days: 4.5,
      openTickets: 3,
    });
  });

  it('rounds the mean satisfaction to two decimals', () => {
    const snapshot = compileHealthSnapshot({
      clientSince: '2025-04-01',
      agreements: [],
      tickets: [
        ticket({ satisfaction: 5 }),
        ticket({ satisfaction: 4 }),
        ticket({ satisfaction: 4 }),
      ],
      now: NOW,
    });
    expect(snapshot.satisfactionLast90Days).toBe(4.33);
    expect(snapshot.tenureMonths).toBe(0);
  });

  it('has no satisfaction when no recent ticket was rated', () => {
    const snapshot = compileHealthSnapshot({
      clientSince: '2022-01-01',
      agreements: [],
      tickets: [ticket({}), ticket({ openedAt: '2024-01-01T00:00:00.000Z', satisfaction: 5 })],
      now: NOW,
    });
    expect(snapshot.satisfactionLast90Days).toBeNull();
    expect(snapshot.ticketsLast90Days).toBe(1);
  });
});
