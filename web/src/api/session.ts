import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can, type Permission } from '../../../src/server/auth/permissions.js';
import type { TSignedInUser, TSignInRequest } from '../../../src/server/auth/schema.js';
import { ApiProblem, apiRequest } from './http.js';

/** Who is signed in; null when nobody is (the API answered 401). */
export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<TSignedInUser | null> => {
      try {
        return await apiRequest<TSignedInUser>('/auth/me');
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** The signed-in user; only for components under the signed-in layout. */
export function useSignedInUser(): TSignedInUser {
  const { data } = useSession();
  if (data === null || data === undefined) {
    throw new Error('useSignedInUser is used outside the signed-in layout.');
  }
  return data;
}

/** Whether the signed-in user's roles allow a permission of the API's matrix. */
export function useCan(permission: Permission): boolean {
  const { data } = useSession();
  return data !== null && data !== undefined && can(data.roles, permission);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: TSignInRequest) =>
      apiRequest<TSignedInUser>('/auth/sign-in', { method: 'POST', body: credentials }),
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}
