import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZStaffDirectory } from '../../../src/server/users/schema.js';
import { apiRequest } from './http.js';

export type TStaffDirectory = z.infer<typeof ZStaffDirectory>;
export type TStaffMember = TStaffDirectory['users'][number];

/** Active staff, for owner and assignee pickers and for showing a name for a user id. */
export function useStaffDirectory() {
  return useQuery({
    queryKey: ['users', 'directory'],
    queryFn: ({ signal }) => apiRequest<TStaffDirectory>('/users/directory', { signal }),
    staleTime: 60_000,
  });
}

/** A user id as a name; "Unassigned" for none, and the id's start for someone no longer listed. */
export function useStaffName(): (userId: string | null) => string {
  const { data } = useStaffDirectory();
  return (userId) => {
    if (userId === null) return 'Unassigned';
    return data?.users.find((user) => user.id === userId)?.name ?? 'Former staff member';
  };
}
