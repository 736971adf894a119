import { Stack, Text } from '@mantine/core';
import type { TCloseoutDetail } from '../../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../../api/closeouts.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { formatDay, formatMoment } from '../../../../../format.js';
import { GuardedButton } from '../../GuardedButton.js';
import { StageSection } from '../StageSection.js';

/** The written acknowledgment of the notice, stating the earliest termination date. */
export function NoticeSection({
  closeout,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
  gateKeys: string[];
}) {
  const action = useCloseoutAction(closeout);
  const acknowledged = closeout.acknowledgedAt !== null;
  return (
    <StageSection
      title="Notice and acknowledgment"
      done={acknowledged}
      gateKeys={gateKeys}
      closeout={closeout}
    >
      <Stack gap="xs">
        <Text size="sm">
          <Text span fw={600} inherit>
            Notice received {formatDay(closeout.noticeReceivedOn)}:
          </Text>{' '}
          {closeout.noticeEvidence}
        </Text>
        {acknowledged ? (
          <Text size="sm" c="dimmed">
            Acknowledged to the client in writing {formatMoment(closeout.acknowledgedAt)}.
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Acknowledge the notice to the client in writing, with the earliest termination date the
            agreement allows: {formatDay(closeout.earliestTerminationDate)}.
          </Text>
        )}
      </Stack>
      {!acknowledged && editable && (
        <Stack gap="xs" align="flex-start">
          <GuardedButton
            permission="closeout.record_assessment"
            variant="light"
            loading={action.isPending}
            onClick={() =>
              action.mutate({
                path: 'acknowledge-notice',
                success: 'The acknowledgment is recorded.',
              })
            }
          >
            Record the acknowledgment
          </GuardedButton>
          <ProblemAlert error={action.error} />
        </Stack>
      )}
    </StageSection>
  );
}
