import { Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import type { TCloseoutDetail } from '../../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../../api/closeouts.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { formatMoment } from '../../../../../format.js';
import { GuardedButton } from '../../GuardedButton.js';
import { StageSection } from '../StageSection.js';

/** The summary with the agreed dates, sent to the client after the meeting. */
export function SummarySection({
  closeout,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
  gateKeys: string[];
}) {
  const action = useCloseoutAction(closeout);
  const { summarySentAt, heldAt } = closeout.meeting;
  return (
    <StageSection
      title="Send the meeting summary"
      description="The agreed dates in writing, the day after the meeting."
      done={summarySentAt !== null}
      gateKeys={gateKeys}
      closeout={closeout}
    >
      {summarySentAt !== null ? (
        <Text size="sm" c="dimmed">
          Sent {formatMoment(summarySentAt)}.
        </Text>
      ) : (
        editable && (
          <Stack gap="xs" align="flex-start">
            <GuardedButton
              permission="closeout.meeting"
              blockedReason={heldAt === null ? 'Record the meeting as held first.' : null}
              variant="light"
              leftSection={<IconMailForward size={16} />}
              loading={action.isPending}
              onClick={() =>
                action.mutate({
                  path: 'record-meeting-summary-sent',
                  success: 'The summary is recorded as sent.',
                })
              }
            >
              Mark the summary sent
            </GuardedButton>
            <ProblemAlert error={action.error} />
          </Stack>
        )
      )}
    </StageSection>
  );
}
