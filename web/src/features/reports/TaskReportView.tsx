import { Badge, Paper as Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TTaskReport, TTaskReportTask } from '../../../../src/server/reports/schema.js';
import type { Paper } from '../../api/reports.js';
import { useTaskReport } from '../../api/reports.js';
import { DataTable } from '../../components/DataTable.js';
import { NoMatches } from '../../components/NoMatches.js';
import { QueryState } from '../../components/QueryState.js';
import { LANE_LABELS } from '../../labels.js';
import { filterTaskReport } from './filter.js';
import { ReportToolbar, useReportFilter } from './ReportToolbar.js';

/** The Task Report of the process version shown: every task by sub-process. */
export function TaskReportView({ version }: { version: number | undefined }) {
  const report = useTaskReport(version);
  return (
    <QueryState query={report} loadingLabel="Loading the Task Report…">
      {(loaded) => <TaskReport report={loaded} version={version} />}
    </QueryState>
  );
}

/** Every role and system some task names, once, in the order tasks first name them. */
function named(report: TTaskReport, part: 'roles' | 'systems') {
  const seen = new Map<string, string>();
  for (const task of report.stages.flatMap((stage) => stage.tasks)) {
    for (const entry of task[part]) seen.set(entry.key, entry.name);
  }
  return [...seen].map(([key, name]) => ({ key, name }));
}

function TaskReport({ report, version }: { report: TTaskReport; version: number | undefined }) {
  const [filter, setFilter] = useReportFilter();
  const [paper, setPaper] = useState<Paper>('a4');
  const shown = filterTaskReport(report, filter);
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {report.process.organisationName} · {report.process.name}, version {report.process.version}.
        Every task of the process by sub-process: the client’s actions, the onstage work the client
        sees, the backstage work it does not, and what the support systems do.
      </Text>
      <ReportToolbar
        kind="task"
        version={version}
        roles={named(report, 'roles')}
        systems={named(report, 'systems')}
        filter={filter}
        onFilter={setFilter}
        paper={paper}
        onPaper={setPaper}
      />
      {shown.stages.length === 0 ? (
        <NoMatches
          title="No task matches these filters"
          onClear={() => setFilter({ role: null, system: null })}
        >
          Choose another role or system, or clear the filters to see every task.
        </NoMatches>
      ) : (
        shown.stages.map((stage) => (
          <Card
            key={stage.key}
            component="section"
            withBorder
            radius="md"
            p="lg"
            aria-labelledby={`task-report-${stage.key}`}
          >
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start">
                <Title order={3} fz="md" id={`task-report-${stage.key}`}>
                  {stage.code} {stage.name}
                </Title>
                <Text size="sm" c="dimmed">
                  {stage.due === null ? 'No fixed date' : `Due: ${stage.due}`}
                </Text>
              </Group>
              <TaskTable caption={`${stage.code} ${stage.name}: tasks`} tasks={stage.tasks} />
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}

const names = (entries: { name: string }[]) =>
  entries.length === 0 ? '—' : entries.map((entry) => entry.name).join(', ');

function TaskTable({ caption, tasks }: { caption: string; tasks: TTaskReportTask[] }) {
  return (
    <DataTable
      label={caption}
      rows={tasks}
      rowKey={(task) => task.key}
      minWidth={960}
      highlightOnHover={false}
      columns={[
        {
          header: '#',
          width: 48,
          cell: (task) => (
            <Text size="sm" ff="monospace">
              {task.number}
            </Text>
          ),
        },
        {
          header: 'Task',
          cell: (task) => (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {task.name}
              </Text>
              <Group gap={4}>
                {task.entry && (
                  <Badge size="xs" variant="light" color="gray">
                    Starts the process
                  </Badge>
                )}
                {task.gate && (
                  <Badge size="xs" variant="light" color="orange">
                    Gate
                  </Badge>
                )}
                {!task.required && (
                  <Badge size="xs" variant="light" color="gray">
                    Optional
                  </Badge>
                )}
              </Group>
              {task.appliesWhen !== null && (
                <Text size="xs" c="dimmed">
                  {task.appliesWhen}
                </Text>
              )}
            </Stack>
          ),
        },
        {
          header: 'Lane',
          cell: (task) => <Text size="sm">{LANE_LABELS[task.lane]}</Text>,
        },
        { header: 'Roles', cell: (task) => <Text size="sm">{names(task.roles)}</Text> },
        { header: 'Systems', cell: (task) => <Text size="sm">{names(task.systems)}</Text> },
        { header: 'Documents', cell: (task) => <Text size="sm">{names(task.documents)}</Text> },
        {
          header: 'Due',
          cell: (task) => (
            <Text size="sm">{task.due ?? (task.entry ? 'On receipt' : 'No fixed date')}</Text>
          ),
        },
      ]}
    />
  );
}
