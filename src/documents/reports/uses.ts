import type { TReportUse } from '../../server/reports/schema.js';

/** Where something is used, for a table cell: "11a.01: tasks 2, 6" one sub-process a line. */
export function usesInWords(uses: TReportUse[]): string {
  if (uses.length === 0) return 'No task';
  return uses
    .map(
      ({ stage, tasks }) =>
        `${stage.code}: ${tasks.length === 1 ? 'task' : 'tasks'} ${tasks.map((task) => task.number).join(', ')}`,
    )
    .join('\n');
}
