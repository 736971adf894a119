import { describe, expect, it } from 'vitest';
import type { TAgreement } from '../../../../../src/server/clients/schema.js';
import { determiningAgreements } from './determining-agreements.js';

const agreement = (overrides: Partial<TAgreement>): TAgreement => ({
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Managed services',
  monthlyRecurringRevenue: 1000,
  startDate: '2023-01-01',
  termEndDate: null,
  noticePeriodDays: 30,
  status: 'active',
  endedOn: null,
  ...overrides,
});

describe('determiningAgreements', () => {
  const rolling = agreement({ name: 'Rolling support', noticePeriodDays: 90 });
  const fixed = agreement({ name: 'Backup plan', termEndDate: '2025-12-31' });
  const ended = agreement({ name: 'Old plan', status: 'ended', noticePeriodDays: 365 });

  it('names the agreement whose notice period sets the date', () => {
    expect(determiningAgreements([rolling, ended], '2025-03-01', '2025-05-30')).toEqual([
      { agreement: rolling, endsOn: '2025-05-30', by: 'notice_period' },
    ]);
  });

  it('names the agreement whose fixed term outlasts its notice period', () => {
    expect(determiningAgreements([rolling, fixed], '2025-03-01', '2025-12-31')).toEqual([
      { agreement: fixed, endsOn: '2025-12-31', by: 'term_end' },
    ]);
  });

  it('names none when the date is not one an active agreement sets', () => {
    expect(determiningAgreements([ended], '2025-03-01', '2025-03-01')).toEqual([]);
  });
});
