import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestAuth } from './caller.js';
import { CALLER_CACHE_TTL_MS, cachedCaller, forgetCallers } from './caller-cache.js';

const caller = (name: string): RequestAuth => ({
  orgId: 'org-1',
  userId: 'user-1',
  roles: ['technician'],
  actor: { kind: 'user', userId: 'user-1', name, roles: ['technician'] },
  via: { kind: 'api_token', tokenId: 'token-1' },
});

afterEach(() => {
  forgetCallers();
  vi.useRealTimers();
});

describe('cachedCaller', () => {
  it('looks a caller up once within the time to live, and again after it', async () => {
    vi.useFakeTimers();
    const lookUp = vi.fn(async () => caller('Tom'));
    await cachedCaller('token:a', lookUp);
    await cachedCaller('token:a', lookUp);
    expect(lookUp).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(CALLER_CACHE_TTL_MS + 1);
    await cachedCaller('token:a', lookUp);
    expect(lookUp).toHaveBeenCalledTimes(2);
  });

  it('does not remember unknown credentials', async () => {
    const lookUp = vi.fn(async () => null);
    expect(await cachedCaller('token:b', lookUp)).toBeNull();
    await cachedCaller('token:b', lookUp);
    expect(lookUp).toHaveBeenCalledTimes(2);
  });

  it('forgets everything at once, and does not store a lookup that a forget overtook', async () => {
    const first = vi.fn(async () => caller('Before'));
    await cachedCaller('token:c', first);
    forgetCallers();
    let finishLookUp: (auth: RequestAuth) => void = () => {};
    const slow = cachedCaller(
      'token:c',
      () => new Promise<RequestAuth>((resolve) => (finishLookUp = resolve)),
    );
    forgetCallers();
    finishLookUp(caller('Stale'));
    expect((await slow)?.actor.name).toBe('Stale');
    const fresh = vi.fn(async () => caller('After'));
    expect((await cachedCaller('token:c', fresh))?.actor.name).toBe('After');
    expect(fresh).toHaveBeenCalledTimes(1);
  });
});
