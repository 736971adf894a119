import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconLock } from '@tabler/icons-react';
import type { TMilestone, TProcessDefinition } from '../../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { MILESTONE_LABELS } from '../../../../labels.js';
import { gatesFixedIn } from '../gate-links.js';
import { type GateStatus, gateStatus } from '../session/gate-state.js';
import { gateAnchor } from '../stage-panel.js';
import type { TicketCounts } from './ticket-query.js';

const share = (part: number, total: number) => (total === 0 ? 0 : (part / total) * 100);

/** The milestone's name as the definition gives it: its gate, else the task it completes. */
function milestoneTitle(definition: TProcessDefinition, milestone: TMilestone): string {
  const named =
    definition.gates.find((gate) => gate.milestone === milestone)?.name ??
    definition.tasks.find((task) => task.completedWhen === milestone)?.name;
  if (named !== undefined) return named;
  const label = MILESTONE_LABELS[milestone];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function GateStatusBadge({ status }: { status: GateStatus }) {
  if (status === 'met') {
    return (
      <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />} tt="none">
        Gate met
      </Badge>
    );
  }
  if (status === 'unmet') {
    return (
      <Badge color="orange" variant="light" leftSection={<IconLock size={12} />} tt="none">
        Gate
      </Badge>
    );
  }
  return null;
}

function MilestoneMeter({
  closeout,
  definition,
  stageKey,
  milestone,
  done,
  total,
  detail,
  color,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  stageKey: string;
  milestone: TMilestone;
  done: number;
  total: number;
  detail: string;
  color: string;
}) {
  const [gateKey] = gatesFixedIn(definition, stageKey, [milestone]);
  const title = milestoneTitle(definition, milestone);
  return (
    <Paper
      withBorder
      p="md"
      id={gateKey === undefined ? undefined : gateAnchor(gateKey)}
      tabIndex={gateKey === undefined ? undefined : -1}
      style={{ scrollMarginTop: 80 }}
    >
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="xl" fw={700} lh={1}>
          {done}
          <Text span c="dimmed" size="sm" fw={500}>
            {' '}
            of {total}
          </Text>
        </Text>
        <Progress value={share(done, total)} color={color} size="sm" aria-label={title} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
          {gateKey !== undefined && (
            <GateStatusBadge status={gateStatus(closeout, definition, gateKey)} />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * How far the review is towards its gates: every ticket with a disposition to leave the stage,
 * the client's agreement, and every ticket completed or cancelled to close.
 */
export function TicketReviewProgress({
  closeout,
  definition,
  stageKey,
  counts,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  stageKey: string;
  counts: TicketCounts;
}) {
  const { total } = counts;
  const headline = `${counts.resolved} of ${total} ${total === 1 ? 'ticket' : 'tickets'} resolved (completed or cancelled)`;
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{headline}</Text>
          <Text size="sm" c="dimmed">
            {counts.completed} completed · {counts.cancelled} cancelled · {total - counts.resolved}{' '}
            open
          </Text>
        </Group>
        <Progress.Root size="lg">
          <Progress.Section
            value={share(counts.completed, total)}
            color="teal"
            aria-label="Completed"
          >
            <Progress.Label>Completed</Progress.Label>
          </Progress.Section>
          <Progress.Section
            value={share(counts.cancelled, total)}
            color="gray"
            aria-label="Cancelled"
          >
            <Progress.Label>Cancelled</Progress.Label>
          </Progress.Section>
        </Progress.Root>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <MilestoneMeter
          closeout={closeout}
          definition={definition}
          stageKey={stageKey}
          milestone="tickets_dispositioned"
          done={counts.dispositioned}
          total={total}
          detail={`${total - counts.dispositioned} still undecided`}
          color="blue"
        />
        <MilestoneMeter
          closeout={closeout}
          definition={definition}
          stageKey={stageKey}
          milestone="dispositions_agreed"
          done={counts.agreed}
          total={total}
          detail={
            counts.questioned > 0
              ? `${counts.questioned} questioned by the client`
              : `${total - counts.agreed} awaiting the client`
          }
          color="teal"
        />
        <MilestoneMeter
          closeout={closeout}
          definition={definition}
          stageKey={stageKey}
          milestone="tickets_resolved"
          done={counts.resolved}
          total={total}
          detail="Completed or cancelled"
          color="teal"
        />
      </SimpleGrid>
    </Stack>
  );
}
