import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { TPortalBackupCopy, TPortalCloseout } from '../../../../src/server/portal/schema.js';
import { useBackupDownloadLink } from '../../api/portal.js';
import { Checksum } from '../../components/Checksum.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { EmptyState } from '../../components/QueryState.js';
import {
  BackupReceiptBadge,
  type TBackupReceiptLabels,
} from '../../features/closeouts/page/session/BackupReceiptBadge.js';
import { formatBytes } from '../../features/closeouts/page/session/bytes.js';
import { formatMoment } from '../../format.js';
import { BACKUP_MEDIUM_LABELS } from '../../labels.js';
import { BackupReceiptForm } from './BackupReceiptForm.js';
import { Fact } from './Fact.js';
import { PortalSection } from './PortalSection.js';

/** The client's words for where a copy stands. */
const RECEIPT_LABELS: TBackupReceiptLabels = {
  notDelivered: 'Being prepared',
  awaitingReceipt: 'Awaiting your confirmation',
  verified: 'Received · checksum verified',
  notChecked: 'Received · checksum not checked',
};

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
          <BackupReceiptBadge copy={copy} labels={RECEIPT_LABELS} />
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
          <Checksum sha256={copy.sha256} />
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
