import { Text } from '@mantine/core';
import type { TCloseoutPlan } from '../../../../../../src/server/reports/schema.js';
import { DataTable } from '../../../../components/DataTable.js';
import { formatDay } from '../../../../format.js';
import { TASK_STATE_LABELS, taskState } from './timeline.js';

/** The plan as a table: the chart's content for screen readers, keyboards and print. */
export function PlanTable({ plan }: { plan: TCloseoutPlan }) {
  const stageTitle = (stageKey: string) => {
    const stage = plan.stages.find((candidate) => candidate.key === stageKey);
    return stage === undefined ? stageKey : `${stage.code} ${stage.name}`;
  };
  return (
    <DataTable
      label={`Plan of ${plan.closeout.reference}`}
      rows={plan.tasks}
      rowKey={(task) => task.taskKey}
      minWidth={720}
      columns={[
        {
          header: 'Sub-process',
          cell: (task) => (
            <Text size="sm" c="dimmed">
              {stageTitle(task.stageKey)}
            </Text>
          ),
        },
        {
          header: '#',
          cell: (task) => (
            <Text size="sm" ff="monospace">
              {task.number ?? '—'}
            </Text>
          ),
        },
        { header: 'Task', cell: (task) => <Text size="sm">{task.name}</Text> },
        {
          header: 'Roles',
          cell: (task) => <Text size="sm">{task.roles.map((role) => role.name).join(', ')}</Text>,
        },
        {
          header: 'Systems',
          cell: (task) => (
            <Text size="sm">{task.systems.map((system) => system.name).join(', ') || '—'}</Text>
          ),
        },
        {
          header: 'Assignee',
          cell: (task) => <Text size="sm">{task.assignee?.name ?? '—'}</Text>,
        },
        {
          header: 'Status',
          cell: (task) => (
            <Text size="sm" fw={taskState(task) === 'overdue' ? 700 : undefined}>
              {TASK_STATE_LABELS[taskState(task)]}
            </Text>
          ),
        },
        {
          header: 'Date',
          cell: (task) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {task.date === null ? 'No date' : formatDay(task.date)}
              {task.dateKind === 'projected' ? ' (projected)' : ''}
            </Text>
          ),
        },
      ]}
    />
  );
}
