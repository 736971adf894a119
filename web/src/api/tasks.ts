import { useQuery } from '@tanstack/react-query';
import type { TListTasksQuery, TTaskPage } from '../../../src/server/tasks/schema.js';
import { apiRequest } from './http.js';

/** Task lists sit under `tasks`, which every closeout action invalidates. */
export const taskKeys = {
  list: (query: Partial<TListTasksQuery>) => ['tasks', 'list', query] as const,
};

/** Tasks across closeouts, soonest due first (open ones unless `status` says otherwise). */
export function useTaskList(query: Partial<TListTasksQuery>) {
  return useQuery({
    queryKey: taskKeys.list(query),
    queryFn: ({ signal }) => apiRequest<TTaskPage>('/tasks', { query, signal }),
  });
}
