import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TInvitePortalUserRequest,
  TPortalUser,
  TPortalUserList,
} from '../../../src/server/portal/schema.js';
import { API_BASE, apiRequest } from './http.js';

/** The staff side of the client portal: who of the client is invited to a closeout's portal. */

export const portalUserKeys = {
  list: (closeoutId: string) => ['closeouts', 'portal-users', closeoutId] as const,
};

export function usePortalUsers(closeoutId: string) {
  return useQuery({
    queryKey: portalUserKeys.list(closeoutId),
    queryFn: ({ signal }) =>
      apiRequest<TPortalUserList>(`/closeouts/${closeoutId}/portal-users`, { signal }),
  });
}

export function useInvitePortalUser(closeoutId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TInvitePortalUserRequest) =>
      apiRequest<TPortalUser>(`/closeouts/${closeoutId}/portal-users`, {
        method: 'POST',
        body: request,
      }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: portalUserKeys.list(closeoutId) }),
  });
}

/** Re-sends the invitation with a new sign-in link, or revokes the user's access. */
export function usePortalUserAction(closeoutId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ portalUserId, action }: { portalUserId: string; action: 'resend' | 'revoke' }) =>
      apiRequest<TPortalUser>(`/closeouts/${closeoutId}/portal-users/${portalUserId}/${action}`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: portalUserKeys.list(closeoutId) }),
  });
}

/** The signed PDF receipt of the client's transfer of responsibility, for the MSP. */
export const staffReceiptUrl = (closeoutId: string): string =>
  `${API_BASE}/closeouts/${closeoutId}/responsibility-receipt.pdf`;
