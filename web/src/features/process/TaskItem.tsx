import { Badge, Box, Flex, Group, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconCalendarDue,
  IconFileText,
  IconRobot,
  IconServer2,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { roleName, systemName } from '../../../../src/blueprint/personalise.js';
import type { TProcessDefinition, TTask } from '../../../../src/blueprint/schema.js';
import { describeApplicability, describeDueRule } from './due-rule.js';

/** One task of the definition: what it is, who does it, with which systems and documents, when. */
export function TaskItem({ task, definition }: { task: TTask; definition: TProcessDefinition }) {
  const gates = definition.gates.filter((gate) => gate.tasks.includes(task.key));
  const documentName = (key: string) =>
    definition.documents.find((document) => document.key === key)?.name ?? key;
  const applicability = describeApplicability(task.appliesWhen);

  return (
    <Flex
      component="li"
      direction={{ base: 'column', sm: 'row' }}
      gap={{ base: 'xs', sm: 'md' }}
      py="sm"
      aria-label={`Task ${task.number}: ${task.name}`}
    >
      <Group wrap="nowrap" align="flex-start" gap="md" style={{ flex: 1, minWidth: 0 }}>
        <Badge variant="default" radius="sm" miw={40} style={{ flexShrink: 0 }}>
          {task.number}
        </Badge>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={500} size="sm">
              {task.name}
            </Text>
            {task.required ? (
              <Badge size="xs" variant="light">
                Required
              </Badge>
            ) : (
              <Badge size="xs" variant="outline" color="gray">
                Optional
              </Badge>
            )}
            {task.entry && (
              <Badge size="xs" variant="light" color="grape">
                Starts the process
              </Badge>
            )}
            {gates.length > 0 && (
              <Tooltip label={`Needed for: ${gates.map((gate) => gate.name).join(', ')}`}>
                <Badge size="xs" variant="light" color="orange" tabIndex={0}>
                  Gate
                </Badge>
              </Tooltip>
            )}
            {task.evidenceRequired && (
              <Badge size="xs" variant="light" color="gray">
                Evidence needed
              </Badge>
            )}
            {task.completedWhen !== undefined && (
              <Tooltip label="Ticks itself off once the step is recorded in Closeout">
                <Badge
                  size="xs"
                  variant="light"
                  color="teal"
                  leftSection={<IconRobot size={12} />}
                  tabIndex={0}
                >
                  Automatic
                </Badge>
              </Tooltip>
            )}
          </Group>
          {applicability !== null && (
            <Text size="xs" c="dimmed">
              {applicability}
            </Text>
          )}
          <Group gap="lg" wrap="wrap" style={{ rowGap: 4 }}>
            <Meta icon={<IconUsers size={14} />} label="Roles">
              {task.roles.map((key) => roleName(definition, key)).join(', ')}
            </Meta>
            {task.systems.length > 0 && (
              <Meta icon={<IconServer2 size={14} />} label="Systems">
                {task.systems.map((key) => systemName(definition, key)).join(', ')}
              </Meta>
            )}
            {task.documents.length > 0 && (
              <Meta icon={<IconFileText size={14} />} label="Documents">
                {task.documents.map(documentName).join(', ')}
              </Meta>
            )}
          </Group>
        </Stack>
      </Group>
      <Group
        gap={6}
        wrap="nowrap"
        align="flex-start"
        maw={{ sm: 240 }}
        ml={{ base: 56, sm: 0 }}
        style={{ flexShrink: 0 }}
      >
        <Box c="dimmed" mt={2}>
          <IconCalendarDue size={14} aria-hidden />
        </Box>
        <Text size="xs" c={task.due === null ? 'dimmed' : undefined}>
          {task.due === null ? 'No due date' : describeDueRule(task.due)}
        </Text>
      </Group>
    </Flex>
  );
}

function Meta({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Tooltip label={label}>
        <Box c="dimmed" mt={2} aria-label={label} role="img">
          {icon}
        </Box>
      </Tooltip>
      <Text size="xs">{children}</Text>
    </Group>
  );
}
