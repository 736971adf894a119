import { Badge, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconPlayerPlay } from '@tabler/icons-react';
import type { TPortalCloseout } from '../../../../src/server/portal/schema.js';
import { EmptyState } from '../../components/QueryState.js';
import { formatDay, formatMoment } from '../../format.js';
import { PortalSection } from './PortalSection.js';

type TStage = TPortalCloseout['stages'][number];
type TMilestone = TPortalCloseout['milestones'][number];

const STAGE_ICON = {
  done: { icon: IconCircleCheck, color: 'teal', label: 'done' },
  current: { icon: IconPlayerPlay, color: 'brand', label: 'now' },
  upcoming: { icon: IconCircleDashed, color: 'gray', label: 'to come' },
} as const;

/** Where the closeout stands: its stages (named by the process it follows) and its key dates. */
export function TimelineSection({ closeout }: { closeout: TPortalCloseout }) {
  return (
    <PortalSection
      title="Timeline"
      description="The steps of the closeout and the dates that matter to you."
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Stack gap="xs">
          <Title order={3} fz="sm">
            Steps
          </Title>
          <List spacing="xs" listStyleType="none" aria-label="Steps of the closeout">
            {closeout.stages.map((stage) => (
              <StageItem key={stage.key} stage={stage} />
            ))}
          </List>
        </Stack>
        <Stack gap="xs">
          <Title order={3} fz="sm">
            Key dates
          </Title>
          {closeout.milestones.length === 0 ? (
            <EmptyState title="No dates yet">Your provider has not set any dates yet.</EmptyState>
          ) : (
            <List spacing="xs" listStyleType="none" aria-label="Key dates">
              {closeout.milestones.map((milestone) => (
                <MilestoneItem key={`${milestone.kind}-${milestone.at}`} milestone={milestone} />
              ))}
            </List>
          )}
        </Stack>
      </SimpleGrid>
    </PortalSection>
  );
}

function StageItem({ stage }: { stage: TStage }) {
  const state = STAGE_ICON[stage.state];
  return (
    <List.Item>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color={state.color} variant="light" radius="xl" size={24} aria-hidden>
          <state.icon size={15} />
        </ThemeIcon>
        <Stack gap={0}>
          <Text size="sm" fw={stage.state === 'current' ? 700 : 500}>
            {stage.code} {stage.name}
            <Text span size="sm" c="dimmed">
              {' '}
              ({state.label})
            </Text>
          </Text>
          {stage.reachedAt !== null && (
            <Text size="xs" c="dimmed">
              Since {formatMoment(stage.reachedAt)}
            </Text>
          )}
        </Stack>
      </Group>
    </List.Item>
  );
}

function MilestoneItem({ milestone }: { milestone: TMilestone }) {
  return (
    <List.Item>
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {milestone.label}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">
            {milestone.allDay ? formatDay(milestone.at) : formatMoment(milestone.at)}
          </Text>
          <Badge size="sm" variant="light" color={milestone.past ? 'gray' : 'blue'} tt="none">
            {milestone.past ? 'done' : 'to come'}
          </Badge>
        </Group>
      </Stack>
    </List.Item>
  );
}
