import { Box, Group, Paper, ScrollArea, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronRight, IconFlag, IconX } from '@tabler/icons-react';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { TProcessDefinition, TStage } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { STATUS_COLORS, STATUS_LABELS } from '../../../labels.js';
import { stageSearch } from './use-closeout-location.js';

type StepState = 'done' | 'current' | 'upcoming' | 'ended' | 'not_reached';

/** Where a stage stands for this closeout, from the definition's order and the closeout's end. */
export function stepState(closeout: TCloseoutDetail, index: number): StepState {
  const current = closeout.stage.index;
  if (closeout.status === 'terminated') return 'done';
  if (index < current) return 'done';
  if (closeout.status === 'open') return index === current ? 'current' : 'upcoming';
  return index === current ? 'ended' : 'not_reached';
}

/**
 * The stages of the closeout's pinned process, in order: what is done, where it stands, how it
 * ended. Each step is a link to its stage's panel; the one shown is marked as the current page.
 */
export function StageStepper({
  closeout,
  definition,
  selectedStageKey,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  selectedStageKey: string;
}) {
  return (
    <Paper withBorder radius="md" p={4} component="nav" aria-label="Stages">
      <ScrollArea type="auto" scrollbarSize={6}>
        <Group component="ol" gap={4} wrap="nowrap" m={0} p={0} style={{ listStyle: 'none' }}>
          {definition.stages.map((stage, index) => (
            <Fragment key={stage.key}>
              {index > 0 && (
                <Box component="li" aria-hidden c="dimmed" style={{ display: 'flex' }}>
                  <IconChevronRight size={16} />
                </Box>
              )}
              <Box component="li" style={{ flex: '1 0 180px' }}>
                <StageStep
                  stage={stage}
                  number={index + 1}
                  state={stepState(closeout, index)}
                  closeout={closeout}
                  selected={stage.key === selectedStageKey}
                />
              </Box>
            </Fragment>
          ))}
        </Group>
      </ScrollArea>
    </Paper>
  );
}

function StageStep({
  stage,
  number,
  state,
  closeout,
  selected,
}: {
  stage: TStage;
  number: number;
  state: StepState;
  closeout: TCloseoutDetail;
  selected: boolean;
}) {
  return (
    <UnstyledButton
      component={Link}
      to={{ search: stageSearch(stage.key) }}
      aria-current={selected ? 'page' : undefined}
      p="sm"
      w="100%"
      style={{
        display: 'block',
        borderRadius: 'var(--mantine-radius-md)',
        background: selected ? 'var(--mantine-primary-color-light)' : undefined,
        boxShadow: selected ? 'inset 0 -2px 0 var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <StepMarker number={number} state={state} closeout={closeout} />
        <Box miw={0}>
          <Text size="xs" c="dimmed" ff="monospace">
            {stage.code}
          </Text>
          <Text size="sm" fw={600} lh={1.3} c={state === 'not_reached' ? 'dimmed' : undefined}>
            {stage.name}
          </Text>
          <StepCaption state={state} closeout={closeout} />
        </Box>
      </Group>
    </UnstyledButton>
  );
}

function StepMarker({
  number,
  state,
  closeout,
}: {
  number: number;
  state: StepState;
  closeout: TCloseoutDetail;
}) {
  if (state === 'done') {
    return (
      <ThemeIcon radius="xl" size={26} color="teal" aria-hidden>
        <IconCheck size={16} />
      </ThemeIcon>
    );
  }
  if (state === 'ended') {
    return (
      <ThemeIcon radius="xl" size={26} color={STATUS_COLORS[closeout.status]} aria-hidden>
        {closeout.status === 'retained' ? <IconFlag size={15} /> : <IconX size={15} />}
      </ThemeIcon>
    );
  }
  return (
    <ThemeIcon
      radius="xl"
      size={26}
      variant={state === 'current' ? 'filled' : 'light'}
      color={state === 'current' ? undefined : 'gray'}
      aria-hidden
    >
      <Text size="xs" fw={700} inherit>
        {number}
      </Text>
    </ThemeIcon>
  );
}

function StepCaption({ state, closeout }: { state: StepState; closeout: TCloseoutDetail }) {
  const caption: Record<StepState, string> = {
    done: 'Done',
    current: 'Current stage',
    upcoming: 'Upcoming',
    ended: `Ended here: ${STATUS_LABELS[closeout.status].toLowerCase()}`,
    not_reached: 'Not reached',
  };
  return (
    <Text size="xs" c={state === 'current' ? 'var(--mantine-primary-color-light-color)' : 'dimmed'}>
      {caption[state]}
    </Text>
  );
}
