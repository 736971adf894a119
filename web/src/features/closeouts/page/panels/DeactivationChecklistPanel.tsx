import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { tasksWorkable } from '../CloseoutTasks.js';
import type { StagePanelProps } from '../stage-panel.js';
import { requiredProgress, TaskChecklist } from '../TaskChecklist.js';
import { StageDescription } from './StageDescription.js';

/**
 * A stage as its checklist: 11b Service Deactivation, and any stage without a panel of its own.
 * Each task is done with evidence or waived with a reason.
 */
export function DeactivationChecklistPanel({
  closeout,
  definition,
  stageKey,
  editable,
}: StagePanelProps) {
  const tasks = closeout.tasks.filter((task) => task.stageKey === stageKey);
  const { settled, required } = requiredProgress(tasks);
  const label = `${settled} of ${required} required ${required === 1 ? 'task' : 'tasks'} done or waived`;
  // A terminated closeout closed from its last stage, so it reached every stage, and its
  // checklist goes on after closing as it does in the Tasks tab.
  const workable = editable || (closeout.status !== 'open' && tasksWorkable(closeout));
  return (
    <Stack gap="lg">
      <StageDescription definition={definition} stageKey={stageKey} />
      {tasks.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={600}>{label}</Text>
              {tasks.length > required && (
                <Text size="sm" c="dimmed">
                  {tasks.length - required} optional
                </Text>
              )}
            </Group>
            <Progress
              value={required === 0 ? 100 : (settled / required) * 100}
              color={settled === required ? 'teal' : undefined}
              aria-label={label}
            />
          </Stack>
        </Paper>
      )}
      <TaskChecklist
        closeout={closeout}
        definition={definition}
        tasks={tasks}
        editable={workable}
      />
    </Stack>
  );
}
