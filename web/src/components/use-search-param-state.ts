import { useSearchParams } from 'react-router';

/** The parameters with each change made: a value sets its parameter, null or '' removes it. */
export function withParams(
  current: URLSearchParams,
  changes: Record<string, string | null | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') next.delete(name);
    else next.set(name, value);
  }
  return next;
}

/** A page number from the URL; anything but a whole number from 1 up is the first page. */
export const pageParam = (value: string | null): number => {
  const page = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
};

/**
 * One piece of a screen's state in a URL search parameter (the open tab, a section's page), so a
 * link can point at it and Back returns to it. The fallback stays out of the URL, and so does a
 * value `parse` refuses.
 */
export function useSearchParamState<T extends string | number>(
  name: string,
  options: {
    parse: (value: string | null) => T | undefined;
    fallback: T;
    /** Parameters that belong to the old value, e.g. a tab's page, dropped when it changes. */
    resets?: readonly string[];
  },
): [T, (value: T) => void] {
  const { parse, fallback, resets = [] } = options;
  const [params, setParams] = useSearchParams();
  const value = parse(params.get(name)) ?? fallback;
  const setValue = (next: T) =>
    setParams((current) =>
      withParams(current, {
        ...Object.fromEntries(resets.map((reset) => [reset, null])),
        [name]: next === fallback ? null : String(next),
      }),
    );
  return [value, setValue];
}
