import { Anchor, Checkbox, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import {
  IconArrowsSort,
  IconMessageQuestion,
  IconSortAscending,
  IconSortDescending,
} from '@tabler/icons-react';
import { memo } from 'react';
import { Link } from 'react-router';
import { PsaPushBadge } from './PsaPushBadge.js';
import type { TPsaPush } from './psa-pushes.js';
import { DispositionBadge, OutcomeBadge, ResponseBadge } from './TicketBadges.js';
import { isSettled, type SortKey, type TTicketReview } from './ticket-query.js';

type Sorting = { sort: SortKey; descending: boolean; onSort: (key: SortKey) => void };

function SortableHeader({
  sortKey,
  label,
  sorting,
}: {
  sortKey: SortKey;
  label: string;
  sorting: Sorting;
}) {
  const active = sorting.sort === sortKey;
  const Icon = !active
    ? IconArrowsSort
    : sorting.descending
      ? IconSortDescending
      : IconSortAscending;
  return (
    <Table.Th aria-sort={active ? (sorting.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => sorting.onSort(sortKey)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

type RowProps = {
  review: TTicketReview;
  selectable: boolean;
  selected: boolean;
  onToggle: (ticketId: string) => void;
  href: string;
  push: TPsaPush | undefined;
};

/** One ticket; memoised so ticking one row does not redraw the page's others. */
const TicketRow = memo(function TicketRow({
  review,
  selectable,
  selected,
  onToggle,
  href,
  push,
}: RowProps) {
  const questioned = review.clientQuestion !== null && !review.clientAgreed;
  return (
    <Table.Tr
      bg={
        selected
          ? 'var(--mantine-primary-color-light)'
          : questioned && review.outcome === null
            ? 'var(--mantine-color-orange-light)'
            : undefined
      }
    >
      {selectable && (
        <Table.Td w={40}>
          <Checkbox
            aria-label={`Select ticket ${review.ticketNumber}`}
            checked={selected}
            disabled={isSettled(review)}
            onChange={() => onToggle(review.ticketId)}
          />
        </Table.Td>
      )}
      <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {review.ticketNumber}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Anchor component={Link} to={href} fz="sm" fw={500} c="inherit">
            {review.title}
          </Anchor>
          {questioned && (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconMessageQuestion
                size={14}
                color="var(--mantine-color-orange-filled)"
                aria-hidden
                style={{ flexShrink: 0, marginTop: 2 }}
              />
              <Text size="xs" c="orange" lineClamp={2}>
                Client asks: {review.clientQuestion}
              </Text>
            </Group>
          )}
          {review.reason !== '' && !questioned && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {review.reason}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <DispositionBadge review={review} />
      </Table.Td>
      <Table.Td>
        <ResponseBadge review={review} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <OutcomeBadge review={review} />
          {push !== undefined && <PsaPushBadge push={push} />}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
});

/**
 * The review as a table: one page of tickets at a time, so three hundred tickets stay quick,
 * with a sticky header and a checkbox per ticket for bulk dispositions.
 */
export function TicketTable({
  rows,
  selectable,
  selected,
  onToggle,
  onToggleAll,
  hrefFor,
  pushes,
  sorting,
}: {
  rows: TTicketReview[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (ticketId: string) => void;
  onToggleAll: (ticketIds: string[], select: boolean) => void;
  hrefFor: (ticketId: string) => string;
  /** Each ticket's write-back to the PSA, for tickets that came from one. */
  pushes?: ReadonlyMap<string, TPsaPush>;
  sorting: Sorting;
}) {
  const selectableIds = rows.filter((review) => !isSettled(review)).map((row) => row.ticketId);
  const selectedHere = selectableIds.filter((ticketId) => selected.has(ticketId)).length;
  const allSelected = selectableIds.length > 0 && selectedHere === selectableIds.length;
  return (
    <Table.ScrollContainer minWidth={720} maxHeight="70vh" type="native">
      <Table stickyHeader highlightOnHover verticalSpacing="sm" aria-label="Open tickets">
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select all tickets shown"
                  checked={allSelected}
                  indeterminate={selectedHere > 0 && !allSelected}
                  disabled={selectableIds.length === 0}
                  onChange={() => onToggleAll(selectableIds, !allSelected)}
                />
              </Table.Th>
            )}
            <SortableHeader sortKey="number" label="Ticket" sorting={sorting} />
            <SortableHeader sortKey="title" label="Title" sorting={sorting} />
            <SortableHeader sortKey="disposition" label="Disposition" sorting={sorting} />
            <Table.Th>Client</Table.Th>
            <SortableHeader sortKey="outcome" label="Outcome" sorting={sorting} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((review) => (
            <TicketRow
              key={review.ticketId}
              review={review}
              selectable={selectable}
              selected={selected.has(review.ticketId)}
              onToggle={onToggle}
              href={hrefFor(review.ticketId)}
              push={pushes?.get(review.ticketId)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
