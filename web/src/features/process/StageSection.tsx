import {
  Badge,
  Box,
  Divider,
  Group,
  List,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCalendarDue, IconLock } from '@tabler/icons-react';
import {
  type TGate,
  type TProcessDefinition,
  type TStage,
  ZLane,
} from '../../../../src/blueprint/schema.js';
import { LANE_COLORS, LANE_LABELS } from '../../labels.js';
import { describeApplicability, describeDueRule } from './due-rule.js';
import { TaskItem } from './TaskItem.js';

export const stageAnchor = (stageKey: string) => `stage-${stageKey}`;

/** One stage of the process: what happens, by when, what must hold to leave it, and its tasks by lane. */
export function StageSection({
  stage,
  definition,
}: {
  stage: TStage;
  definition: TProcessDefinition;
}) {
  const tasks = definition.tasks.filter((task) => task.stage === stage.key);
  const gates = stage.exitGates
    .map((key) => definition.gates.find((gate) => gate.key === key))
    .filter((gate): gate is TGate => gate !== undefined);
  const headingId = `${stageAnchor(stage.key)}-heading`;

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="lg"
      id={stageAnchor(stage.key)}
      aria-labelledby={headingId}
      style={{ scrollMarginTop: 72 }}
    >
      <Stack gap="md">
        <Stack gap={6}>
          <Group gap="sm" wrap="nowrap" align="center">
            <Badge variant="light" size="lg" radius="sm" tt="none">
              {stage.code}
            </Badge>
            <Title order={2} fz="lg" id={headingId}>
              {stage.name}
            </Title>
          </Group>
          <Text size="sm" c="dimmed">
            {stage.description}
          </Text>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconCalendarDue size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="sm">
              {stage.due === null
                ? 'No deadline of its own'
                : `Due ${lowerFirst(describeDueRule(stage.due))}`}
            </Text>
          </Group>
        </Stack>

        <ExitGates gates={gates} />

        {ZLane.options.map((lane) => {
          const laneTasks = tasks.filter((task) => task.lane === lane);
          if (laneTasks.length === 0) return null;
          return (
            <Box key={lane}>
              <Divider
                labelPosition="left"
                label={
                  <Group gap={6}>
                    <Badge color={LANE_COLORS[lane]} variant="dot" size="sm">
                      {LANE_LABELS[lane]}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {laneTasks.length} {laneTasks.length === 1 ? 'task' : 'tasks'}
                    </Text>
                  </Group>
                }
              />
              <Stack
                component="ul"
                gap={0}
                aria-label={`${stage.name}: ${LANE_LABELS[lane]}`}
                style={{ listStyle: 'none', margin: 0, padding: 0 }}
              >
                {laneTasks.map((task) => (
                  <TaskItem key={task.key} task={task} definition={definition} />
                ))}
              </Stack>
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}

function ExitGates({ gates }: { gates: TGate[] }) {
  if (gates.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No exit gate: the closeout may move on at any time.
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-default-hover)">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={6}>
        To move on
      </Text>
      <GateList gates={gates} />
    </Paper>
  );
}

/** Gates with the message a user reads while one does not hold. */
export function GateList({ gates }: { gates: TGate[] }) {
  return (
    <List
      spacing="xs"
      size="sm"
      icon={
        <ThemeIcon size={20} radius="xl" variant="light" color="orange">
          <IconLock size={12} />
        </ThemeIcon>
      }
    >
      {gates.map((gate) => {
        const applicability = describeApplicability(gate.appliesWhen);
        return (
          <List.Item key={gate.key}>
            <Text size="sm" fw={600}>
              {gate.name}
            </Text>
            <Text size="xs" c="dimmed">
              {gate.unmetMessage}
            </Text>
            {applicability !== null && (
              <Text size="xs" c="dimmed" fs="italic">
                {applicability}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
