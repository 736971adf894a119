import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlugConnected, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import type { TJob } from '../../../../../../src/server/integrations/schema.js';
import {
  isActiveJob,
  useCloseoutPsaLink,
  useRefreshCloseout,
  useSyncCloseoutTickets,
} from '../../../../api/integrations.js';
import { formatMoment } from '../../../../format.js';
import { GuardedButton } from '../GuardedButton.js';
import { notifyRefusal } from '../session/notify-refusal.js';

function LastSync({ job }: { job: TJob | null }) {
  if (job === null) {
    return (
      <Text size="sm" c="dimmed">
        Not synced yet.
      </Text>
    );
  }
  switch (job.status) {
    case 'queued':
      return <Text size="sm">Sync queued…</Text>;
    case 'running':
      return <Text size="sm">Syncing the tickets…</Text>;
    case 'succeeded':
      return (
        <Text size="sm" c="dimmed">
          Last synced {formatMoment(job.finishedAt)}.
        </Text>
      );
    case 'failed':
      return (
        <Text size="sm" c="red">
          The last sync failed {formatMoment(job.finishedAt)}: {job.lastError ?? 'no reason given'}
        </Text>
      );
  }
}

/**
 * Follows the closeout's sync until it finishes, then reads the closeout again so the tickets it
 * brought in show. `started` is the job queued from this page, which the link may not list yet;
 * a sync seen running (a scheduled one) is followed too, but only the page's own is announced.
 */
function useFollowedSync(
  closeoutId: string,
  lastSync: TJob | null,
  started: string | null,
  clearStarted: () => void,
) {
  const refreshCloseout = useRefreshCloseout(closeoutId);
  const seen = useRef<TJob | null>(null);
  useEffect(() => {
    const previous = seen.current;
    seen.current = lastSync;
    if (lastSync === null || isActiveJob(lastSync)) return;
    const ours = lastSync.id === started;
    const watched = previous?.id === lastSync.id && isActiveJob(previous);
    if (!ours && !watched) return;
    refreshCloseout();
    if (!ours) return;
    clearStarted();
    notifications.show(
      lastSync.status === 'succeeded'
        ? { color: 'teal', message: 'The tickets are in sync with the PSA.' }
        : { color: 'red', title: 'The sync failed', message: lastSync.lastError ?? '' },
    );
  }, [lastSync, started, refreshCloseout, clearStarted]);
}

/**
 * The closeout's PSA above its tickets: which connection it is linked to (or why none), how the
 * last sync went, and a sync on demand that the page follows until the new tickets show.
 */
export function PsaSyncStrip({
  closeout,
  editable,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
}) {
  const [started, setStarted] = useState<string | null>(null);
  const link = useCloseoutPsaLink(closeout.id, { following: started !== null });
  const sync = useSyncCloseoutTickets(closeout.id);
  const lastSync = link.data?.lastSync ?? null;
  const clearStarted = useCallback(() => setStarted(null), []);
  useFollowedSync(closeout.id, lastSync, started, clearStarted);

  if (link.isPending) {
    return (
      <Text size="sm" c="dimmed" role="status">
        Loading the PSA link…
      </Text>
    );
  }
  if (link.error !== null) {
    return (
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          The PSA link could not be loaded.
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => void link.refetch()}>
          Try again
        </Button>
      </Group>
    );
  }
  const { connection, unavailableReason } = link.data;
  if (connection === null) {
    return (
      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" wrap="nowrap">
          <IconPlugConnectedX size={18} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text size="sm" c="dimmed">
            {unavailableReason ?? 'This client was not brought in from a connected PSA.'}
          </Text>
        </Group>
      </Paper>
    );
  }

  const running = lastSync !== null && isActiveJob(lastSync);
  const waitingForStart = started !== null && lastSync?.id !== started;
  const busy = sync.isPending || running || waitingForStart;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="PSA sync">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconPlugConnected size={18} color="var(--mantine-color-teal-filled)" aria-hidden />
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Linked to {connection.vendorLabel} ({connection.name})
            </Text>
            <LastSync job={lastSync} />
            {connection.pushBack && (
              <Text size="xs" c="dimmed">
                Completed and cancelled tickets are written back to the PSA.
              </Text>
            )}
          </Stack>
        </Group>
        {editable && (
          <GuardedButton
            permission="closeout.sync_tickets"
            blockedReason={
              busy ? 'A sync is under way; the new tickets show once it finishes.' : null
            }
            variant="default"
            leftSection={<IconRefresh size={16} />}
            onClick={() =>
              sync.mutate(undefined, {
                onSuccess: ({ jobId }) => setStarted(jobId),
                onError: (error) => notifyRefusal('Sync not started', error),
              })
            }
          >
            {busy ? 'Syncing…' : 'Sync now'}
          </GuardedButton>
        )}
      </Group>
    </Paper>
  );
}
