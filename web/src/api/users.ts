import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateUserRequest,
  TResetPasswordRequest,
  TUpdateUserRequest,
  TUser,
  TUserList,
} from '../../../src/server/users/schema.js';
import { apiRequest } from './http.js';
import { sessionKey } from './session.js';

/** Every user list (administration and the staff directory) sits under this key. */
const usersKey = ['users'] as const;

/** All users of the organisation, active or not; for administrators. */
export function useUsers() {
  return useQuery({
    queryKey: [...usersKey, 'all'],
    queryFn: ({ signal }) => apiRequest<TUserList>('/users', { signal }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TCreateUserRequest) =>
      apiRequest<TUser>('/users', { method: 'POST', body: request }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Administrators may change themselves too, so the session is read again after a change. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, changes }: { userId: string; changes: TUpdateUserRequest }) =>
      apiRequest<TUser>(`/users/${userId}`, { method: 'PATCH', body: changes }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useResetUserPassword() {
  return useMutation({
    mutationFn: ({ userId, request }: { userId: string; request: TResetPasswordRequest }) =>
      apiRequest<void>(`/users/${userId}/password`, { method: 'PUT', body: request }),
  });
}
