import {
  ActionIcon,
  Badge,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { isStructuralTask } from '../../../../../src/blueprint/editing.js';
import { type TProcessDefinition, type TTask, ZLane } from '../../../../../src/blueprint/schema.js';
import { LANE_LABELS } from '../../../labels.js';
import { DueRuleInput } from './DueRuleInput.js';

const LANES = ZLane.options.map((lane) => ({ value: lane, label: LANE_LABELS[lane] }));

const options = (entries: { key: string; name: string }[]) =>
  entries.map((entry) => ({ value: entry.key, label: entry.name }));

/** One task of the draft: what an administrator may change about it, and why not the rest. */
export function TaskEditor({
  task,
  definition,
  onChange,
  onRemove,
}: {
  task: TTask;
  definition: TProcessDefinition;
  onChange: (change: Partial<TTask>) => void;
  onRemove: () => void;
}) {
  const structural = isStructuralTask(task);
  const label = `Task ${task.number}`;
  return (
    <Paper withBorder p="md" radius="md" aria-label={`${label}: ${task.name}`} component="section">
      <Group justify="space-between" align="start" mb="sm" wrap="nowrap">
        <Group gap="xs">
          <Badge variant="light" color="gray">
            {label}
          </Badge>
          {structural ? (
            <Tooltip label="The process depends on this task: it can be renamed and reassigned, not removed.">
              <Badge variant="outline" color="gray">
                Required
              </Badge>
            </Tooltip>
          ) : (
            <Badge variant="light" color="teal">
              Optional
            </Badge>
          )}
        </Group>
        {!structural && (
          <Tooltip label="Remove this optional task">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove task ${task.number} ${task.name}`}
              onClick={onRemove}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <TextInput
          label="Name"
          value={task.name}
          maxLength={200}
          required
          error={task.name.trim() === '' ? 'A task needs a name.' : undefined}
          onChange={(event) => onChange({ name: event.currentTarget.value })}
        />
        <Select
          label="Swim lane"
          data={LANES}
          value={task.lane}
          allowDeselect={false}
          onChange={(lane) => {
            const parsed = ZLane.safeParse(lane);
            if (parsed.success) onChange({ lane: parsed.data });
          }}
        />
        <MultiSelect
          label="Roles"
          data={options(definition.roles)}
          value={task.roles}
          searchable
          onChange={(roles) => onChange({ roles })}
        />
        <MultiSelect
          label="Systems"
          data={options(definition.systems)}
          value={task.systems}
          searchable
          onChange={(systems) => onChange({ systems })}
        />
        <MultiSelect
          label="Documents"
          data={options(definition.documents)}
          value={task.documents}
          searchable
          onChange={(documents) => onChange({ documents })}
        />
        <Switch
          mt="lg"
          label="Completing it by hand needs evidence"
          checked={task.evidenceRequired}
          onChange={(event) => onChange({ evidenceRequired: event.currentTarget.checked })}
        />
      </SimpleGrid>
      <DueRuleInput label={label} value={task.due} onChange={(due) => onChange({ due })} />
      {task.completedWhen !== undefined && (
        <Text size="xs" c="dimmed" mt="xs">
          Completes itself when the closeout reaches this point; that cannot be edited.
        </Text>
      )}
    </Paper>
  );
}
