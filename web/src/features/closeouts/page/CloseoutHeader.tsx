import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { daysBetween, formatDay, formatMoney, today } from '../../../format.js';
import { STATUS_COLORS, STATUS_LABELS, TRIGGER_LABELS } from '../../../labels.js';
import { OwnerControl } from './OwnerControl.js';

/** The closeout at a glance: whose it is, why it started, the dates that matter, what is at stake. */
export function CloseoutHeader({
  closeout,
  definition,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
}) {
  return (
    <Stack gap="md" mb="lg">
      <PageHeader
        documentTitle={`${closeout.reference} · ${closeout.client.name}`}
        title={
          <Group gap="sm" wrap="wrap" component="span">
            <Anchor component={Link} to={`/clients/${closeout.client.id}`} inherit c="inherit">
              {closeout.client.name}
            </Anchor>
            <Badge color={STATUS_COLORS[closeout.status]} variant="light" size="lg">
              {STATUS_LABELS[closeout.status]}
            </Badge>
          </Group>
        }
        description={`Closeout ${closeout.reference} · ${TRIGGER_LABELS[closeout.trigger]}`}
      />
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" verticalSpacing="md">
          <Fact label="Owner">
            <OwnerControl closeout={closeout} />
          </Fact>
          <Fact label="Notice received">{formatDay(closeout.noticeReceivedOn)}</Fact>
          <Fact label="Earliest termination">{formatDay(closeout.earliestTerminationDate)}</Fact>
          <Fact label="Agreed termination">
            <AgreedTermination closeout={closeout} />
          </Fact>
          <Fact label="MRR at risk">
            <Text size="sm" className="tabular">
              {formatMoney(closeout.mrrAtRisk)}
            </Text>
          </Fact>
          <Fact label="Process">
            <Text size="sm">
              {definition.name}{' '}
              <Text span c="dimmed" size="sm">
                v{closeout.definition.version}
              </Text>
            </Text>
          </Fact>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4} miw={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
    </Stack>
  );
}

/** The agreed date, with how far off it is while the closeout runs. */
function AgreedTermination({ closeout }: { closeout: TCloseoutDetail }) {
  if (closeout.terminationDate === null) {
    return (
      <Text size="sm" c="dimmed">
        Not agreed yet
      </Text>
    );
  }
  const days = daysBetween(today(), closeout.terminationDate);
  return (
    <Text size="sm">
      {formatDay(closeout.terminationDate)}
      {closeout.status === 'open' && (
        <Text span size="xs" c={days < 0 ? 'red' : 'dimmed'} ml={6}>
          {days === 0 ? 'today' : days > 0 ? `in ${days} d` : `${-days} d ago`}
        </Text>
      )}
    </Text>
  );
}
