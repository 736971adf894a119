import { describe, expect, it } from 'vitest';
import { addDaysToDate, type DueAnchors, daysBetween, dueDate, toIsoDate } from './calendar.js';

describe('addDaysToDate', () => {
  it('counts business days over weekends', () => {
    // 2025-03-06 is a Thursday.
    expect(addDaysToDate('2025-03-06', 1, 'business')).toBe('2025-03-07');
    expect(addDaysToDate('2025-03-06', 2, 'business')).toBe('2025-03-10');
    expect(addDaysToDate('2025-03-06', 5, 'business')).toBe('2025-03-13');
    expect(addDaysToDate('2025-03-08', 1, 'business')).toBe('2025-03-10');
  });

  it('counts business days backwards for negative offsets', () => {
    expect(addDaysToDate('2025-03-10', -1, 'business')).toBe('2025-03-07');
    expect(addDaysToDate('2025-04-30', -10, 'business')).toBe('2025-04-16');
    expect(addDaysToDate('2025-03-09', -1, 'business')).toBe('2025-03-07');
  });

  it('counts every day as a calendar day, across months and leap days', () => {
    expect(addDaysToDate('2025-03-07', 1, 'calendar')).toBe('2025-03-08');
    expect(addDaysToDate('2024-02-28', 1, 'calendar')).toBe('2024-02-29');
    expect(addDaysToDate('2025-03-31', -31, 'calendar')).toBe('2025-02-28');
    expect(addDaysToDate('2025-04-30', 90, 'calendar')).toBe('2025-07-29');
  });

  it('starts from the day part of a timestamp', () => {
    expect(addDaysToDate('2025-03-07T23:30:00.000Z', 1, 'calendar')).toBe('2025-03-08');
  });
});

describe('toIsoDate and daysBetween', () => {
  it('takes the UTC day of an ISO timestamp', () => {
    expect(toIsoDate('2025-03-07T23:59:59.999Z')).toBe('2025-03-07');
    expect(toIsoDate('2025-03-07')).toBe('2025-03-07');
  });

  it('counts calendar days, not 24-hour periods', () => {
    expect(daysBetween('2025-01-31T23:59:00.000Z', '2025-02-01T00:01:00.000Z')).toBe(1);
    expect(daysBetween('2025-03-06', '2025-03-06T18:00:00.000Z')).toBe(0);
    expect(daysBetween('2025-04-30', '2025-01-30')).toBe(-90);
  });
});

describe('dueDate', () => {
  const anchors: DueAnchors = {
    notice: '2025-03-06',
    meeting: '2025-03-12',
    termination: null,
    session: null,
  };

  it('is null without a rule', () => {
    expect(dueDate(null, anchors)).toBeNull();
  });

  it('is null while the anchor is unknown', () => {
    expect(
      dueDate({ anchor: 'termination', offsetDays: -10, days: 'business' }, anchors),
    ).toBeNull();
    expect(dueDate({ anchor: 'session', offsetDays: 0, days: 'calendar' }, anchors)).toBeNull();
  });

  it('counts from the anchor once it is known', () => {
    expect(dueDate({ anchor: 'notice', offsetDays: 1, days: 'business' }, anchors)).toBe(
      '2025-03-07',
    );
    expect(dueDate({ anchor: 'meeting', offsetDays: -1, days: 'business' }, anchors)).toBe(
      '2025-03-11',
    );
    const known = { ...anchors, termination: '2025-04-30' };
    expect(dueDate({ anchor: 'termination', offsetDays: -10, days: 'business' }, known)).toBe(
      '2025-04-16',
    );
    expect(dueDate({ anchor: 'termination', offsetDays: -10, days: 'calendar' }, known)).toBe(
      '2025-04-20',
    );
  });
});
