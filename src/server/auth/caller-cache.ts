import type { RequestAuth } from './caller.js';

/**
 * Who is behind a session or token, remembered for a few seconds so that a burst of requests
 * costs one lookup. Every change to sessions, tokens or users in this process forgets it all
 * at once; another server process sharing the database may still honour a revoked token or an
 * ended session for at most CALLER_CACHE_TTL_MS.
 */
export const CALLER_CACHE_TTL_MS = 5_000;
const CAPACITY = 10_000;

type Entry = { auth: RequestAuth; expiresAt: number };

const entries = new Map<string, Entry>();
/** Raised by every forget, so a lookup that began before it is not stored after it. */
let generation = 0;

export function forgetCallers(): void {
  generation += 1;
  entries.clear();
}

/**
 * The cached caller for `key`, or the result of `lookUp`, remembered unless a forget intervened.
 * Unknown credentials are not remembered, so a token or session is usable as soon as it exists.
 */
export async function cachedCaller(
  key: string,
  lookUp: () => Promise<RequestAuth | null>,
): Promise<RequestAuth | null> {
  const now = Date.now();
  const entry = entries.get(key);
  if (entry !== undefined && entry.expiresAt > now) return entry.auth;
  const startedAt = generation;
  const auth = await lookUp();
  if (auth !== null && startedAt === generation) {
    if (entries.size >= CAPACITY) entries.clear();
    entries.set(key, { auth, expiresAt: now + CALLER_CACHE_TTL_MS });
  }
  return auth;
}
