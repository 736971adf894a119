import { Card, Divider, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { AdvanceStageButton } from './AdvanceStageButton.js';
import { EndCloseoutActions } from './EndCloseoutActions.js';
import { GateList } from './GateList.js';

/**
 * What stands between an open closeout and closing: the current stage's exit gates (with the
 * button that moves it on) and the process's closing gates, each linked to where it is fixed;
 * then the Close and Withdraw actions.
 */
export function ClosingBlockers({
  closeout,
  definition,
  onAdvanced,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  onAdvanced: () => void;
}) {
  const stageGates = closeout.unmetStageGates;
  const listed = new Set(stageGates.map((gate) => gate.gate));
  const closingGates = closeout.unmetClosingGates.filter((gate) => !listed.has(gate.gate));
  const hasNextStage = closeout.stage.index < definition.stages.length - 1;
  const nothingBlocks = stageGates.length === 0 && closingGates.length === 0;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="blockers-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="blockers-title">
          What still blocks closing
        </Title>
        {nothingBlocks && (
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon color="teal" variant="light" radius="xl" size={24} aria-hidden>
              <IconCircleCheck size={16} />
            </ThemeIcon>
            <Text size="sm">
              {hasNextStage
                ? 'Nothing blocks this stage. Move on when the work is done.'
                : 'Nothing blocks closing.'}
            </Text>
          </Group>
        )}
        {(stageGates.length > 0 || hasNextStage) && (
          <Stack gap="xs">
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              To leave {closeout.stage.code} {closeout.stage.name}
            </Text>
            {stageGates.length > 0 && (
              <GateList gates={stageGates} definition={definition} closeout={closeout} />
            )}
            <AdvanceStageButton
              closeout={closeout}
              definition={definition}
              onAdvanced={onAdvanced}
            />
          </Stack>
        )}
        {closingGates.length > 0 && (
          <Stack gap="xs">
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              To close as terminated
            </Text>
            <GateList gates={closingGates} definition={definition} closeout={closeout} />
          </Stack>
        )}
        <Divider />
        <EndCloseoutActions closeout={closeout} definition={definition} />
      </Stack>
    </Card>
  );
}
