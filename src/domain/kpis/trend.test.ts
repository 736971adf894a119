import { describe, expect, it } from 'vitest';
import { trendMonths } from './trend.js';

describe('trendMonths', () => {
  it('counts back across a year end, each month to its last day, the last one up to the day', () => {
    expect(trendMonths('2024-02-10', 3)).toEqual([
      { month: '2023-12', from: '2023-12-01', to: '2023-12-31' },
      { month: '2024-01', from: '2024-01-01', to: '2024-01-31' },
      { month: '2024-02', from: '2024-02-01', to: '2024-02-10' },
    ]);
    expect(trendMonths('2024-03-31', 2).map((month) => month.to)).toEqual([
      '2024-02-29',
      '2024-03-31',
    ]);
  });

  it.each([
    ['2024-02-30', 12, 'to'],
    ['2024-02-10', 0, 'months'],
    ['2024-02-10', 37, 'months'],
    ['2024-02-10', 1.5, 'months'],
  ])('refuses %s over %s months, naming %s', (to, months, field) => {
    expect(() => trendMonths(to, months)).toThrow(expect.objectContaining({ field }));
  });
});
