import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { formatMoment } from '../../../format.js';
import { STATUS_COLORS, STATUS_LABELS } from '../../../labels.js';

const OUTCOME_SENTENCES: Record<Exclude<TCloseoutDetail['status'], 'open'>, string> = {
  terminated:
    'The client took over system administration and the service ended. Deactivation tasks and issues can still be worked.',
  retained: 'The Service Improvement Program succeeded: the client stays.',
  withdrawn: 'The notice was withdrawn: the client stays.',
};

/** How an ended closeout ended, when and with what note; it can no longer change. */
export function CloseoutOutcome({ closeout }: { closeout: TCloseoutDetail }) {
  if (closeout.status === 'open') return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="outcome-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="outcome-title">
            Outcome
          </Title>
          <Badge color={STATUS_COLORS[closeout.status]} variant="light">
            {STATUS_LABELS[closeout.status]}
          </Badge>
        </Group>
        <Text size="sm">{OUTCOME_SENTENCES[closeout.status]}</Text>
        <Text size="sm" c="dimmed">
          Ended {formatMoment(closeout.endedAt)}
        </Text>
        {closeout.endNote !== '' && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {closeout.endNote}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
