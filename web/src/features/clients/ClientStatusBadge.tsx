import { Badge } from '@mantine/core';
import type { TClientStatus } from '../../../../src/server/clients/schema.js';
import { CLIENT_STATUS_COLORS, CLIENT_STATUS_LABELS } from '../../labels.js';

export function ClientStatusBadge({
  status,
  size = 'sm',
}: {
  status: TClientStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  return (
    <Badge color={CLIENT_STATUS_COLORS[status]} variant="light" size={size}>
      {CLIENT_STATUS_LABELS[status]}
    </Badge>
  );
}
