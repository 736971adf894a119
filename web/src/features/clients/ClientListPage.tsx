import { Anchor, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconArrowRight, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type TClientPage,
  type TListClientsQuery,
  ZClientStatus,
  ZListClientsQuery,
} from '../../../../src/server/clients/schema.js';
import { useClientList } from '../../api/clients.js';
import { NoMatches } from '../../components/NoMatches.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { SearchInput } from '../../components/SearchInput.js';
import { SortableHeader } from '../../components/SortableHeader.js';
import { TablePagination } from '../../components/TablePagination.js';
import { useListParams } from '../../components/use-list-params.js';
import { formatDay, formatMoney } from '../../format.js';
import { CLIENT_STATUS_LABELS } from '../../labels.js';
import { ClientFormModal } from './ClientFormModal.js';
import { ClientStatusBadge } from './ClientStatusBadge.js';
import { PermittedButton } from './PermittedButton.js';

const PAGE_SIZE = 25;

type ClientSort = TListClientsQuery['sort'];

/** The list's filters from the URL; a value the API would refuse is ignored rather than sent. */
function useClientFilters() {
  const list = useListParams<'q' | 'status' | 'sort'>();
  const { params } = list;
  return {
    ...list,
    q: params.get('q') ?? '',
    status: ZClientStatus.safeParse(params.get('status')).data,
    sort: ZListClientsQuery.shape.sort.safeParse(params.get('sort') ?? undefined).data ?? 'name',
  };
}

export function ClientListPage() {
  const filters = useClientFilters();
  const [creating, setCreating] = useState(false);
  const query = useClientList({
    q: filters.q === '' ? undefined : filters.q,
    status: filters.status,
    sort: filters.sort,
    page: filters.page,
    pageSize: PAGE_SIZE,
  });
  const filtered = filters.q !== '' || filters.status !== undefined;

  return (
    <>
      <PageHeader
        title="Clients"
        description="Everyone you manage, with what they are worth and where they stand."
        actions={
          <>
            <PermittedButton
              permission="client.manage"
              variant="default"
              leftSection={<IconFileImport size={16} />}
              to="/settings/import"
            >
              Import from CSV
            </PermittedButton>
            <PermittedButton
              permission="client.manage"
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
            >
              New client
            </PermittedButton>
          </>
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SearchInput
          aria-label="Search clients by name"
          placeholder="Search by name…"
          value={filters.q}
          onSearch={(q) => filters.change({ q })}
          w={{ base: '100%', xs: 300 }}
        />
        <SegmentedControl
          aria-label="Status"
          value={filters.status ?? 'all'}
          onChange={(value) => filters.change({ status: value === 'all' ? null : value })}
          data={[
            { value: 'all', label: 'All' },
            ...ZClientStatus.options.map((status) => ({
              value: status,
              label: CLIENT_STATUS_LABELS[status],
            })),
          ]}
        />
      </Group>
      <Card withBorder padding={0}>
        <QueryState
          query={query}
          loadingLabel="Loading clients…"
          isEmpty={(data) => data.items.length === 0}
          empty={
            filtered ? (
              <NoMatches
                title="No clients match"
                onClear={() => filters.change({ q: null, status: null })}
              >
                Try another name, or look at every status.
              </NoMatches>
            ) : (
              <EmptyState title="No clients yet">
                Add a client by hand, or import them from your PSA.
              </EmptyState>
            )
          }
        >
          {(data) => (
            <ClientTable
              data={data}
              sort={filters.sort}
              onSort={(sort) => filters.change({ sort: sort === 'name' ? null : sort })}
              stale={query.isPlaceholderData}
            />
          )}
        </QueryState>
      </Card>
      <TablePagination
        page={filters.page}
        pageSize={PAGE_SIZE}
        total={query.data?.total ?? 0}
        noun="clients"
        onPage={filters.setPage}
      />
      {creating && <ClientFormModal client={null} onClose={() => setCreating(false)} />}
    </>
  );
}

function ClientTable({
  data,
  sort,
  onSort,
  stale,
}: {
  data: TClientPage;
  sort: ClientSort;
  onSort: (sort: ClientSort) => void;
  /** True while the next page or filter loads, with the previous rows still shown. */
  stale: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" style={{ opacity: stale ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="name" label="Client" sort={sort} onSort={onSort} />
            <Table.Th>Status</Table.Th>
            <SortableHeader column="clientSince" label="Client since" sort={sort} onSort={onSort} />
            <Table.Th ta="right">MRR</Table.Th>
            <Table.Th ta="right">Open tickets</Table.Th>
            <Table.Th>Closeout</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((client) => (
            <Table.Tr key={client.id}>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${client.id}`} fw={600} size="sm">
                  {client.name}
                </Anchor>
                {client.industry !== '' && (
                  <Text size="xs" c="dimmed">
                    {client.industry}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ClientStatusBadge status={client.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDay(client.clientSince)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" ff="monospace">
                  {formatMoney(client.monthlyRecurringRevenue)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" c={client.openTickets === 0 ? 'dimmed' : undefined}>
                  {client.openTickets}
                </Text>
              </Table.Td>
              <Table.Td>
                {client.openCloseoutId === null ? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Anchor
                    component={Link}
                    to={`/closeouts/${client.openCloseoutId}`}
                    size="sm"
                    aria-label={`Open closeout of ${client.name}`}
                  >
                    <Group gap={4} wrap="nowrap">
                      Open closeout
                      <IconArrowRight size={14} />
                    </Group>
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
