import { Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconLock, IconLockOpen, IconRefresh } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import type { THandoverSecretStatus } from '../../../../../../src/server/handover-secrets/schema.js';
import {
  useHandoverSecretStatuses,
  useReissueHandoverSecret,
  useRevealHandoverSecret,
} from '../../../../api/handover-secrets.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { formatMoment } from '../../../../format.js';
import { GuardedButton } from '../GuardedButton.js';
import { HandoverSecretForm } from './HandoverSecretForm.js';
import { HandoverSecretRevealModal } from './HandoverSecretRevealModal.js';

type THandoverItem = TCloseoutDetail['handoverItems'][number];

/** "Stored · issued 20 Nov 2026, 09:00 (issue 2) · revealed by client Grace Hopper, …" */
function secretStatusLine(status: THandoverSecretStatus): string {
  if (!status.stored || status.issuedAt === null) return 'No secret stored';
  const issue = status.issueCount > 1 ? ` (issue ${status.issueCount})` : '';
  const revealed =
    status.clientRevealedAt === null
      ? 'not yet revealed by the client'
      : `revealed by client ${status.clientRevealedBy ?? ''}, ${formatMoment(status.clientRevealedAt)}`;
  return `Stored · issued ${formatMoment(status.issuedAt)}${issue} · ${revealed}`;
}

/**
 * The vault of one handover item: whether its secret is stored, issued and revealed by the
 * client; entering or replacing it, revealing it to permitted staff, re-issuing it to the client.
 */
export function HandoverSecretControls({
  closeout,
  item,
  editable,
}: {
  closeout: TCloseoutDetail;
  item: THandoverItem;
  editable: boolean;
}) {
  const statuses = useHandoverSecretStatuses(closeout.id);
  const status = statuses.data?.find((candidate) => candidate.itemId === item.id);
  const stored = status?.stored === true;
  const reveal = useRevealHandoverSecret(closeout.id);
  const reissue = useReissueHandoverSecret(closeout.id);
  const [editing, setEditing] = useState(false);
  const hide = useCallback(() => reveal.reset(), [reveal.reset]);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Group gap={4} wrap="nowrap">
          {stored ? <IconLock size={14} aria-hidden /> : <IconLockOpen size={14} aria-hidden />}
          <Text size="xs">
            {statuses.isPending
              ? 'Checking the vault…'
              : statuses.isError
                ? 'The vault could not be read.'
                : status === undefined
                  ? 'No secret stored'
                  : secretStatusLine(status)}
          </Text>
        </Group>
        {editable && statuses.isSuccess && (
          <GuardedButton
            permission="closeout.handover"
            size="compact-xs"
            variant="subtle"
            onClick={() => setEditing(true)}
          >
            {stored ? 'Replace secret' : 'Enter secret'}
          </GuardedButton>
        )}
        {stored && (
          <GuardedButton
            permission="closeout.reveal_secret"
            size="compact-xs"
            variant="subtle"
            leftSection={<IconEye size={14} />}
            loading={reveal.isPending}
            onClick={() => reveal.mutate(item.id)}
            aria-label={`Reveal the secret of ${item.credentialLabel}`}
          >
            Reveal
          </GuardedButton>
        )}
        {editable && stored && (
          <GuardedButton
            permission="closeout.handover"
            size="compact-xs"
            variant="subtle"
            leftSection={<IconRefresh size={14} />}
            loading={reissue.isPending}
            blockedReason={
              status.clientRevealedAt === null
                ? 'The client has not revealed the current issue yet; it can still reveal it once.'
                : null
            }
            onClick={() =>
              reissue.mutate(item.id, {
                onSuccess: () =>
                  notifications.show({
                    color: 'teal',
                    message: `${item.credentialLabel} is issued to the client again: they may reveal it once more.`,
                  }),
              })
            }
          >
            Re-issue to client
          </GuardedButton>
        )}
      </Group>
      <ProblemAlert error={reveal.error ?? reissue.error} />
      {editing && (
        <HandoverSecretForm
          closeoutId={closeout.id}
          item={item}
          replacing={stored}
          onClose={() => setEditing(false)}
        />
      )}
      {reveal.data !== undefined && (
        <HandoverSecretRevealModal revealed={reveal.data} onClose={hide} />
      )}
    </Stack>
  );
}
