import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TClientDetail } from '../../../../src/server/clients/schema.js';
import type { TTicket } from '../../../../src/server/tickets/schema.js';
import { useClientTickets } from '../../api/clients.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { TablePagination } from '../../components/TablePagination.js';
import { pageParam, useSearchParamState } from '../../components/use-search-param-state.js';
import { formatMoment } from '../../format.js';
import { TICKET_STATUS_COLORS, TICKET_STATUS_LABELS } from '../../labels.js';
import { PermittedButton } from './PermittedButton.js';
import { TicketFormModal } from './TicketFormModal.js';

const PAGE_SIZE = 25;

/** The tickets' page has a name of its own: the client page's other tabs need none. */
export const TICKET_PAGE_PARAM = 'ticketPage';

/** The client's service-desk tickets, open ones first: a closeout reviews every open one. */
export function TicketsSection({ client }: { client: TClientDetail }) {
  const [page, setPage] = useSearchParamState(TICKET_PAGE_PARAM, {
    parse: pageParam,
    fallback: 1,
  });
  const tickets = useClientTickets(client.id, page, PAGE_SIZE);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <SectionHeader
        title="Tickets"
        description={`${client.openTickets} open. A closeout's ticket review decides what happens to each open ticket.`}
        action={
          <PermittedButton
            permission="client.manage"
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setAdding(true)}
          >
            Add ticket
          </PermittedButton>
        }
      />
      <QueryState
        query={tickets}
        loadingLabel="Loading tickets…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No tickets">
            Tickets come from your PSA, or can be added here by hand.
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              rowKey={(ticket) => ticket.id}
              columns={COLUMNS}
              minWidth={720}
            />
            <TablePagination
              page={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              noun="tickets"
              onPage={setPage}
            />
          </>
        )}
      </QueryState>
      {adding && <TicketFormModal clientId={client.id} onClose={() => setAdding(false)} />}
    </>
  );
}

const COLUMNS: Column<TTicket>[] = [
  {
    header: 'Ticket',
    cell: (ticket) => (
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" ff="monospace" c="dimmed">
          {ticket.number}
        </Text>
        <Text size="sm" fw={500}>
          {ticket.title}
        </Text>
        {ticket.slaBreached && (
          <Tooltip label="SLA breached">
            <IconAlertTriangle
              size={16}
              color="var(--mantine-color-orange-filled)"
              aria-label="SLA breached"
              role="img"
            />
          </Tooltip>
        )}
      </Group>
    ),
  },
  {
    header: 'Status',
    cell: (ticket) => (
      <Badge variant="light" color={TICKET_STATUS_COLORS[ticket.status]} size="sm">
        {TICKET_STATUS_LABELS[ticket.status]}
      </Badge>
    ),
  },
  {
    header: 'Priority',
    cell: (ticket) => (
      <Text size="sm" tt="capitalize">
        {ticket.priority}
      </Text>
    ),
  },
  { header: 'Opened', cell: (ticket) => <Text size="sm">{formatMoment(ticket.openedAt)}</Text> },
  {
    header: 'Closed',
    cell: (ticket) => (
      <Text size="sm" c={ticket.closedAt === null ? 'dimmed' : undefined}>
        {formatMoment(ticket.closedAt)}
      </Text>
    ),
  },
];
