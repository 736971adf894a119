import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TDefinitionVersionChanges,
  TProcessDraft,
  TProcessDraftReview,
  TPublishedProcessVersion,
  TSaveProcessDraft,
} from '../../../src/server/process/schema.js';
import { apiRequest } from './http.js';

const DRAFT_KEY = ['process', 'draft'] as const;
const REVIEW_KEY = ['process', 'draft', 'review'] as const;

export function useProcessDraft() {
  return useQuery({
    queryKey: DRAFT_KEY,
    queryFn: ({ signal }) => apiRequest<TProcessDraft>('/process/draft', { signal }),
    // The editor holds the draft while it is edited; a refetch must not replace what is typed.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useSaveProcessDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: TSaveProcessDraft) =>
      apiRequest<TProcessDraft>('/process/draft', { method: 'PUT', body: draft }),
    onSuccess: (saved) => {
      queryClient.setQueryData(DRAFT_KEY, saved);
      void queryClient.invalidateQueries({ queryKey: REVIEW_KEY });
    },
  });
}

export function useDiscardProcessDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<null>('/process/draft', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DRAFT_KEY }),
  });
}

export function useProcessDraftReview(enabled: boolean) {
  return useQuery({
    queryKey: REVIEW_KEY,
    queryFn: ({ signal }) => apiRequest<TProcessDraftReview>('/process/draft/review', { signal }),
    enabled,
  });
}

export function usePublishProcessDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reviewedVersion: number) =>
      apiRequest<TPublishedProcessVersion>('/process/draft/publish', {
        method: 'POST',
        body: { reviewedVersion },
      }),
    // Not awaited: the refetched draft starts from the new version and remounts the editor, which
    // would drop the caller's own onSuccess (the notice and the way back to the process).
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['process'] });
    },
  });
}

export function useVersionChanges(version: { key: string; version: number }, enabled: boolean) {
  return useQuery({
    queryKey: ['process', 'changes', version.key, version.version],
    queryFn: ({ signal }) =>
      apiRequest<TDefinitionVersionChanges>(
        `/process/definitions/${version.key}/${version.version}/changes`,
        { signal },
      ),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
