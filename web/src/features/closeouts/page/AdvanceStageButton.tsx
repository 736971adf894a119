import { Stack } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../api/closeouts.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { GuardedButton } from './GuardedButton.js';

/**
 * Moves the closeout to the next stage of its process. Offered only once the current stage's
 * exit gates hold; the API checks them again and a refusal lists what is still missing.
 */
export function AdvanceStageButton({
  closeout,
  definition,
  onAdvanced,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  onAdvanced: () => void;
}) {
  const action = useCloseoutAction(closeout);
  const next = definition.stages[closeout.stage.index + 1];
  if (next === undefined) return null;
  const blocked =
    closeout.unmetStageGates.length > 0
      ? `Meet the gates listed above first: ${closeout.unmetStageGates.map((gate) => gate.name).join('; ')}.`
      : null;
  return (
    <Stack gap="xs">
      <GuardedButton
        permission="closeout.advance"
        blockedReason={blocked}
        rightSection={<IconArrowRight size={16} />}
        loading={action.isPending}
        fullWidth
        // Stage names are long and the side column narrow: the label wraps rather than being cut.
        h="auto"
        mih={36}
        py={6}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
        onClick={() =>
          action.mutate(
            { path: 'advance-stage', success: `Moved on to ${next.code} ${next.name}.` },
            { onSuccess: onAdvanced },
          )
        }
      >
        Advance to {next.code} {next.name}
      </GuardedButton>
      <ProblemAlert error={action.error} title="The closeout could not move on" />
    </Stack>
  );
}
