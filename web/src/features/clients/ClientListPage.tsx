import {
  Anchor,
  Button,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArrowDown,
  IconArrowRight,
  IconArrowsSort,
  IconArrowUp,
  IconPlus,
  IconSearch,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type TClientPage,
  type TListClientsQuery,
  ZClientStatus,
  ZListClientsQuery,
} from '../../../../src/server/clients/schema.js';
import { useClientList } from '../../api/clients.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { formatDay, formatMoney } from '../../format.js';
import { CLIENT_STATUS_LABELS } from '../../labels.js';
import { ClientFormModal } from './ClientFormModal.js';
import { ClientStatusBadge } from './ClientStatusBadge.js';
import { PermittedButton } from './PermittedButton.js';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

type ClientSort = TListClientsQuery['sort'];

/** The list's filters live in the URL, so a filtered list can be bookmarked and shared. */
function useClientFilters() {
  const [params, setParams] = useSearchParams();
  const status = ZClientStatus.safeParse(params.get('status')).data;
  const sort = ZListClientsQuery.shape.sort.safeParse(params.get('sort') ?? undefined).data;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const change = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(name);
          else next.set(name, value);
        }
        // A new filter or order starts again from the first page.
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  return {
    q: params.get('q') ?? '',
    status,
    sort: sort ?? 'name',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    change,
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
          <PermittedButton
            permission="client.manage"
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
          >
            New client
          </PermittedButton>
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SearchInput value={filters.q} onSearch={(q) => filters.change({ q })} />
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
              <EmptyState
                title="No clients match"
                action={
                  <Button
                    variant="default"
                    onClick={() => filters.change({ q: null, status: null })}
                  >
                    Clear the filters
                  </Button>
                }
              >
                Try another name, or look at every status.
              </EmptyState>
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
      {query.data !== undefined && query.data.total > PAGE_SIZE && (
        <PageControls
          page={filters.page}
          total={query.data.total}
          onPage={(page) => filters.change({ page: page === 1 ? null : String(page) })}
        />
      )}
      {creating && <ClientFormModal client={null} onClose={() => setCreating(false)} />}
    </>
  );
}

/** Searches as the user types, once they pause, so each keystroke is not a request. */
function SearchInput({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [settled] = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change searches.
  useEffect(() => {
    if (settled !== value) onSearch(settled);
  }, [settled]);
  // The search changed elsewhere (filters cleared, back button): show it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the URL only.
  useEffect(() => {
    if (value !== settled) setText(value);
  }, [value]);
  return (
    <TextInput
      aria-label="Search clients by name"
      placeholder="Search by name…"
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      w={{ base: '100%', xs: 300 }}
    />
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

type SortColumn = 'name' | 'clientSince';

function SortableHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: SortColumn;
  label: string;
  sort: ClientSort;
  onSort: (sort: ClientSort) => void;
}) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  const Icon =
    direction === 'ascending'
      ? IconArrowUp
      : direction === 'descending'
        ? IconArrowDown
        : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton
        onClick={() => onSort(direction === 'ascending' ? `-${column}` : column)}
        aria-label={`Sort by ${label.toLowerCase()}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {label}
          </Text>
          <Icon size={14} stroke={1.8} opacity={direction === 'none' ? 0.5 : 1} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function PageControls({
  page,
  total,
  onPage,
}: {
  page: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(page * PAGE_SIZE, total);
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {first}–{last} of {total} clients
      </Text>
      <Pagination
        total={Math.ceil(total / PAGE_SIZE)}
        value={page}
        onChange={onPage}
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
      />
    </Group>
  );
}
