import { Card, Divider, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import type { TEarliestTermination } from '../../../../../src/server/clients/schema.js';
import { useEarliestTermination } from '../../../api/clients-lookup.js';
import { ErrorState } from '../../../components/QueryState.js';
import { formatDay, formatMoney, plural } from '../../../format.js';

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
          <DeterminedBy preview={preview.data} />
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

type TAgreementEnding = TEarliestTermination['agreementEndings'][number];

/** Which agreements hold the client until the proposed date, as the API worked it out. */
function DeterminedBy({ preview }: { preview: TEarliestTermination }) {
  if (preview.activeAgreements === 0) {
    return (
      <Text size="sm">
        The client has no active agreement, so nothing holds it past the notice day.
      </Text>
    );
  }
  const setting = preview.agreementEndings.filter((ending) => ending.setsTheDate);
  return (
    <div>
      <Text size="sm" fw={500}>
        Set by
      </Text>
      <List size="sm" spacing={2}>
        {setting.map((ending) => (
          <List.Item key={ending.agreementId}>{endingSentence(ending)}</List.Item>
        ))}
      </List>
    </div>
  );
}

const endingSentence = (ending: TAgreementEnding): string =>
  ending.by === 'term_end'
    ? `${ending.name}: its fixed term runs until then`
    : `${ending.name}: its ${ending.noticePeriodDays}-day notice period`;
