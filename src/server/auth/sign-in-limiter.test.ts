import { describe, expect, it } from 'vitest';
import { createSignInLimiter, signInLimiterKey } from './sign-in-limiter.js';

const MINUTE = 60_000;

const limiterAt = (start: number) => {
  const clock = { now: start };
  const limiter = createSignInLimiter({
    maxFailures: 3,
    windowMs: 15 * MINUTE,
    now: () => clock.now,
  });
  return { clock, limiter };
};

describe('createSignInLimiter', () => {
  it('refuses after the maximum failures until the oldest one leaves the window', () => {
    const { clock, limiter } = limiterAt(1_000_000);
    const key = signInLimiterKey('Dana@Northwind.example', '10.0.0.7');
    limiter.recordFailure(key);
    clock.now += 2 * MINUTE;
    limiter.recordFailure(key);
    expect(limiter.retryAfterSeconds(key)).toBe(0);
    clock.now += 3 * MINUTE;
    limiter.recordFailure(key);

    expect(limiter.retryAfterSeconds(key)).toBe(10 * 60);
    clock.now += 10 * MINUTE - 1000;
    expect(limiter.retryAfterSeconds(key)).toBe(1);
    clock.now += 1000;
    expect(limiter.retryAfterSeconds(key)).toBe(0);
  });

  it('keeps emails, case-insensitively, and addresses apart', () => {
    const { limiter } = limiterAt(0);
    const key = signInLimiterKey('dana@northwind.example', '10.0.0.7');
    for (let i = 0; i < 3; i += 1) limiter.recordFailure(key);
    expect(limiter.retryAfterSeconds(signInLimiterKey(' DANA@northwind.example', '10.0.0.7'))).toBe(
      15 * 60,
    );
    expect(limiter.retryAfterSeconds(signInLimiterKey('sam@northwind.example', '10.0.0.7'))).toBe(
      0,
    );
    expect(limiter.retryAfterSeconds(signInLimiterKey('dana@northwind.example', '10.0.0.8'))).toBe(
      0,
    );
  });

  it('forgets the failures after a successful sign-in', () => {
    const { limiter } = limiterAt(0);
    const key = signInLimiterKey('dana@northwind.example', '10.0.0.7');
    for (let i = 0; i < 3; i += 1) limiter.recordFailure(key);
    limiter.reset(key);
    expect(limiter.retryAfterSeconds(key)).toBe(0);
  });
});
