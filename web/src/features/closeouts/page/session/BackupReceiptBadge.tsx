import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';

type TBackupReceipt = {
  deliveredAt: string | null;
  receivedAt: string | null;
  checksumVerified: boolean;
};

/** Where a backup copy stands, in the words of whoever reads it (the MSP or its client). */
export type TBackupReceiptLabels = {
  notDelivered: string;
  awaitingReceipt: string;
  verified: string;
  notChecked: string;
};

/** A backup copy's way from being made to being received, its checksum checked or not. */
export function BackupReceiptBadge({
  copy,
  labels,
}: {
  copy: TBackupReceipt;
  labels: TBackupReceiptLabels;
}) {
  if (copy.receivedAt === null) {
    return copy.deliveredAt === null ? (
      <Badge color="gray" variant="outline" tt="none">
        {labels.notDelivered}
      </Badge>
    ) : (
      <Badge color="blue" variant="light" tt="none">
        {labels.awaitingReceipt}
      </Badge>
    );
  }
  return copy.checksumVerified ? (
    <Badge color="teal" variant="light" leftSection={<IconShieldCheck size={14} />} tt="none">
      {labels.verified}
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" leftSection={<IconAlertTriangle size={14} />} tt="none">
      {labels.notChecked}
    </Badge>
  );
}
