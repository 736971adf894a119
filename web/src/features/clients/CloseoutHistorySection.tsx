import { Anchor, Badge, Button, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowRight, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { TClientDetail } from '../../../../src/server/clients/schema.js';
import type { TCloseoutSummary } from '../../../../src/server/closeouts/schema.js';
import { useCloseoutList } from '../../api/closeouts.js';
import { useProcessDefinition } from '../../api/process.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { formatDay, formatMoment, formatMoney } from '../../format.js';
import { STATUS_COLORS, STATUS_LABELS, TRIGGER_LABELS } from '../../labels.js';
import { PermittedButton } from './PermittedButton.js';

/** A client has a handful of closeouts at most: the newest hundred are its whole history. */
const HISTORY_SIZE = 100;

/** Every closeout of the client, newest first, and the returns that followed a termination. */
export function CloseoutHistorySection({ client }: { client: TClientDetail }) {
  const closeouts = useCloseoutList({
    clientId: client.id,
    sort: '-openedAt',
    pageSize: HISTORY_SIZE,
  });
  return (
    <>
      <SectionHeader
        title="Closeout history"
        description="Each time this relationship came to an end, or nearly did."
        action={<CloseoutAction client={client} />}
      />
      <QueryState
        query={closeouts}
        loadingLabel="Loading closeouts…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No closeouts">
            When {client.name} gives notice, or you end the relationship, open a closeout to run the
            process.
          </EmptyState>
        }
      >
        {(data) => <CloseoutTable closeouts={data.items} />}
      </QueryState>
      {client.returns.length > 0 && <ReturnsTable client={client} />}
    </>
  );
}

/** Where the next closeout starts: the one under way, a new one, or a return first. */
function CloseoutAction({ client }: { client: TClientDetail }) {
  if (client.openCloseoutId !== null) {
    return (
      <Button
        component={Link}
        to={`/closeouts/${client.openCloseoutId}`}
        variant="light"
        rightSection={<IconArrowRight size={16} />}
      >
        Go to the open closeout
      </Button>
    );
  }
  if (client.status === 'former') {
    return (
      <Tooltip
        label="A former client has no service to close: record its return first."
        multiline
        w={260}
      >
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          data-disabled
          aria-disabled
          onClick={(event) => event.preventDefault()}
        >
          Open a closeout
        </Button>
      </Tooltip>
    );
  }
  return (
    <PermittedButton
      permission="closeout.open"
      variant="light"
      leftSection={<IconPlus size={16} />}
      to={`/closeouts/new?clientId=${client.id}`}
    >
      Open a closeout
    </PermittedButton>
  );
}

function CloseoutTable({ closeouts }: { closeouts: TCloseoutSummary[] }) {
  const definition = useProcessDefinition();
  const stageName = (key: string) =>
    definition.data?.stages.find((stage) => stage.key === key)?.name ?? key;
  return (
    <DataTable
      rows={closeouts}
      rowKey={(closeout) => closeout.id}
      minWidth={820}
      columns={[
        {
          header: 'Closeout',
          cell: (closeout) => (
            <>
              <Anchor component={Link} to={`/closeouts/${closeout.id}`} fw={600} size="sm">
                {closeout.reference}
              </Anchor>
              <Text size="xs" c="dimmed">
                {stageName(closeout.stage)}
              </Text>
            </>
          ),
        },
        {
          header: 'Trigger',
          cell: (closeout) => <Text size="sm">{TRIGGER_LABELS[closeout.trigger]}</Text>,
        },
        {
          header: 'Status',
          cell: (closeout) => (
            <Badge variant="light" color={STATUS_COLORS[closeout.status]} size="sm">
              {STATUS_LABELS[closeout.status]}
            </Badge>
          ),
        },
        {
          header: 'Notice received',
          cell: (closeout) => <Text size="sm">{formatDay(closeout.noticeReceivedOn)}</Text>,
        },
        {
          header: 'Termination date',
          cell: (closeout) => <Text size="sm">{formatDay(closeout.terminationDate)}</Text>,
        },
        {
          header: 'Opened',
          cell: (closeout) => <Text size="sm">{formatMoment(closeout.openedAt)}</Text>,
        },
        {
          header: 'Ended',
          cell: (closeout) => (
            <Text size="sm" c={closeout.endedAt === null ? 'dimmed' : undefined}>
              {formatMoment(closeout.endedAt)}
            </Text>
          ),
        },
      ]}
    />
  );
}

/** New agreements the client signed after leaving: what the Client Return Rate counts. */
function ReturnsTable({ client }: { client: TClientDetail }) {
  const referenceOf = (closeoutId: string) =>
    client.closeouts.find((closeout) => closeout.id === closeoutId)?.reference ?? 'A closeout';
  return (
    <Stack gap="sm" mt="xl">
      <Title order={3} fz="md">
        Returns
      </Title>
      <DataTable
        rows={client.returns}
        rowKey={(clientReturn) => clientReturn.id}
        minWidth={600}
        highlightOnHover={false}
        columns={[
          {
            header: 'Returned from',
            cell: (clientReturn) => (
              <Anchor component={Link} to={`/closeouts/${clientReturn.closeoutId}`} size="sm">
                {referenceOf(clientReturn.closeoutId)}
              </Anchor>
            ),
          },
          {
            header: 'Agreement signed',
            cell: (clientReturn) => (
              <Text size="sm">{formatDay(clientReturn.agreementSignedOn)}</Text>
            ),
          },
          {
            header: 'MRR',
            align: 'right',
            cell: (clientReturn) => (
              <Text size="sm" ff="monospace">
                {formatMoney(clientReturn.monthlyRecurringRevenue)}
              </Text>
            ),
          },
          {
            header: 'Recorded',
            cell: (clientReturn) => (
              <Text size="sm">
                {formatMoment(clientReturn.recordedAt)} by {clientReturn.recordedBy}
              </Text>
            ),
          },
        ]}
      />
    </Stack>
  );
}
