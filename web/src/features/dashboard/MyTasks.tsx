import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { TTaskListItem, TTaskPage } from '../../../../src/server/tasks/schema.js';
import { useTaskList } from '../../api/tasks.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryState.js';
import { daysBetween, formatDay, plural, today } from '../../format.js';

const LIST_SIZE = 50;

/** The signed-in user's open tasks that are late or due within the week, soonest first. */
export function MyTasks() {
  const overdue = useTaskList({ assignee: 'me', due: 'overdue', pageSize: LIST_SIZE });
  const dueSoon = useTaskList({ assignee: 'me', due: 'week', pageSize: LIST_SIZE });
  return (
    <Card withBorder component="section" aria-labelledby="my-tasks-heading" padding="md">
      <Title order={2} fz="lg" id="my-tasks-heading" mb="sm">
        My tasks
      </Title>
      {overdue.isPending || dueSoon.isPending ? (
        <LoadingState label="Loading your tasks…" />
      ) : overdue.data === undefined || dueSoon.data === undefined ? (
        <ErrorState
          error={overdue.error ?? dueSoon.error}
          onRetry={() => {
            void overdue.refetch();
            void dueSoon.refetch();
          }}
        />
      ) : overdue.data.total === 0 && dueSoon.data.total === 0 ? (
        <EmptyState title="Nothing due">
          None of your tasks is overdue or due in the next seven days.
        </EmptyState>
      ) : (
        <Stack gap="lg">
          <TaskGroup title="Overdue" color="red" page={overdue.data} />
          <TaskGroup title="Due this week" color="blue" page={dueSoon.data} />
        </Stack>
      )}
    </Card>
  );
}

function TaskGroup({ title, color, page }: { title: string; color: string; page: TTaskPage }) {
  if (page.total === 0) return null;
  const headingId = `my-tasks-${title.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group gap="xs">
        <Title order={3} fz="sm" id={headingId}>
          {title}
        </Title>
        <Badge color={color} variant="light" size="sm">
          {page.total}
        </Badge>
      </Group>
      <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {page.items.map((task) => (
          <TaskRow key={task.id} task={task} />
        ))}
      </Stack>
      {page.total > page.items.length && (
        <Text size="xs" c="dimmed">
          and {page.total - page.items.length} more
        </Text>
      )}
    </Stack>
  );
}

function TaskRow({ task }: { task: TTaskListItem }) {
  return (
    <Stack component="li" gap={2} py={6}>
      <Anchor
        component={Link}
        to={`/closeouts/${task.closeout.id}?stage=${encodeURIComponent(task.stageKey)}`}
        size="sm"
        fw={500}
        lineClamp={2}
      >
        {task.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {task.client.name} · {task.closeout.reference} ·{' '}
        <Text span inherit c={task.overdue ? 'red' : undefined} fw={task.overdue ? 600 : undefined}>
          {dueText(task.dueOn)}
        </Text>
      </Text>
    </Stack>
  );
}

function dueText(dueOn: string | null): string {
  if (dueOn === null) return 'No due date';
  const days = daysBetween(today(), dueOn);
  if (days === 0) return 'Due today';
  if (days < 0) return `${plural(-days, 'day')} overdue`;
  return `Due ${formatDay(dueOn)}`;
}
