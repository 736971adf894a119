import { Button, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconPoint } from '@tabler/icons-react';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { useCloseoutTimeline } from '../../../api/closeouts.js';
import { useReasonTaxonomy } from '../../../api/organisation-reasons.js';
import { useStaffName } from '../../../api/staff.js';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryState.js';
import { formatMoment } from '../../../format.js';
import { reasonLabel } from './panels/retention/reason-choices.js';
import { type DescribedEvent, describeEvent } from './timeline-sentence.js';

/** The shown changes of one event; the rest are summed up, so a big change stays one line. */
const SHOWN_CHANGES = 5;

/** Everything that happened to the closeout, newest first, as sentences; older pages on demand. */
export function CloseoutTimeline({
  closeout,
  definition,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
}) {
  const timeline = useCloseoutTimeline(closeout.id);
  const staffName = useStaffName();
  const taxonomy = useReasonTaxonomy();
  // Until the reason list has loaded, a reason reads as its key.
  const reasonName = (reasonKey: string) => reasonLabel(taxonomy.data?.reasons ?? [], reasonKey);

  if (timeline.isPending) return <LoadingState label="Loading the timeline…" />;
  if (timeline.data === undefined) {
    return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  }
  const events = timeline.data.pages.flatMap((page) => page.items);
  if (events.length === 0) {
    return (
      <EmptyState title="Nothing has happened yet">
        Changes appear here as they are made.
      </EmptyState>
    );
  }
  return (
    <Stack gap="lg">
      <Timeline bulletSize={20} lineWidth={2}>
        {events.map((event) => (
          <Timeline.Item key={event.id} bullet={<IconPoint size={12} />}>
            <TimelineEntry
              described={describeEvent(event, definition, staffName, reasonName)}
              at={event.at}
            />
          </Timeline.Item>
        ))}
      </Timeline>
      {timeline.isFetchNextPageError && <ErrorState error={timeline.error} />}
      {timeline.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={timeline.isFetchingNextPage}
            onClick={() => void timeline.fetchNextPage()}
          >
            Load older events
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function TimelineEntry({ described, at }: { described: DescribedEvent; at: string }) {
  const shown = described.changes.slice(0, SHOWN_CHANGES);
  const hidden = described.changes.length - shown.length;
  return (
    <Stack gap={4}>
      <Text size="sm">
        <Text span fw={600} inherit>
          {described.actor}
        </Text>{' '}
        {described.phrase}
      </Text>
      <Text size="xs" c="dimmed" component="time" dateTime={at}>
        {formatMoment(at)}
      </Text>
      {shown.length > 0 && (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {shown.map((change) => (
            <Text key={change.field} component="li" size="xs" c="dimmed">
              <Text span inherit fw={600}>
                {change.field}:
              </Text>{' '}
              {change.before === null ? change.after : `${change.before} → ${change.after}`}
            </Text>
          ))}
          {hidden > 0 && (
            <Text component="li" size="xs" c="dimmed">
              and {hidden} more {hidden === 1 ? 'change' : 'changes'}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
