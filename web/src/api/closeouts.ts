import { notifications } from '@mantine/notifications';
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
import { ApiProblem, apiRequest } from './http.js';

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
export type CloseoutActionRequest = {
  /** e.g. `decide-retention`, `tasks/{taskId}/complete`. */
  path: string;
  body?: unknown;
  /** Shown as a notification when the action succeeds. */
  success?: string;
};

/**
 * Runs process actions on one closeout. Every change carries the version the user was looking
 * at (If-Match); the answer is the closeout as it now stands and replaces the cached one, so the
 * page, its gates and its tasks move together. When someone else changed the closeout first,
 * the page reloads it and says so instead of applying the change blindly.
 */
export function useCloseoutAction(closeout: Pick<TCloseoutDetail, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: CloseoutActionRequest) =>
      apiRequest<TCloseoutDetail>(`/closeouts/${closeout.id}/${path}`, {
        method: 'POST',
        body: body ?? {},
        ifMatch: closeout.version,
      }),
    onSuccess: (updated, request) => {
      queryClient.setQueryData(closeoutKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: closeoutKeys.timeline(updated.id) });
      // An outcome may have queued its write-back to the PSA.
      void queryClient.invalidateQueries({ queryKey: ['closeouts', 'psa', updated.id] });
      void queryClient.invalidateQueries({ queryKey: ['closeouts', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
      if (request.success !== undefined) {
        notifications.show({ color: 'teal', message: request.success });
      }
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.problem.code === 'stale_version') {
        notifications.show({
          color: 'yellow',
          title: 'Changed by someone else',
          message:
            'The closeout was updated in the meantime. It has been reloaded: check and try again.',
        });
        void queryClient.invalidateQueries({ queryKey: closeoutKeys.detail(closeout.id) });
      }
    },
  });
}
