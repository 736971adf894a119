import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { TCloseoutDetail } from '../../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../../api/closeouts.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { formatMoment, formatMoney } from '../../../../../format.js';
import { GuardedButton } from '../../GuardedButton.js';
import { StageSection } from '../StageSection.js';

type THealthSnapshot = NonNullable<TCloseoutDetail['healthSnapshot']>;

export const formatTenure = (months: number): string => {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest} ${rest === 1 ? 'month' : 'months'}`;
  const yearText = `${years} ${years === 1 ? 'year' : 'years'}`;
  return rest === 0 ? yearText : `${yearText} ${rest} mo`;
};

/** The client's health as the retention talks need it, compiled from agreements and tickets. */
export function HealthSnapshotSection({
  closeout,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
  gateKeys: string[];
}) {
  const action = useCloseoutAction(closeout);
  const snapshot = closeout.healthSnapshot;
  const compile = () =>
    action.mutate({ path: 'compile-health-snapshot', success: 'The health snapshot is compiled.' });
  return (
    <StageSection
      title="Health snapshot"
      description={
        snapshot === null
          ? 'Tenure, MRR, tickets and SLA breaches of the last 90 days, satisfaction and open tickets, from the agreements and tickets on record.'
          : `Compiled ${formatMoment(snapshot.compiledAt)}`
      }
      done={snapshot !== null}
      gateKeys={gateKeys}
      closeout={closeout}
      actions={
        editable && snapshot !== null ? (
          <GuardedButton
            permission="closeout.record_assessment"
            variant="subtle"
            size="xs"
            leftSection={<IconRefresh size={14} />}
            loading={action.isPending}
            onClick={compile}
          >
            Compile again
          </GuardedButton>
        ) : undefined
      }
    >
      {snapshot !== null && <SnapshotFigures snapshot={snapshot} />}
      {snapshot === null && editable && (
        <Group>
          <GuardedButton
            permission="closeout.record_assessment"
            variant="light"
            loading={action.isPending}
            onClick={compile}
          >
            Compile the snapshot
          </GuardedButton>
        </Group>
      )}
      <ProblemAlert error={action.error} />
    </StageSection>
  );
}

function SnapshotFigures({ snapshot }: { snapshot: THealthSnapshot }) {
  const figures: { label: string; value: string; alert?: boolean }[] = [
    { label: 'Tenure', value: formatTenure(snapshot.tenureMonths) },
    { label: 'MRR', value: formatMoney(snapshot.monthlyRecurringRevenue) },
    { label: 'Tickets, 90 days', value: String(snapshot.ticketsLast90Days) },
    {
      label: 'SLA breaches, 90 days',
      value: String(snapshot.slaBreachesLast90Days),
      alert: snapshot.slaBreachesLast90Days > 0,
    },
    {
      label: 'Satisfaction, 90 days',
      value:
        snapshot.satisfactionLast90Days === null
          ? 'No ratings'
          : `${snapshot.satisfactionLast90Days.toFixed(1)} / 5`,
      alert: snapshot.satisfactionLast90Days !== null && snapshot.satisfactionLast90Days < 3.5,
    },
    { label: 'Open tickets', value: String(snapshot.openTickets) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
      {figures.map((figure) => (
        <Paper key={figure.label} withBorder radius="md" p="sm" bg="var(--mantine-color-body)">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {figure.label}
            </Text>
            <Text
              fw={650}
              size="lg"
              className="tabular"
              c={figure.alert === true ? 'orange' : undefined}
            >
              {figure.value}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
