/**
 * Slows down password guessing: after `maxFailures` failed sign-ins for one email from one
 * address within `windowMs`, further attempts are refused until the oldest failure ages out.
 * Kept in memory: one server process serves an MSP, and a restart only forgets recent failures.
 */

export type SignInLimiter = {
  /** Seconds to wait before trying again, or 0 when an attempt is allowed. */
  retryAfterSeconds(key: string): number;
  recordFailure(key: string): void;
  reset(key: string): void;
};

export type SignInLimiterOptions = {
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
};

export const signInLimiterKey = (email: string, ip: string): string =>
  `${email.trim().toLowerCase()}|${ip}`;

export const createSignInLimiter = ({
  maxFailures = 10,
  windowMs = 15 * 60 * 1000,
  now = Date.now,
}: SignInLimiterOptions = {}): SignInLimiter => {
  const failures = new Map<string, number[]>();
  let checksSinceSweep = 0;

  const recent = (key: string, at: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((failedAt) => at - failedAt < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };

  // Many distinct keys (someone trying many emails) must not grow the map without bound.
  const sweep = (at: number) => {
    checksSinceSweep += 1;
    if (checksSinceSweep < 1000) return;
    checksSinceSweep = 0;
    for (const key of [...failures.keys()]) recent(key, at);
  };

  return {
    retryAfterSeconds(key) {
      const at = now();
      sweep(at);
      const kept = recent(key, at);
      if (kept.length < maxFailures) return 0;
      const oldestThatCounts = kept[kept.length - maxFailures]!;
      return Math.max(1, Math.ceil((oldestThatCounts + windowMs - at) / 1000));
    },
    recordFailure(key) {
      const at = now();
      failures.set(key, [...recent(key, at), at].slice(-maxFailures));
    },
    reset(key) {
      failures.delete(key);
    },
  };
};
