import {
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCircleCheck,
  IconCircleX,
  IconDownload,
  IconPencil,
  IconPlugConnected,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type {
  TConnectionTest,
  TPsaConnection,
} from '../../../../src/server/integrations/schema.js';
import { errorMessage } from '../../api/http.js';
import { useEnqueueConnectionJob, useTestPsaConnection } from '../../api/integrations.js';
import { RowActions } from '../../components/RowActions.js';
import { formatMoment } from '../../format.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Whether the PSA let Closeout in, in green or red, with what it answered and when. */
function TestResult({ test }: { test: TConnectionTest | null }) {
  if (test === null) {
    return (
      <Text size="sm" c="dimmed">
        Not tested yet
      </Text>
    );
  }
  const Icon = test.ok ? IconCircleCheck : IconCircleX;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Icon
        size={18}
        color={`var(--mantine-color-${test.ok ? 'teal' : 'red'}-filled)`}
        aria-hidden
        style={{ flexShrink: 0, marginTop: 1 }}
      />
      <Stack gap={0}>
        <Text size="sm" c={test.ok ? 'teal' : 'red'}>
          <VisuallyHidden>{test.ok ? 'Passed: ' : 'Failed: '}</VisuallyHidden>
          {test.message}
        </Text>
        <Text size="xs" c="dimmed">
          {formatMoment(test.at)}
        </Text>
      </Stack>
    </Group>
  );
}

const newer = (a: TConnectionTest | undefined, b: TConnectionTest | null) =>
  a !== undefined && (b === null || a.at >= b.at) ? a : b;

/** One PSA connection: how it stands, and what an administrator can do with it. */
export function ConnectionCard({
  connection,
  canManage,
  onEdit,
  onDelete,
}: {
  connection: TPsaConnection;
  canManage: boolean;
  /** Absent while the vendor's form is not known yet. */
  onEdit: (() => void) | undefined;
  onDelete: () => void;
}) {
  const test = useTestPsaConnection();
  const sync = useEnqueueConnectionJob('sync');
  const importClients = useEnqueueConnectionJob('import-clients');
  const vendor = connection.vendorLabel;
  const lastTest = newer(test.data, connection.lastTest);

  const runTest = () =>
    test.mutate(connection.id, {
      onSuccess: (result) =>
        notifications.show({
          color: result.ok ? 'teal' : 'red',
          title: result.ok ? `${vendor} answered` : `${vendor} refused the connection`,
          message: result.message,
        }),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not tested', message: errorMessage(error) }),
    });

  const enqueue = (job: typeof sync, queued: string, refused: string) =>
    job.mutate(connection.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: queued }),
      onError: (error) =>
        notifications.show({ color: 'red', title: refused, message: errorMessage(error) }),
    });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={connection.name}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm">
            <Title order={3} fz="md">
              {connection.name}
            </Title>
            <Badge variant="light" tt="none">
              {vendor}
            </Badge>
            <Badge variant="dot" color={connection.enabled ? 'teal' : 'gray'} tt="none">
              {connection.enabled ? 'Enabled' : 'Turned off'}
            </Badge>
          </Group>
          {canManage && (
            <RowActions name={connection.name}>
              <Menu.Item
                leftSection={<IconPencil size={16} />}
                disabled={onEdit === undefined}
                onClick={onEdit}
              >
                Edit
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                Delete
              </Menu.Item>
            </RowActions>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Fact label="Last test">
            <TestResult test={lastTest} />
          </Fact>
          <Fact label="Last sync">
            <Text size="sm" c={connection.lastSyncedAt === null ? 'dimmed' : undefined}>
              {connection.lastSyncedAt === null ? 'Never' : formatMoment(connection.lastSyncedAt)}
            </Text>
            <Text size="xs" c="dimmed">
              {connection.syncIntervalMinutes === 0
                ? 'Only when asked'
                : `Every ${connection.syncIntervalMinutes} minutes`}
            </Text>
          </Fact>
          <Fact label="Write-back">
            <Text size="sm">
              {connection.pushBack ? 'Outcomes are written back' : 'Off: the PSA is only read'}
            </Text>
          </Fact>
        </SimpleGrid>
        {canManage && (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconPlugConnected size={16} />}
              loading={test.isPending}
              onClick={runTest}
            >
              Test connection
            </Button>
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              loading={sync.isPending}
              disabled={!connection.enabled}
              onClick={() =>
                enqueue(
                  sync,
                  `The tickets of every open closeout are being synced from ${vendor}.`,
                  'Sync not started',
                )
              }
            >
              Sync now
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={importClients.isPending}
              disabled={!connection.enabled}
              onClick={() =>
                enqueue(
                  importClients,
                  `Clients and agreements are being imported from ${vendor}.`,
                  'Import not started',
                )
              }
            >
              Import clients and agreements
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
