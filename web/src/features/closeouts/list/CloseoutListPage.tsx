import { Button, Card } from '@mantine/core';
import { Link } from 'react-router';
import { useCloseoutList } from '../../../api/closeouts.js';
import { useProcessDefinition } from '../../../api/process.js';
import { useCan } from '../../../api/session.js';
import { NoMatches } from '../../../components/NoMatches.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { EmptyState, QueryState } from '../../../components/QueryState.js';
import { TablePagination } from '../../../components/TablePagination.js';
import { CloseoutFilters } from './CloseoutFilters.js';
import { CloseoutTable } from './CloseoutTable.js';
import { DEFAULT_SORT, useCloseoutFilters } from './use-closeout-filters.js';

const PAGE_SIZE = 25;

/** Every closeout, open or ended, to find one or to see a slice of them. */
export function CloseoutListPage() {
  const filters = useCloseoutFilters();
  const definition = useProcessDefinition();
  const canOpen = useCan('closeout.open');
  const list = useCloseoutList({ ...filters.query, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader
        title="Closeouts"
        description="Every client relationship you are ending or have ended, and how each one went."
      />
      <CloseoutFilters filters={filters} />
      <Card withBorder padding={0}>
        <QueryState
          query={list}
          loadingLabel="Loading closeouts…"
          isEmpty={(page) => page.items.length === 0}
          empty={
            filters.filtered ? (
              <NoMatches title="No closeouts match" onClear={filters.clear}>
                Try another search, or widen the filters.
              </NoMatches>
            ) : (
              <EmptyState
                title="No closeouts yet"
                action={
                  canOpen && (
                    <Button component={Link} to="/closeouts/new" variant="light">
                      Open the first closeout
                    </Button>
                  )
                }
              >
                When a client gives notice, or you decide to end an agreement, open a closeout to
                run the process.
              </EmptyState>
            )
          }
        >
          {(page) => (
            <CloseoutTable
              page={page}
              definition={definition.data}
              sort={filters.query.sort}
              onSort={(sort) => filters.change({ sort: sort === DEFAULT_SORT ? null : sort })}
              stale={list.isPlaceholderData}
            />
          )}
        </QueryState>
      </Card>
      <TablePagination
        page={filters.query.page}
        pageSize={PAGE_SIZE}
        total={list.data?.total ?? 0}
        noun="closeouts"
        onPage={filters.setPage}
      />
    </>
  );
}
