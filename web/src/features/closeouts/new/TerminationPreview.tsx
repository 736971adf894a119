import { Card, Divider, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import type { TAgreement } from '../../../../../src/server/clients/schema.js';
import { useChosenClient, useEarliestTermination } from '../../../api/clients-lookup.js';
import { ErrorState } from '../../../components/QueryState.js';
import { formatDay, formatMoney, plural } from '../../../format.js';
import { type AgreementEnding, determiningAgreements } from './determining-agreements.js';

/**
 * What opening the closeout would propose, as the API computes it from the client's agreements:
 * the earliest termination date, which agreement holds the client until then, and the MRR at
 * risk. Follows the client and the notice day as they change.
 */
export function TerminationPreview({
  clientId,
  noticeReceivedOn,
}: {
  clientId: string | null;
  /** null while the day entered is not a valid one. */
  noticeReceivedOn: string | null;
}) {
  const preview = useEarliestTermination(clientId, noticeReceivedOn);
  const client = useChosenClient(clientId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="preview-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="preview-heading">
          What this closeout proposes
        </Title>
        {preview.isFetching && <Loader size={16} aria-label="Updating" />}
      </Group>
      {clientId === null || noticeReceivedOn === null ? (
        <Text size="sm" c="dimmed">
          Choose the client and the day the notice was received to see the earliest termination date
          and the revenue at risk.
        </Text>
      ) : preview.isPending ? (
        <Text size="sm" c="dimmed">
          Reading the client’s agreements…
        </Text>
      ) : preview.data === undefined ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <Stack gap="md" style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }}>
          <Figure label="Earliest termination date">
            {formatDay(preview.data.earliestTerminationDate)}
          </Figure>
          <DeterminedBy
            agreements={client.data?.agreements}
            noticeReceivedOn={preview.data.noticeReceivedOn}
            earliestTerminationDate={preview.data.earliestTerminationDate}
            activeAgreements={preview.data.activeAgreements}
          />
          <Divider />
          <Figure label="MRR at risk">{formatMoney(preview.data.mrrAtRisk)}</Figure>
          <Text size="xs" c="dimmed">
            The monthly recurring revenue of{' '}
            {plural(preview.data.activeAgreements, 'active agreement')}.
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function Figure({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.3}>
        {children}
      </Text>
    </div>
  );
}

function DeterminedBy({
  agreements,
  noticeReceivedOn,
  earliestTerminationDate,
  activeAgreements,
}: {
  agreements: TAgreement[] | undefined;
  noticeReceivedOn: string;
  earliestTerminationDate: string;
  activeAgreements: number;
}) {
  if (activeAgreements === 0) {
    return (
      <Text size="sm">
        The client has no active agreement, so nothing holds it past the notice day.
      </Text>
    );
  }
  if (agreements === undefined) return null;
  const endings = determiningAgreements(agreements, noticeReceivedOn, earliestTerminationDate);
  if (endings.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={500}>
        Set by
      </Text>
      <List size="sm" spacing={2}>
        {endings.map((ending) => (
          <List.Item key={ending.agreement.id}>{endingSentence(ending)}</List.Item>
        ))}
      </List>
    </div>
  );
}

const endingSentence = ({ agreement, by }: AgreementEnding): string =>
  by === 'term_end'
    ? `${agreement.name}: its fixed term runs until then`
    : `${agreement.name}: its ${agreement.noticePeriodDays}-day notice period`;
