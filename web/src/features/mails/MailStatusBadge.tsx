import { Badge } from '@mantine/core';
import type { TMailStatus } from '../../../../src/server/mails/schema.js';
import { MAIL_STATUS_COLORS, MAIL_STATUS_LABELS } from './labels.js';

export function MailStatusBadge({ status }: { status: TMailStatus }) {
  return (
    <Badge color={MAIL_STATUS_COLORS[status]} variant="light" tt="none" miw="max-content">
      {MAIL_STATUS_LABELS[status]}
    </Badge>
  );
}
