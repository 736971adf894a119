import {
  ActionIcon,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconCopy,
  IconDownload,
  IconShieldCheck,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { TPortalBackupCopy, TPortalCloseout } from '../../../../src/server/portal/schema.js';
import { useBackupDownloadLink } from '../../api/portal.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { EmptyState } from '../../components/QueryState.js';
import { formatBytes } from '../../features/closeouts/page/session/bytes.js';
import { formatMoment } from '../../format.js';
import { BACKUP_MEDIUM_LABELS } from '../../labels.js';
import { BackupReceiptForm } from './BackupReceiptForm.js';
import { PortalSection } from './PortalSection.js';

/** The copy of the client's data: what it holds, how it comes, and confirming it arrived whole. */
export function BackupSection({ closeout }: { closeout: TPortalCloseout }) {
  return (
    <PortalSection
      title="Backup copy"
      description="A copy of your data. Check that what you received is complete by its SHA-256 checksum, then confirm receipt."
    >
      {closeout.backupCopies.length === 0 ? (
        <EmptyState title="No backup copy yet">
          Your provider has not prepared the copy of your data yet.
        </EmptyState>
      ) : (
        <Stack gap="sm">
          {closeout.backupCopies.map((copy) => (
            <BackupCopyCard key={copy.id} closeout={closeout} copy={copy} />
          ))}
        </Stack>
      )}
    </PortalSection>
  );
}

function BackupCopyCard({
  closeout,
  copy,
}: {
  closeout: TPortalCloseout;
  copy: TPortalBackupCopy;
}) {
  const received = copy.receivedAt !== null;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={copy.description}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} size="sm">
            {copy.description}
          </Text>
          <ReceiptBadge copy={copy} />
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Fact label="Size">{formatBytes(copy.sizeBytes)}</Fact>
          <Fact label="How it comes">{BACKUP_MEDIUM_LABELS[copy.medium]}</Fact>
          <Fact label="Delivered">
            {copy.deliveredAt === null ? 'Not yet' : formatMoment(copy.deliveredAt)}
          </Fact>
        </SimpleGrid>
        {copy.systemsCovered.length > 0 && (
          <Fact label="Systems covered">{copy.systemsCovered.join(', ')}</Fact>
        )}
        <Fact label="SHA-256">
          <Group gap={4} wrap="nowrap" component="span">
            <Code style={{ wordBreak: 'break-all' }}>{copy.sha256}</Code>
            <CopyButton value={copy.sha256}>
              {({ copied, copy: copyChecksum }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy the checksum'}>
                  <ActionIcon
                    variant="default"
                    onClick={copyChecksum}
                    aria-label="Copy the checksum"
                  >
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Fact>
        {copy.downloadable && <DownloadButton closeoutId={closeout.id} copy={copy} />}
        {received ? (
          <Text size="sm">
            Received {formatMoment(copy.receivedAt)}
            {copy.receivedBy === null ? '' : ` by ${copy.receivedBy}`}
            {copy.checksumVerified ? ', checksum verified.' : '.'}
          </Text>
        ) : (
          closeout.can.confirmBackupReceipt && <BackupReceiptForm closeout={closeout} copy={copy} />
        )}
      </Stack>
    </Paper>
  );
}

function ReceiptBadge({ copy }: { copy: TPortalBackupCopy }) {
  if (copy.receivedAt === null) {
    return copy.deliveredAt === null ? (
      <Badge color="gray" variant="outline" tt="none">
        Being prepared
      </Badge>
    ) : (
      <Badge color="blue" variant="light" tt="none">
        Awaiting your confirmation
      </Badge>
    );
  }
  return copy.checksumVerified ? (
    <Badge color="teal" variant="light" leftSection={<IconShieldCheck size={14} />} tt="none">
      Received · checksum verified
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" leftSection={<IconAlertTriangle size={14} />} tt="none">
      Received · checksum not checked
    </Badge>
  );
}

/** Asks for an expiring link and follows it: the browser downloads the file from there. */
function DownloadButton({ closeoutId, copy }: { closeoutId: string; copy: TPortalBackupCopy }) {
  const link = useBackupDownloadLink(closeoutId);
  return (
    <Stack gap="xs">
      <ProblemAlert error={link.error} title="The download could not start" />
      <Button
        leftSection={<IconDownload size={16} />}
        variant="light"
        w="fit-content"
        loading={link.isPending}
        onClick={() =>
          link.mutate(copy.id, { onSuccess: ({ url }) => window.location.assign(url) })
        }
      >
        Download the copy ({formatBytes(copy.sizeBytes)})
      </Button>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
