import { useSearchParams } from 'react-router';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';

/**
 * The open ticket review's filter, sort and page, kept in the URL so a filtered list can be
 * shared and survives a reload. The names are prefixed: the closeout page has its own parameters.
 */

export type TTicketReview = TCloseoutDetail['ticketReviews'][number];

export const DISPOSITION_FILTERS = ['undecided', 'complete', 'cancel'] as const;
export const RESPONSE_FILTERS = ['agreed', 'questioned', 'pending'] as const;
export const OUTCOME_FILTERS = ['open', 'completed', 'cancelled'] as const;
export const SORT_KEYS = ['number', 'title', 'disposition', 'outcome'] as const;

export type DispositionFilter = (typeof DISPOSITION_FILTERS)[number];
export type ResponseFilter = (typeof RESPONSE_FILTERS)[number];
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];
export type SortKey = (typeof SORT_KEYS)[number];

export type TicketQuery = {
  search: string;
  disposition: DispositionFilter | null;
  response: ResponseFilter | null;
  outcome: OutcomeFilter | null;
  sort: SortKey;
  descending: boolean;
  page: number;
};

export const TICKET_PARAMS = {
  search: 'ticketSearch',
  disposition: 'ticketDisposition',
  response: 'ticketResponse',
  outcome: 'ticketOutcome',
  sort: 'ticketSort',
  page: 'ticketPage',
  /** The ticket whose review is open beside the list. */
  ticket: 'ticket',
} as const;

export type FilterName = 'search' | 'disposition' | 'response' | 'outcome';

export const TICKETS_PER_PAGE = 50;

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  allowed.find((candidate) => candidate === value) ?? null;

export function readTicketQuery(params: URLSearchParams): TicketQuery {
  const sortParam = params.get(TICKET_PARAMS.sort) ?? 'number';
  const descending = sortParam.startsWith('-');
  const page = Number.parseInt(params.get(TICKET_PARAMS.page) ?? '1', 10);
  return {
    search: params.get(TICKET_PARAMS.search) ?? '',
    disposition: oneOf(DISPOSITION_FILTERS, params.get(TICKET_PARAMS.disposition)),
    response: oneOf(RESPONSE_FILTERS, params.get(TICKET_PARAMS.response)),
    outcome: oneOf(OUTCOME_FILTERS, params.get(TICKET_PARAMS.outcome)),
    sort: oneOf(SORT_KEYS, descending ? sortParam.slice(1) : sortParam) ?? 'number',
    descending,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export const isFiltered = (query: Pick<TicketQuery, FilterName>): boolean =>
  query.search.trim() !== '' ||
  query.disposition !== null ||
  query.response !== null ||
  query.outcome !== null;

export const clientResponseOf = (review: TTicketReview): ResponseFilter =>
  review.clientAgreed ? 'agreed' : review.clientQuestion !== null ? 'questioned' : 'pending';

const dispositionOf = (review: TTicketReview): DispositionFilter =>
  review.disposition ?? 'undecided';

const outcomeOf = (review: TTicketReview): OutcomeFilter => review.outcome ?? 'open';

/** A ticket whose outcome is recorded keeps its disposition: it can no longer be selected. */
export const isSettled = (review: TTicketReview): boolean => review.outcome !== null;

export function filterTickets(
  reviews: TTicketReview[],
  query: Pick<TicketQuery, FilterName>,
): TTicketReview[] {
  const words = query.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return reviews.filter((review) => {
    if (query.disposition !== null && dispositionOf(review) !== query.disposition) return false;
    if (query.response !== null && clientResponseOf(review) !== query.response) return false;
    if (query.outcome !== null && outcomeOf(review) !== query.outcome) return false;
    if (words.length === 0) return true;
    const text =
      `${review.ticketNumber} ${review.title} ${review.reason} ${review.handoverNote}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const DISPOSITION_ORDER: Record<DispositionFilter, number> = {
  undecided: 0,
  complete: 1,
  cancel: 2,
};
const OUTCOME_ORDER: Record<OutcomeFilter, number> = { open: 0, completed: 1, cancelled: 2 };

const COMPARE: Record<SortKey, (a: TTicketReview, b: TTicketReview) => number> = {
  number: () => 0,
  title: (a, b) => collator.compare(a.title, b.title),
  disposition: (a, b) => DISPOSITION_ORDER[dispositionOf(a)] - DISPOSITION_ORDER[dispositionOf(b)],
  outcome: (a, b) => OUTCOME_ORDER[outcomeOf(a)] - OUTCOME_ORDER[outcomeOf(b)],
};

export function sortTickets(
  reviews: TTicketReview[],
  sort: SortKey,
  descending: boolean,
): TTicketReview[] {
  const direction = descending ? -1 : 1;
  return [...reviews].sort(
    (a, b) => direction * (COMPARE[sort](a, b) || collator.compare(a.ticketNumber, b.ticketNumber)),
  );
}

/** The review's figures, counted as the milestones count them. */
export function ticketCounts(reviews: TTicketReview[]) {
  let dispositioned = 0;
  let agreed = 0;
  let questioned = 0;
  let completed = 0;
  let cancelled = 0;
  for (const review of reviews) {
    // A settled ticket needs no disposition or agreement any more, as the milestones have it.
    if (review.disposition !== null || review.outcome !== null) dispositioned += 1;
    if (review.clientAgreed || review.outcome !== null) agreed += 1;
    if (clientResponseOf(review) === 'questioned' && review.outcome === null) questioned += 1;
    if (review.outcome === 'completed') completed += 1;
    if (review.outcome === 'cancelled') cancelled += 1;
  }
  return {
    total: reviews.length,
    dispositioned,
    agreed,
    questioned,
    completed,
    cancelled,
    resolved: completed + cancelled,
  };
}
export type TicketCounts = ReturnType<typeof ticketCounts>;

/** The query from the URL, and the changes that keep it there. */
export function useTicketQuery() {
  const [params, setParams] = useSearchParams();
  const query = readTicketQuery(params);
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  const put = (next: URLSearchParams, name: string, value: string | null) => {
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
  };
  return {
    query,
    ticketId: params.get(TICKET_PARAMS.ticket),
    setFilter: (name: FilterName, value: string | null) =>
      update((next) => {
        put(next, TICKET_PARAMS[name], value);
        next.delete(TICKET_PARAMS.page);
      }),
    clearFilters: () =>
      update((next) => {
        for (const name of ['search', 'disposition', 'response', 'outcome'] as const) {
          next.delete(TICKET_PARAMS[name]);
        }
        next.delete(TICKET_PARAMS.page);
      }),
    /** Sorts by `key`; the same key again turns the order round. */
    setSort: (key: SortKey) =>
      update((next) => {
        const reverse = query.sort === key && !query.descending;
        put(
          next,
          TICKET_PARAMS.sort,
          key === 'number' && !reverse ? null : `${reverse ? '-' : ''}${key}`,
        );
      }),
    setPage: (page: number) =>
      update((next) => put(next, TICKET_PARAMS.page, page === 1 ? null : String(page))),
    /** The URL of the list with one ticket's review open beside it. */
    ticketHref: (ticketId: string | null) => {
      const next = new URLSearchParams(params);
      put(next, TICKET_PARAMS.ticket, ticketId);
      return `?${next.toString()}`;
    },
  };
}
