import { Badge, Progress, Stack, Text } from '@mantine/core';
import type { TJob } from '../../../../src/server/integrations/schema.js';
import { JOB_STATUS_COLORS, JOB_STATUS_LABELS } from './labels.js';

export function JobStatusBadge({ status }: { status: TJob['status'] }) {
  return (
    <Badge color={JOB_STATUS_COLORS[status]} variant="light" tt="none" miw="max-content">
      {JOB_STATUS_LABELS[status]}
    </Badge>
  );
}

/**
 * How far a running job is. A job that does not know its total yet (a PSA that does not count
 * its pages) shows a moving bar and what it has done so far.
 */
export function JobProgress({ job }: { job: Pick<TJob, 'progress' | 'summary'> }) {
  const progress = job.progress;
  const known = progress !== null && progress.total !== null && progress.total > 0;
  const value = known
    ? Math.min(100, Math.round((progress.done / (progress.total ?? 1)) * 100))
    : 100;
  return (
    <Stack gap={4} miw={140}>
      <Progress
        value={value}
        animated={!known}
        size="sm"
        aria-label={`Progress of ${job.summary}`}
      />
      <Text size="xs" c="dimmed">
        {progress === null
          ? 'Starting…'
          : progress.total === null
            ? `${progress.done} ${progress.unit} so far`
            : `${progress.done} of ${progress.total} ${progress.unit}`}
      </Text>
    </Stack>
  );
}
