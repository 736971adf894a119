import { Alert, Anchor, Button, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TMilestone } from '../../../../../../src/blueprint/schema.js';
import { useCan } from '../../../../api/session.js';
import { EmptyState } from '../../../../components/QueryState.js';
import { formatMoment } from '../../../../format.js';
import { OtherGates } from '../session/OtherGates.js';
import type { StagePanelProps } from '../stage-panel.js';
import { BulkDispositionBar } from '../ticket-review/BulkDispositionBar.js';
import { PsaSyncStrip } from '../ticket-review/PsaSyncStrip.js';
import { PullTicketsButton } from '../ticket-review/PullTicketsButton.js';
import { useTicketPushes } from '../ticket-review/psa-pushes.js';
import { TicketFilters } from '../ticket-review/TicketFilters.js';
import { TicketReviewDrawer } from '../ticket-review/TicketReviewDrawer.js';
import { TicketReviewProgress } from '../ticket-review/TicketReviewProgress.js';
import { TicketTable } from '../ticket-review/TicketTable.js';
import {
  filterTickets,
  isSettled,
  sortTickets,
  TICKETS_PER_PAGE,
  type TTicketReview,
  ticketCounts,
  useTicketQuery,
} from '../ticket-review/ticket-query.js';
import { StageDescription } from './StageDescription.js';

/** The milestones the progress meters stand for. */
const PROGRESS_MILESTONES: readonly TMilestone[] = [
  'tickets_dispositioned',
  'dispositions_agreed',
  'tickets_resolved',
];

const latestJoin = (reviews: TTicketReview[]): string | null =>
  reviews.reduce<string | null>(
    (latest, review) => (latest === null || review.joinedAt > latest ? review.joinedAt : latest),
    null,
  );

function PulledAt({
  closeout,
  editable,
}: {
  closeout: StagePanelProps['closeout'];
  editable: boolean;
}) {
  if (closeout.ticketsPulledAt === null) {
    return (
      <Text size="sm" c="dimmed">
        The client's open tickets have not been pulled from the PSA yet.
      </Text>
    );
  }
  const joined = latestJoin(closeout.ticketReviews);
  return (
    <Text size="sm" c="dimmed">
      First pulled {formatMoment(closeout.ticketsPulledAt)}
      {joined !== null && joined > closeout.ticketsPulledAt
        ? ` · latest ticket joined ${formatMoment(joined)}`
        : ''}
      .
      {editable &&
        ' Pull again to bring in tickets opened since and to pick up tickets closed in the PSA.'}
    </Text>
  );
}

/**
 * 11a.03 Open Ticket Review: every open ticket of the client gets a disposition (complete or
 * cancel) that the client agrees, and ends completed or cancelled before the termination date.
 */
