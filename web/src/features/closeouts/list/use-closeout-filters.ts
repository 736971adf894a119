import {
  type TListCloseoutsQuery,
  ZListCloseoutsQuery,
} from '../../../../../src/server/closeouts/schema.js';
import { useListParams } from '../../../components/use-list-params.js';

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
  const { params, page, change, setPage } = useListParams<FilterName | 'sort'>();
  const query = {
    q: read(shape.q, params.get('q')),
    stage: read(shape.stage, params.get('stage')),
    status: read(shape.status, params.get('status')),
    trigger: read(shape.trigger, params.get('trigger')),
    ownerUserId: read(shape.ownerUserId, params.get('ownerUserId')),
    openedFrom: read(shape.openedFrom, params.get('openedFrom')),
    openedTo: read(shape.openedTo, params.get('openedTo')),
    sort: read(shape.sort, params.get('sort')) ?? DEFAULT_SORT,
    page,
  } satisfies Partial<TListCloseoutsQuery>;

  const filtered = FILTER_NAMES.some((name) => query[name] !== undefined);
  const clear = () =>
    change(
      Object.fromEntries(FILTER_NAMES.map((name) => [name, null])) as Record<FilterName, null>,
    );

  return { query, change, setPage, filtered, clear };
}
