import { stringify } from 'csv-stringify/sync';
import { LANE_LABELS } from '../../blueprint/wording.js';
import type { TCloseoutPlan } from '../../server/reports/schema.js';
import { PLAN_DATE_KIND_LABELS, PLAN_STATUS_LABELS, stageTitle } from './plan.js';

export const PLAN_CSV_COLUMNS = [
  'Closeout',
  'Client',
  'Process',
  'Sub-process',
  'Task number',
  'Task',
  'Lane',
  'Roles',
  'Systems',
  'Assignee',
  'Status',
  'Date',
  'Date basis',
  'Overdue',
] as const;

/** The plan as a spreadsheet: one row per task, the process version on every row. */
export function planCsv(plan: TCloseoutPlan): string {
  const process = `${plan.process.name}, version ${plan.process.version}`;
  return stringify(
    plan.tasks.map((task) => [
      plan.closeout.reference,
      plan.closeout.clientName,
      process,
      stageTitle(plan, task.stageKey),
      task.number ?? '',
      task.name,
      LANE_LABELS[task.lane],
      task.roles.map((role) => role.name).join('; '),
      task.systems.map((system) => system.name).join('; '),
      task.assignee?.name ?? '',
      PLAN_STATUS_LABELS[task.status],
      task.date ?? '',
      PLAN_DATE_KIND_LABELS[task.dateKind],
      task.overdue ? 'yes' : 'no',
    ]),
    { header: true, columns: [...PLAN_CSV_COLUMNS], bom: true },
  );
}
