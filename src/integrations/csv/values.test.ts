import { describe, expect, it } from 'vitest';
import {
  Invalid,
  readAgreementStatus,
  readBoolean,
  readClientStatus,
  readDay,
  readEmail,
  readInteger,
  readMoment,
  readMoney,
  readTicketStatus,
} from './values.js';

const message = (value: unknown) => (value instanceof Invalid ? value.message : null);

describe('readMoment', () => {
  it.each([
    ['2026-04-30T14:05:00Z', '2026-04-30T14:05:00.000Z'],
    ['2026-04-30T14:05:00.25Z', '2026-04-30T14:05:00.250Z'],
    ['2026-04-30T16:05:00+02:00', '2026-04-30T14:05:00.000Z'],
    ['2026-04-30T09:05:00-0500', '2026-04-30T14:05:00.000Z'],
    ['2026-04-30 14:05', '2026-04-30T14:05:00.000Z'],
    ['2026-04-30', '2026-04-30T00:00:00.000Z'],
    ['04/30/2026', '2026-04-30T00:00:00.000Z'],
    ['4/3/2026 2:05 PM', '2026-04-03T14:05:00.000Z'],
    ['4/3/2026 12:05 AM', '2026-04-03T00:05:00.000Z'],
    ['4/3/2026 12:05 pm', '2026-04-03T12:05:00.000Z'],
    ['04/30/2026 14:05:09', '2026-04-30T14:05:09.000Z'],
    ['2026/4/30', '2026-04-30T00:00:00.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(readMoment(text)).toBe(expected);
  });

  it('keeps a moment written as toISOString writes it, after checking it', () => {
    expect(readMoment('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z');
    expect(message(readMoment('2026-02-29T10:00:00.000Z'))).toContain('not a day of the calendar');
    expect(message(readMoment('2026-02-28T24:00:00.000Z'))).toContain('not a time of day');
  });

  it.each([
    ['31/04/2026', 'not a day of the calendar'],
    ['2026-02-30', 'not a day of the calendar'],
    ['2026-04-30T25:00', 'not a time of day'],
    ['4/3/2026 13:05 PM', 'not 1 to 12'],
    ['yesterday', 'is not a date'],
    ['30.04.2026', 'is not a date'],
  ])('refuses %s', (text, reason) => {
    expect(message(readMoment(text))).toContain(reason);
  });
});

describe('readDay', () => {
  it('reads ISO and month-first dates, and keeps the day of a moment', () => {
    expect(readDay('2026-04-30')).toBe('2026-04-30');
    expect(readDay('4/30/2026')).toBe('2026-04-30');
    expect(readDay('2026-04-30T23:30:00-05:00')).toBe('2026-04-30');
    expect(message(readDay('2026-13-01'))).toContain('month first');
  });
});

describe('readMoney', () => {
  it.each([
    ['2500', 2500],
    ['2,500.00', 2500],
    ['$2,500.50', 2500.5],
    ['€ 99.999', 100],
    ['1234567.89 USD', 1234567.89],
  ])('reads %s', (text, expected) => {
    expect(readMoney(text)).toBe(expected);
  });

  it.each(['-5', '2.500,00', 'twelve', '12,34', '99999999999'])('refuses %s', (text) => {
    expect(readMoney(text)).toBeInstanceOf(Invalid);
  });
});

describe('yes/no, numbers and email', () => {
  it('reads the usual ways of saying yes and no', () => {
    for (const yes of ['yes', 'Y', 'TRUE', '1', 'x']) expect(readBoolean(yes)).toBe(true);
    for (const no of ['', 'no', 'N', 'false', '0']) expect(readBoolean(no)).toBe(false);
    expect(readBoolean('maybe')).toBeInstanceOf(Invalid);
  });

  it('reads whole numbers in range', () => {
    expect(readInteger('5', 1, 5)).toBe(5);
    expect(message(readInteger('9', 1, 5))).toBe('9 is not from 1 to 5.');
    expect(readInteger('4.5', 1, 5)).toBeInstanceOf(Invalid);
  });

  it('checks email addresses as the API does', () => {
    expect(readEmail('grace@contoso.example')).toBe('grace@contoso.example');
    expect(readEmail('grace@')).toBeInstanceOf(Invalid);
  });
});

describe('status words', () => {
  it.each([
    ['New', 'open'],
    ['Waiting Customer', 'open'],
    ['In Progress', 'open'],
    ['>Closed', 'completed'],
    ['Complete', 'completed'],
    ['Resolved', 'completed'],
    ['Closed - Cancelled', 'cancelled'],
    ['Canceled', 'cancelled'],
    ['Void', 'cancelled'],
  ])('reads the ticket status %s as %s', (word, status) => {
    expect(readTicketStatus(word)).toBe(status);
  });

  it('reads client and agreement statuses, refusing other words', () => {
    expect(readClientStatus('Inactive')).toBe('former');
    expect(readClientStatus('active')).toBe('active');
    expect(readClientStatus('prospect')).toBeInstanceOf(Invalid);
    expect(readAgreementStatus('Expired')).toBe('ended');
    expect(readAgreementStatus('sometimes')).toBeInstanceOf(Invalid);
  });
});
