import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { PsaError } from '../integrations/psa/errors.js';
import { backoffMs, decideRetry } from './retry.js';

describe('decideRetry', () => {
  it('backs off exponentially, capped at an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it('honours a 429’s Retry-After', () => {
    const limited = new PsaError('rate_limited', 'slow down', { status: 429, retryAfterMs: 7_000 });
    expect(decideRetry(limited, 1, 6)).toEqual({ retry: true, delayMs: 7_000 });
  });

  it('retries an unavailable PSA and an unknown failure with backoff', () => {
    expect(decideRetry(new PsaError('unavailable', 'down'), 2, 6)).toEqual({
      retry: true,
      delayMs: 60_000,
    });
    expect(decideRetry(new Error('ECONNRESET'), 1, 6)).toEqual({ retry: true, delayMs: 30_000 });
  });

  it('stops at once when waiting cannot help, and when the attempts are spent', () => {
    expect(decideRetry(new PsaError('unauthorised', 'bad key', { status: 401 }), 1, 6)).toEqual({
      retry: false,
    });
    expect(decideRetry(new AppError('validation', 'bad'), 1, 6)).toEqual({ retry: false });
    expect(decideRetry(new Error('ECONNRESET'), 6, 6)).toEqual({ retry: false });
  });
});
