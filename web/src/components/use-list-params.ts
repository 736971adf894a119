import { useSearchParams } from 'react-router';
import { pageParam, withParams } from './use-search-param-state.js';

/**
 * A list's filters, order and page live in the URL, so a filtered list can be bookmarked and
 * shared, and Back undoes a filter. `TName` names the list's own parameters besides `page`.
 */
export function useListParams<TName extends string>() {
  const [params, setParams] = useSearchParams();

  // Typing in the search (`q`) replaces the entry instead of adding one per pause.
  const write = (changes: Record<string, string | null | undefined>) =>
    setParams(
      (current) => {
        const next = withParams(current, changes);
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: Object.keys(changes).every((name) => name === 'q') },
    );

  return {
    params,
    page: pageParam(params.get('page')),
    /** Sets (or with null or '' removes) filters or the order, starting again from page one. */
    change: (changes: Partial<Record<TName, string | null>>) => write(changes),
    setPage: (page: number) => write({ page: page === 1 ? null : String(page) }),
  };
}
