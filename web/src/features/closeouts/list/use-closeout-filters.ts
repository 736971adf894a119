import { useSearchParams } from 'react-router';
import {
  type TListCloseoutsQuery,
  ZListCloseoutsQuery,
} from '../../../../../src/server/closeouts/schema.js';

/**
 * The closeout list's filters, order and page live in the URL under the API's own query names,
 * so a filtered list can be bookmarked and shared, and Back undoes a filter. Anything the API
 * would refuse is ignored rather than sent.
 */

export const FILTER_NAMES = [
  'q',
  'stage',
  'status',
  'trigger',
  'ownerUserId',
  'openedFrom',
  'openedTo',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export type CloseoutSort = TListCloseoutsQuery['sort'];
export const DEFAULT_SORT: CloseoutSort = '-openedAt';

const { shape } = ZListCloseoutsQuery;
const read = <T>(schema: { safeParse(value: unknown): { data?: T } }, value: string | null) =>
  value === null || value === '' ? undefined : schema.safeParse(value).data;

export function useCloseoutFilters() {
  const [params, setParams] = useSearchParams();
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const query = {
    q: read(shape.q, params.get('q')),
    stage: read(shape.stage, params.get('stage')),
    status: read(shape.status, params.get('status')),
    trigger: read(shape.trigger, params.get('trigger')),
    ownerUserId: read(shape.ownerUserId, params.get('ownerUserId')),
    openedFrom: read(shape.openedFrom, params.get('openedFrom')),
    openedTo: read(shape.openedTo, params.get('openedTo')),
    sort: read(shape.sort, params.get('sort')) ?? DEFAULT_SORT,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  } satisfies Partial<TListCloseoutsQuery>;

  /**
   * Sets (or with null or '' removes) some parameters; a new filter or order starts again from
   * the first page. Typing in the search replaces the entry instead of adding one per pause.
   */
  const change = (changes: Partial<Record<FilterName | 'sort' | 'page', string | null>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null || value === undefined || value === '') next.delete(name);
          else next.set(name, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: Object.keys(changes).every((name) => name === 'q') },
    );

  const filtered = FILTER_NAMES.some((name) => query[name] !== undefined);
  const clear = () =>
    change(
      Object.fromEntries(FILTER_NAMES.map((name) => [name, null])) as Record<FilterName, null>,
    );

  return { query, change, filtered, clear };
}
