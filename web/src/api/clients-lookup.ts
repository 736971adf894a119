import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  TClientDetail,
  TClientPage,
  TEarliestTermination,
  TListClientsQuery,
} from '../../../src/server/clients/schema.js';
import { clientKeys } from './clients.js';
import { apiRequest } from './http.js';

/** Looking a client up to open a closeout for it. */

const LOOKUP_SIZE = 20;

/** Clients whose name contains `q`, alphabetically; the first ones when `q` is empty. */
export function useClientLookup(q: string) {
  const query: Partial<TListClientsQuery> = {
    q: q === '' ? undefined : q,
    sort: 'name',
    pageSize: LOOKUP_SIZE,
  };
  return useQuery({
    queryKey: clientKeys.list(query),
    queryFn: ({ signal }) => apiRequest<TClientPage>('/clients', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The client chosen, once there is one; cached with the client page's own copy. */
export function useChosenClient(clientId: string | null) {
  return useQuery({
    queryKey: clientKeys.detail(clientId ?? ''),
    queryFn: ({ signal }) => apiRequest<TClientDetail>(`/clients/${clientId}`, { signal }),
    enabled: clientId !== null,
  });
}

/**
 * What opening a closeout for the client on this notice day would propose: the earliest
 * termination date and the MRR at risk. Asked only once both are known.
 */
export function useEarliestTermination(clientId: string | null, noticeReceivedOn: string | null) {
  return useQuery({
    // Under the client's own key, so a change to its agreements asks again.
    queryKey: [...clientKeys.detail(clientId ?? ''), 'earliest-termination', noticeReceivedOn],
    queryFn: ({ signal }) =>
      apiRequest<TEarliestTermination>(`/clients/${clientId}/earliest-termination-date`, {
        query: { noticeReceivedOn },
        signal,
      }),
    enabled: clientId !== null && noticeReceivedOn !== null,
    placeholderData: keepPreviousData,
  });
}
