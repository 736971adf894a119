/**
 * Whether two JSON values are the same, ignoring key order and keys whose value is undefined:
 * a definition read back from a jsonb column has its keys reordered and its undefined optional
 * fields dropped, and is still the same definition (`util.isDeepStrictEqual` would disagree).
 */
export function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(canonical(left)) === JSON.stringify(canonical(right));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => [key, canonical(field)]),
  );
}
