import { notifications } from '@mantine/notifications';
import {
  type QueryClient,
  type QueryKey,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiProblem, apiRequest } from './http.js';

/** One action on a versioned resource: the path under the resource and its request body. */
export type VersionedActionRequest = {
  /** e.g. `decide-retention`, `tasks/{taskId}/complete`. */
  path: string;
  body?: unknown;
  /** Shown as a notification when the action succeeds. */
  success?: string;
};

/**
 * Runs actions on one versioned resource (a closeout, as the MSP or its client sees it). Every
 * change carries the version the user was looking at (If-Match); the answer is the resource as
 * it now stands and is handed to `onUpdated` to replace the cached one. When someone else
 * changed it first, `staleKey` is reloaded and the user is told so instead of the change being
 * applied blindly.
 */
export function useVersionedAction<TResource>(options: {
  /** The resource's path, e.g. `/closeouts/{id}`. */
  resourcePath: string;
  version: number;
  onUpdated: (queryClient: QueryClient, updated: TResource) => void;
  stale: { title: string; message: string; reload: QueryKey };
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: VersionedActionRequest) =>
      apiRequest<TResource>(`${options.resourcePath}/${path}`, {
        method: 'POST',
        body: body ?? {},
        ifMatch: options.version,
      }),
    onSuccess: (updated, request) => {
      options.onUpdated(queryClient, updated);
      if (request.success !== undefined) {
        notifications.show({ color: 'teal', message: request.success });
      }
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.problem.code === 'stale_version') {
        notifications.show({
          color: 'yellow',
          title: options.stale.title,
          message: options.stale.message,
        });
        void queryClient.invalidateQueries({ queryKey: options.stale.reload });
      }
    },
  });
}
