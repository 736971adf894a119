import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  THandoverSecret,
  THandoverSecretStatus,
  TRevealedHandoverSecret,
} from '../../../src/server/handover-secrets/schema.js';
import { closeoutKeys } from './closeouts.js';
import { apiRequest } from './http.js';

/**
 * The credential vault of a closeout's handover items. Statuses are cached like any read; a
 * revealed secret never is: the reveal is a mutation whose result is dropped as soon as nobody
 * shows it (`gcTime: 0`).
 */

export const handoverSecretKeys = {
  statuses: (closeoutId: string) => ['closeouts', 'handover-secrets', closeoutId] as const,
};

const secretPath = (closeoutId: string, itemId: string) =>
  `/closeouts/${closeoutId}/handover-items/${itemId}/secret`;

export function useHandoverSecretStatuses(closeoutId: string) {
  return useQuery({
    queryKey: handoverSecretKeys.statuses(closeoutId),
    queryFn: ({ signal }) =>
      apiRequest<THandoverSecretStatus[]>(`/closeouts/${closeoutId}/handover-secrets`, { signal }),
  });
}

/** Puts one item's new status into the cached list, and lets the timeline show the change. */
function useStatusUpdate(closeoutId: string) {
  const queryClient = useQueryClient();
  return (status: THandoverSecretStatus) => {
    queryClient.setQueryData<THandoverSecretStatus[]>(
      handoverSecretKeys.statuses(closeoutId),
      (statuses) =>
        statuses?.map((current) => (current.itemId === status.itemId ? status : current)),
    );
    void queryClient.invalidateQueries({ queryKey: handoverSecretKeys.statuses(closeoutId) });
    void queryClient.invalidateQueries({ queryKey: closeoutKeys.timeline(closeoutId) });
  };
}

export function useStoreHandoverSecret(closeoutId: string) {
  const updated = useStatusUpdate(closeoutId);
  return useMutation({
    mutationFn: ({ itemId, secret }: { itemId: string; secret: THandoverSecret }) =>
      apiRequest<THandoverSecretStatus>(secretPath(closeoutId, itemId), {
        method: 'PUT',
        body: secret,
      }),
    onSuccess: updated,
    gcTime: 0,
  });
}

export function useRevealHandoverSecret(closeoutId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) =>
      apiRequest<TRevealedHandoverSecret>(`${secretPath(closeoutId, itemId)}/reveal`, {
        method: 'POST',
      }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: closeoutKeys.timeline(closeoutId) }),
    gcTime: 0,
  });
}

export function useReissueHandoverSecret(closeoutId: string) {
  const updated = useStatusUpdate(closeoutId);
  return useMutation({
    mutationFn: (itemId: string) =>
      apiRequest<THandoverSecretStatus>(`${secretPath(closeoutId, itemId)}/reissue`, {
        method: 'POST',
      }),
    onSuccess: updated,
  });
}
