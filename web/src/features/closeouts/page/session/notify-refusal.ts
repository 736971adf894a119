import { notifications } from '@mantine/notifications';
import { ApiProblem, errorMessage } from '../../../../api/http.js';

/**
 * A refused one-click action as a notification. A stale version is left out: the closeout action
 * already says the closeout was reloaded.
 */
export function notifyRefusal(title: string, error: unknown): void {
  if (error instanceof ApiProblem && error.problem.code === 'stale_version') return;
  notifications.show({ color: 'red', title, message: errorMessage(error) });
}