export function TicketReviewPanel({ closeout, definition, stageKey, editable }: StagePanelProps) {
  const navigate = useNavigate();
  const canDisposition = useCan('closeout.ticket_disposition');
  const { query, ticketId, setFilter, clearFilters, setSort, setPage, ticketHref } =
    useTicketQuery();
  const reviews = closeout.ticketReviews;
  const pushes = useTicketPushes(closeout.id);
  const counts = useMemo(() => ticketCounts(reviews), [reviews]);
  const { search, disposition, response, outcome, sort, descending } = query;
  const filtered = useMemo(
    () =>
      sortTickets(
        filterTickets(reviews, { search, disposition, response, outcome }),
        sort,
        descending,
      ),
    [reviews, search, disposition, response, outcome, sort, descending],
  );
  const pageCount = Math.max(1, Math.ceil(filtered.length / TICKETS_PER_PAGE));
  const page = Math.min(query.page, pageCount);
  const rows = filtered.slice((page - 1) * TICKETS_PER_PAGE, page * TICKETS_PER_PAGE);

  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setSelectedIds((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(
    (ids: string[], select: boolean) =>
      setSelectedIds((current) => {
        const next = new Set(current);
        for (const id of ids) {
          if (select) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  const clearSelection = useCallback(() => setSelectedIds(new Set()), []);
  // Only what the filter shows is acted on, so a ticket ticked before filtering is never hidden.
  const selectable = filtered.filter((review) => !isSettled(review));
  const selected = selectable.filter((review) => selectedIds.has(review.ticketId));
  const pageSelectable = rows.filter((review) => !isSettled(review));
  const wholePageSelected =
    pageSelectable.length > 0 && pageSelectable.every((review) => selectedIds.has(review.ticketId));

  const openReview = reviews.find((review) => review.ticketId === ticketId) ?? null;
  const bulkEnabled = editable && canDisposition;

  return (
    <Stack gap="md">
      <StageDescription definition={definition} stageKey={stageKey} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} maw={640}>
          <Title order={3} size="h5">
            Open tickets
          </Title>
          <PulledAt closeout={closeout} editable={editable} />
        </Stack>
        {editable && <PullTicketsButton closeout={closeout} />}
      </Group>
      <PsaSyncStrip closeout={closeout} editable={editable} />

      {closeout.ticketsPulledAt === null ? (
        <Paper withBorder>
          <EmptyState title="No tickets in the review yet">
            Pull the client's open tickets from the PSA to give each one a disposition with the
            client.
          </EmptyState>
        </Paper>
      ) : reviews.length === 0 ? (
        <Paper withBorder>
          <EmptyState title="The client had no open tickets">
            Nothing to review. Pull again if tickets are opened before the termination date.
          </EmptyState>
        </Paper>
      ) : (
        <>
          <TicketReviewProgress
            closeout={closeout}
            definition={definition}
            stageKey={stageKey}
            counts={counts}
          />
          {counts.questioned > 0 && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconMessageQuestion size={18} />}
              title={`The client questions ${counts.questioned} ${counts.questioned === 1 ? 'disposition' : 'dispositions'}`}
            >
              <Group justify="space-between" gap="sm">
                <Text size="sm">
                  Answer the question, then change the disposition or record the client's agreement.
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  color="orange"
                  onClick={() => setFilter('response', 'questioned')}
                >
                  Show questioned tickets
                </Button>
              </Group>
            </Alert>
          )}
          <Paper withBorder p="md">
            <Stack gap="md">
              <TicketFilters query={query} onChange={setFilter} onClear={clearFilters} />
              {bulkEnabled && selected.length > 0 && (
                <BulkDispositionBar
                  closeout={closeout}
                  selected={selected}
                  onDone={clearSelection}
                  onClear={clearSelection}
                />
              )}
              {bulkEnabled && wholePageSelected && selected.length < selectable.length && (
                <Text size="sm">
                  All {pageSelectable.length} tickets on this page are selected.{' '}
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() =>
                      toggleAll(
                        selectable.map((review) => review.ticketId),
                        true,
                      )
                    }
                  >
                    Select all {selectable.length} tickets that match
                  </Anchor>
                </Text>
              )}
              {filtered.length === 0 ? (
                <EmptyState
                  title="No tickets match"
                  action={
                    <Button variant="default" size="xs" onClick={clearFilters}>
                      Clear filters
                    </Button>
                  }
                >
                  Change the search or the filters to see more tickets.
                </EmptyState>
              ) : (
                <TicketTable
                  rows={rows}
                  selectable={bulkEnabled}
                  selected={selectedIds}
                  onToggle={toggle}
                  onToggleAll={toggleAll}
                  hrefFor={ticketHref}
                  pushes={pushes}
                  sorting={{ sort, descending, onSort: setSort }}
                />
              )}
              {filtered.length > 0 && (
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Text size="sm" c="dimmed">
                    {filtered.length === reviews.length
                      ? `${reviews.length} tickets`
                      : `${filtered.length} of ${reviews.length} tickets match`}
                    {pageCount > 1 &&
                      ` · showing ${(page - 1) * TICKETS_PER_PAGE + 1}–${(page - 1) * TICKETS_PER_PAGE + rows.length}`}
                  </Text>
                  {pageCount > 1 && (
                    <Pagination
                      total={pageCount}
                      value={page}
                      onChange={setPage}
                      size="sm"
                      aria-label="Pages of tickets"
                    />
                  )}
                </Group>
              )}
            </Stack>
          </Paper>
        </>
      )}

      <OtherGates
        closeout={closeout}
        definition={definition}
        stageKey={stageKey}
        shown={PROGRESS_MILESTONES}
      />
      <TicketReviewDrawer
        closeout={closeout}
        review={openReview}
        editable={editable}
        onClose={() => navigate(ticketHref(null), { replace: true })}
      />
    </Stack>
  );
}
