import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconClockHour4 } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { TCloseoutSummary } from '../../../../src/server/closeouts/schema.js';
import { daysBetween, formatDay, formatMoney, plural, today } from '../../format.js';
import { TRIGGER_LABELS } from '../../labels.js';
import classes from './dashboard.module.css';

/** An open closeout on the board: whose, why, how long it has run, and what is late. */
export function CloseoutCard({ closeout }: { closeout: TCloseoutSummary }) {
  const daysSinceNotice = daysBetween(closeout.noticeReceivedOn, today());
  return (
    <Card
      component={Link}
      to={`/closeouts/${closeout.id}`}
      withBorder
      padding="sm"
      className={classes.card}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} size="sm" lineClamp={2}>
            {closeout.client.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {closeout.reference}
          </Text>
        </Group>
        <Group gap={6}>
          <Badge variant="light" color="gray" size="sm" radius="sm">
            {TRIGGER_LABELS[closeout.trigger]}
          </Badge>
          {closeout.overdueTasks > 0 && (
            <Badge
              color="red"
              size="sm"
              radius="sm"
              leftSection={<IconAlertTriangle size={12} aria-hidden />}
            >
              {plural(closeout.overdueTasks, 'overdue task')}
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <IconClockHour4 size={14} stroke={1.7} aria-hidden />
          <Text size="xs" c="dimmed">
            Notice {daysSinceNotice === 0 ? 'today' : `${plural(daysSinceNotice, 'day')} ago`}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <IconCalendarEvent size={14} stroke={1.7} aria-hidden />
          <Text size="xs" c="dimmed">
            {closeout.terminationDate === null
              ? 'Termination date not agreed yet'
              : `Terminates ${formatDay(closeout.terminationDate)}`}
          </Text>
        </Group>
        <Text size="sm" fw={600}>
          {formatMoney(closeout.mrrAtRisk)}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            MRR at risk
          </Text>
        </Text>
      </Stack>
    </Card>
  );
}
