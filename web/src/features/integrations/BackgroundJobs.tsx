import { Box, Button, Card, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRotateClockwise } from '@tabler/icons-react';
import { type TJob, ZJobStatus } from '../../../../src/server/integrations/schema.js';
import { errorMessage } from '../../api/http.js';
import { useJobs, useRetryJob } from '../../api/integrations.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { TablePagination } from '../../components/TablePagination.js';
import { useListParams } from '../../components/use-list-params.js';
import { formatMoment } from '../../format.js';
import { JobProgress, JobStatusBadge } from './JobStatus.js';
import { JOB_KIND_LABELS, JOB_STATUS_LABELS } from './labels.js';

const PAGE_SIZE = 25;

/** Where a job stands besides its status: how far it got, or when it is tried again. */
function JobMoment({ job }: { job: TJob }) {
  if (job.status === 'running') return <JobProgress job={job} />;
  if (job.status === 'queued') {
    return (
      <Text size="sm">
        {job.attempts > 0 ? 'Next try ' : 'Runs '}
        {formatMoment(job.runAt)}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

function RetryButton({ job }: { job: TJob }) {
  const retry = useRetryJob();
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconRotateClockwise size={14} />}
      loading={retry.isPending}
      onClick={() =>
        retry.mutate(job.id, {
          onSuccess: () =>
            notifications.show({ color: 'teal', message: `${job.summary}: queued again.` }),
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: 'Not retried',
              message: errorMessage(error),
            }),
        })
      }
    >
      Retry
    </Button>
  );
}

/**
 * Syncs, imports and write-backs run in the background. The list follows them every couple of
 * seconds while any waits or runs, and a failed one can be run again.
 */
export function BackgroundJobs({ canManage }: { canManage: boolean }) {
  const list = useListParams<'jobStatus'>();
  const status = ZJobStatus.safeParse(list.params.get('jobStatus')).data;
  const jobs = useJobs({ status, page: list.page, pageSize: PAGE_SIZE });

  return (
    <Box mt="xl">
      <SectionHeader
        title="Background jobs"
        description="Ticket syncs, imports and write-backs to the PSA, newest first. Failed ones are tried again a few times before they stop."
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label="Show jobs"
          w="fit-content"
          value={status ?? 'all'}
          onChange={(value) => list.change({ jobStatus: value === 'all' ? null : value })}
          data={[
            { value: 'all', label: 'All' },
            ...ZJobStatus.options.map((option) => ({
              value: option,
              label: JOB_STATUS_LABELS[option],
            })),
          ]}
        />
        <Card withBorder padding={0}>
          <QueryState
            query={jobs}
            loadingLabel="Loading the jobs…"
            isEmpty={(page) => page.items.length === 0}
            empty={
              <EmptyState title={status === undefined ? 'No background jobs yet' : 'No jobs match'}>
                {status === undefined
                  ? 'Syncs and imports show here once they are started.'
                  : `There are no ${JOB_STATUS_LABELS[status].toLowerCase()} jobs.`}
              </EmptyState>
            }
          >
            {(page) => (
              <DataTable
                rows={page.items}
                rowKey={(job) => job.id}
                minWidth={960}
                label="Background jobs"
                columns={[
                  {
                    header: 'Job',
                    cell: (job) => (
                      <>
                        <Text size="sm" fw={500}>
                          {job.summary}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {JOB_KIND_LABELS[job.kind]}
                        </Text>
                      </>
                    ),
                  },
                  { header: 'Status', cell: (job) => <JobStatusBadge status={job.status} /> },
                  {
                    header: 'Attempts',
                    cell: (job) => (
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {job.attempts} of {job.maxAttempts}
                      </Text>
                    ),
                  },
                  { header: 'Progress', cell: (job) => <JobMoment job={job} /> },
                  {
                    header: 'Last error',
                    cell: (job) =>
                      job.lastError === null ? (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      ) : (
                        <Text size="sm" c="red" lineClamp={3} maw={280}>
                          {job.lastError}
                        </Text>
                      ),
                  },
                  {
                    header: 'Finished',
                    cell: (job) => (
                      <Text size="sm" c={job.finishedAt === null ? 'dimmed' : undefined}>
                        {formatMoment(job.finishedAt)}
                      </Text>
                    ),
                  },
                  canManage && {
                    header: 'Actions',
                    cell: (job: TJob) =>
                      job.status === 'failed' ? <RetryButton job={job} /> : null,
                    width: 110,
                  },
                ]}
              />
            )}
          </QueryState>
        </Card>
        <TablePagination
          page={list.page}
          pageSize={PAGE_SIZE}
          total={jobs.data?.total ?? 0}
          noun="jobs"
          onPage={list.setPage}
        />
      </Stack>
    </Box>
  );
}
