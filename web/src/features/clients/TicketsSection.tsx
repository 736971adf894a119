import { Badge, Group, Pagination, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TClientDetail } from '../../../../src/server/clients/schema.js';
import type { TTicketPage } from '../../../../src/server/tickets/schema.js';
import { useClientTickets } from '../../api/clients.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { formatMoment } from '../../format.js';
import { TICKET_STATUS_COLORS, TICKET_STATUS_LABELS } from '../../labels.js';
import { PermittedButton } from './PermittedButton.js';
import { SectionHeader } from './SectionHeader.js';
import { TicketFormModal } from './TicketFormModal.js';

const PAGE_SIZE = 25;

/** The client's service-desk tickets, open ones first: a closeout reviews every open one. */
export function TicketsSection({ client }: { client: TClientDetail }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('ticketPage') ?? '1', 10) || 1);
  const tickets = useClientTickets(client.id, page, PAGE_SIZE);
  const [adding, setAdding] = useState(false);
  const setPage = (next: number) =>
    setParams(
      (current) => {
        const changed = new URLSearchParams(current);
        if (next === 1) changed.delete('ticketPage');
        else changed.set('ticketPage', String(next));
        return changed;
      },
      { replace: true },
    );
  const add = (
    <PermittedButton
      permission="client.manage"
      variant="light"
      leftSection={<IconPlus size={16} />}
      onClick={() => setAdding(true)}
    >
      Add ticket
    </PermittedButton>
  );
  return (
    <>
      <SectionHeader
        title="Tickets"
        description={`${client.openTickets} open. A closeout's ticket review decides what happens to each open ticket.`}
        action={add}
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
            <TicketTable data={data} />
            {data.total > PAGE_SIZE && (
              <Group justify="flex-end" mt="md">
                <Pagination
                  total={Math.ceil(data.total / PAGE_SIZE)}
                  value={page}
                  onChange={setPage}
                  getControlProps={(control) => ({ 'aria-label': `${control} page of tickets` })}
                  getItemProps={(item) => ({ 'aria-label': `Tickets page ${item}` })}
                />
              </Group>
            )}
          </>
        )}
      </QueryState>
      {adding && <TicketFormModal clientId={client.id} onClose={() => setAdding(false)} />}
    </>
  );
}

function TicketTable({ data }: { data: TTicketPage }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ticket</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Opened</Table.Th>
            <Table.Th>Closed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((ticket) => (
            <Table.Tr key={ticket.id}>
              <Table.Td>
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
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={TICKET_STATUS_COLORS[ticket.status]} size="sm">
                  {TICKET_STATUS_LABELS[ticket.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" tt="capitalize">
                  {ticket.priority}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatMoment(ticket.openedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={ticket.closedAt === null ? 'dimmed' : undefined}>
                  {formatMoment(ticket.closedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
