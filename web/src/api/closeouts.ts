import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TCloseoutDetail,
  TListCloseoutsQuery,
  TOpenCloseoutRequest,
  ZCloseoutPage,
  ZTimelinePage,
} from '../../../src/server/closeouts/schema.js';
import { apiRequest } from './http.js';
import { useVersionedAction, type VersionedActionRequest } from './versioned-action.js';

export type TCloseoutPage = z.infer<typeof ZCloseoutPage>;
export type TTimelinePage = z.infer<typeof ZTimelinePage>;

export const closeoutKeys = {
  all: ['closeouts'] as const,
  list: (query: Partial<TListCloseoutsQuery>) => ['closeouts', 'list', query] as const,
  detail: (closeoutId: string) => ['closeouts', 'detail', closeoutId] as const,
  timeline: (closeoutId: string) => ['closeouts', 'timeline', closeoutId] as const,
};

export function useCloseoutList(query: Partial<TListCloseoutsQuery>) {
  return useQuery({
    queryKey: closeoutKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest<TCloseoutPage>('/closeouts', { query: query as Record<string, string>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCloseout(closeoutId: string) {
  return useQuery({
    queryKey: closeoutKeys.detail(closeoutId),
    queryFn: ({ signal }) => apiRequest<TCloseoutDetail>(`/closeouts/${closeoutId}`, { signal }),
  });
}

export function useCloseoutTimeline(closeoutId: string) {
  return useInfiniteQuery({
    queryKey: closeoutKeys.timeline(closeoutId),
    queryFn: ({ pageParam, signal }) =>
      apiRequest<TTimelinePage>(`/closeouts/${closeoutId}/timeline`, {
        query: { before: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}

export function useOpenCloseout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TOpenCloseoutRequest) =>
      apiRequest<TCloseoutDetail>('/closeouts', { method: 'POST', body: request }),
    onSuccess: (closeout) => {
      queryClient.setQueryData(closeoutKeys.detail(closeout.id), closeout);
      void queryClient.invalidateQueries({ queryKey: closeoutKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** One process action: the path under `/closeouts/{id}/` and its request body. */
export type CloseoutActionRequest = VersionedActionRequest;

/**
 * Runs process actions on one closeout. The answer replaces the cached closeout, so the page,
 * its gates and its tasks move together; what the change may have touched elsewhere (the
 * timeline, the PSA write-back, lists, tasks, KPIs) is read again.
 */
export function useCloseoutAction(closeout: Pick<TCloseoutDetail, 'id' | 'version'>) {
  return useVersionedAction<TCloseoutDetail>({
    resourcePath: `/closeouts/${closeout.id}`,
    version: closeout.version,
    onUpdated: (queryClient, updated) => {
      queryClient.setQueryData(closeoutKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: closeoutKeys.timeline(updated.id) });
      // An outcome may have queued its write-back to the PSA.
      void queryClient.invalidateQueries({ queryKey: ['closeouts', 'psa', updated.id] });
      void queryClient.invalidateQueries({ queryKey: ['closeouts', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
    },
    stale: {
      title: 'Changed by someone else',
      message:
        'The closeout was updated in the meantime. It has been reloaded: check and try again.',
      reload: closeoutKeys.detail(closeout.id),
    },
  });
}
