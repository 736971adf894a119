import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { EmptyState } from '../../../components/QueryState.js';
import { TaskChecklist } from './TaskChecklist.js';

type TTask = TCloseoutDetail['tasks'][number];

/**
 * Tasks go on after a terminated closeout has closed (backup data is destroyed after its
 * retention period); a retained or withdrawn closeout's tasks are closed.
 */
export const tasksWorkable = (closeout: TCloseoutDetail): boolean =>
  closeout.status === 'open' || closeout.status === 'terminated';

/** Every task of the closeout, grouped by the stage of the process it belongs to. */
export function CloseoutTasks({
  closeout,
  definition,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
}) {
  if (closeout.tasks.length === 0) {
    return (
      <EmptyState title="No tasks yet">
        Tasks are generated stage by stage as the closeout reaches them.
      </EmptyState>
    );
  }
  const known = new Set(definition.stages.map((stage) => stage.key));
  const groups = [
    ...definition.stages.map((stage) => ({
      key: stage.key,
      title: `${stage.code} ${stage.name}`,
      tasks: closeout.tasks.filter((task) => task.stageKey === stage.key),
    })),
    {
      key: 'other',
      title: 'Other tasks',
      tasks: closeout.tasks.filter((task) => !known.has(task.stageKey)),
    },
  ].filter((group) => group.tasks.length > 0);

  return (
    <Stack gap="xl">
      {groups.map((group) => (
        <Stack key={group.key} gap="sm" component="section" aria-label={group.title}>
          <Group justify="space-between" wrap="nowrap">
            <Title order={3} size="h5">
              {group.title}
            </Title>
            <TaskProgress tasks={group.tasks} />
          </Group>
          <TaskChecklist
            closeout={closeout}
            definition={definition}
            tasks={group.tasks}
            editable={tasksWorkable(closeout)}
          />
        </Stack>
      ))}
    </Stack>
  );
}

function TaskProgress({ tasks }: { tasks: TTask[] }) {
  const settled = tasks.filter((task) => task.status !== 'open').length;
  const overdue = tasks.filter((task) => task.overdue && task.status === 'open').length;
  return (
    <Group gap="xs" wrap="nowrap">
      {overdue > 0 && (
        <Badge color="red" variant="light">
          {overdue} overdue
        </Badge>
      )}
      <Text size="sm" c="dimmed" className="tabular">
        {settled} of {tasks.length} settled
      </Text>
    </Group>
  );
}
