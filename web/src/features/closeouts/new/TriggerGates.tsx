import { Alert, List, Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { roleName } from '../../../../../src/blueprint/personalise.js';
import type { TProcessDefinition, TTrigger } from '../../../../../src/blueprint/schema.js';
import { TRIGGER_LABELS } from '../../../labels.js';

/**
 * The gates the process adds for this trigger alone (for a provider termination, an
 * Executive's approval), said before the closeout is opened so nobody is surprised when it
 * stops at one.
 */
export function TriggerGates({
  definition,
  trigger,
}: {
  definition: TProcessDefinition;
  trigger: TTrigger;
}) {
  const gates = definition.gates.filter((gate) => gate.appliesWhen?.triggers?.includes(trigger));
  if (gates.length === 0) return null;
  return (
    <>
      {gates.map((gate) => {
        const stage = definition.stages.find((candidate) => candidate.exitGates.includes(gate.key));
        const tasks = definition.tasks.filter((task) => gate.tasks.includes(task.key));
        return (
          <Alert
            key={gate.key}
            color="yellow"
            variant="light"
            icon={<IconShieldLock size={18} />}
            title={`${TRIGGER_LABELS[trigger]}: needs “${gate.name}”`}
          >
            <Text size="sm">
              {stage === undefined
                ? 'The closeout cannot close until this is done:'
                : `The closeout cannot move on from ${stage.name} until this is done:`}
            </Text>
            <List size="sm" mt={4} spacing={2}>
              {tasks.map((task) => (
                <List.Item key={task.key}>
                  <Text span fw={600} size="sm">
                    {task.roles.map((role) => roleName(definition, role)).join(' or ')}
                  </Text>{' '}
                  — task {task.number}: {task.name}
                </List.Item>
              ))}
            </List>
          </Alert>
        );
      })}
    </>
  );
}
