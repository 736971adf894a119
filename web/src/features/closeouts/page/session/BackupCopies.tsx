import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../api/closeouts.js';
import { Checksum } from '../../../../components/Checksum.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { EmptyState } from '../../../../components/QueryState.js';
import { formatMoment } from '../../../../format.js';
import { BACKUP_MEDIUM_LABELS } from '../../../../labels.js';
import { GuardedButton } from '../GuardedButton.js';
import { StageSection } from '../panels/StageSection.js';
import { BackupDownload } from './BackupDownload.js';
import { BackupReceiptBadge, type TBackupReceiptLabels } from './BackupReceiptBadge.js';
import { formatBytes } from './bytes.js';
import { ConfirmReceiptForm } from './ConfirmReceiptForm.js';
import { RecordBackupCopyForm } from './RecordBackupCopyForm.js';

type TBackupCopy = TCloseoutDetail['backupCopies'][number];

/** The MSP's words for where a copy stands. */
const RECEIPT_LABELS: TBackupReceiptLabels = {
  notDelivered: 'Not delivered yet',
  awaitingReceipt: 'Delivered, awaiting receipt',
  verified: 'Received · checksum verified ✓',
  notChecked: 'Received · checksum not checked',
};

function BackupCopyCard({
  closeout,
  copy,
  editable,
  confirming,
  onConfirm,
  onCloseConfirm,
}: {
  closeout: TCloseoutDetail;
  copy: TBackupCopy;
  editable: boolean;
  confirming: boolean;
  onConfirm: () => void;
  onCloseConfirm: () => void;
}) {
  const action = useCloseoutAction(closeout);
  return (
    <Paper withBorder p="md" component="article" aria-label={copy.description}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Text fw={600}>{copy.description}</Text>
            <Text size="sm" c="dimmed">
              {formatBytes(copy.sizeBytes)} · {BACKUP_MEDIUM_LABELS[copy.medium]} ·{' '}
              {copy.systemsCovered.join(', ')}
            </Text>
          </Stack>
          <BackupReceiptBadge copy={copy} labels={RECEIPT_LABELS} />
        </Group>
        <Checksum sha256={copy.sha256} />
        {copy.medium === 'download_link' && (
          <BackupDownload closeout={closeout} copy={copy} editable={editable} />
        )}
        <Stack gap={2}>
          {copy.deliveredAt !== null && (
            <Text size="xs" c="dimmed">
              Delivered by {copy.deliveredBy} · {formatMoment(copy.deliveredAt)}
            </Text>
          )}
          {copy.receivedAt !== null && (
            <Text size="xs" c="dimmed">
              Received by {copy.receivedBy} · {formatMoment(copy.receivedAt)}
            </Text>
          )}
        </Stack>
        {editable && !confirming && copy.receivedAt === null && (
          <Group gap="xs">
            {copy.deliveredAt === null ? (
              <GuardedButton
                permission="closeout.handover"
                size="xs"
                variant="light"
                leftSection={<IconTruckDelivery size={14} />}
                loading={action.isPending}
                onClick={() =>
                  action.mutate({
                    path: `backup-copies/${copy.id}/deliver`,
                    success: `“${copy.description}” delivered.`,
                  })
                }
              >
                Mark delivered
              </GuardedButton>
            ) : (
              <GuardedButton
                permission="closeout.handover"
                size="xs"
                variant="light"
                color="teal"
                onClick={onConfirm}
              >
                Confirm receipt
              </GuardedButton>
            )}
          </Group>
        )}
        {confirming && (
          <ConfirmReceiptForm closeout={closeout} copy={copy} onClose={onCloseConfirm} />
        )}
        <ProblemAlert error={action.error} />
      </Stack>
    </Paper>
  );
}

/** The copy of the client's backup data, delivered and its receipt confirmed by the client. */
export function BackupCopies({
  closeout,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
  gateKeys: string[];
}) {
  const [recording, setRecording] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const copies = closeout.backupCopies;
  const systems = [...new Set(closeout.handoverItems.map((item) => item.systemName))];
  return (
    <StageSection
      title="Backup data"
      description="A copy of the system backup data with its SHA-256 checksum; the client confirms receipt, ideally with the checksum it computed."
      done={copies.length > 0 && copies.every((copy) => copy.receivedAt !== null)}
      gateKeys={gateKeys}
      closeout={closeout}
      actions={
        editable ? (
          <GuardedButton
            permission="closeout.handover"
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setRecording(true)}
            disabled={recording}
          >
            Record a backup copy
          </GuardedButton>
        ) : undefined
      }
    >
      {recording && (
        <Paper withBorder p="md">
          <RecordBackupCopyForm
            closeout={closeout}
            systems={systems}
            onClose={() => setRecording(false)}
          />
        </Paper>
      )}
      {copies.length === 0 ? (
        !recording && (
          <EmptyState title="No backup copy recorded yet">
            Record the copy once it is made: what it covers, its size and its checksum.
          </EmptyState>
        )
      ) : (
        <Stack gap="sm">
          {copies.map((copy) => (
            <BackupCopyCard
              key={copy.id}
              closeout={closeout}
              copy={copy}
              editable={editable}
              confirming={confirming === copy.id}
              onConfirm={() => setConfirming(copy.id)}
              onCloseConfirm={() => setConfirming(null)}
            />
          ))}
        </Stack>
      )}
    </StageSection>
  );
}
