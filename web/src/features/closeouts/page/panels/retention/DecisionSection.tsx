import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type TCloseoutDetail,
  ZDecideRetentionRequest,
} from '../../../../../../../src/server/closeouts/schema.js';
import { useCan } from '../../../../../api/session.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { formatMoment } from '../../../../../format.js';
import { zodValidate } from '../../../../../forms/zod-form.js';
import { RETENTION_DECISION_LABELS } from '../../../../../labels.js';
import { GuardedButton } from '../../GuardedButton.js';
import { PermissionNote } from '../../PermissionNote.js';
import { useActionForm } from '../../use-action-form.js';
import { StageSection } from '../StageSection.js';
import { useCorrectableRecord } from '../use-correctable-record.js';
import { DECISION_DESCRIPTIONS, DECISIONS_BY_TRIGGER } from './decisions.js';

/**
 * The retention review's decision. It can change while the stage runs, until a Service
 * Improvement Program has concluded.
 */
export function DecisionSection({
  closeout,
  decidable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  /** The closeout is open and still in this stage, where the engine takes the decision. */
  decidable: boolean;
  gateKeys: string[];
}) {
  const canDecide = useCan('closeout.decide_retention');
  const { retention } = closeout;
  const changeable = decidable && retention.sipOutcome === null;
  const correction = useCorrectableRecord({
    recorded: retention.decision !== null,
    changeable: changeable && canDecide,
    correctLabel: 'Change decision',
  });
  return (
    <StageSection
      title="Retention decision"
      description="Attempt retention, or let the agreement end."
      done={retention.decision !== null}
      gateKeys={gateKeys}
      closeout={closeout}
      actions={correction.correctButton}
    >
      {correction.showForm ? (
        <DecisionForm closeout={closeout} onDone={correction.finish} onCancel={correction.cancel} />
      ) : (
        <RecordedDecision closeout={closeout} />
      )}
      {changeable && retention.decision === null && (
        <PermissionNote permission="closeout.decide_retention" />
      )}
    </StageSection>
  );
}

function RecordedDecision({ closeout }: { closeout: TCloseoutDetail }) {
  const { retention } = closeout;
  if (retention.decision === null) {
    return (
      <Text size="sm" c="dimmed">
        Not decided yet.
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {RETENTION_DECISION_LABELS[retention.decision]}
      </Text>
      <Text size="xs" c="dimmed">
        Decided by {retention.decidedBy ?? 'someone'} {formatMoment(retention.decidedAt)}
      </Text>
      {retention.rationale !== '' && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {retention.rationale}
        </Text>
      )}
    </Stack>
  );
}

function DecisionForm({
  closeout,
  onDone,
  onCancel,
}: {
  closeout: TCloseoutDetail;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const form = useForm({
    initialValues: {
      decision: closeout.retention.decision ?? '',
      rationale: closeout.retention.rationale,
    },
    validate: (values) =>
      values.decision === ''
        ? { decision: 'Choose a decision.' }
        : zodValidate<typeof values>(ZDecideRetentionRequest)(values),
  });
  const action = useActionForm(closeout, form);
  const submit = form.onSubmit((values) =>
    action.send(
      { path: 'decide-retention', body: values, success: 'The decision is recorded.' },
      onDone,
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group label="Decision" withAsterisk {...form.getInputProps('decision')}>
          <Stack gap="sm" mt="xs">
            {DECISIONS_BY_TRIGGER[closeout.trigger].map((decision) => (
              <Radio
                key={decision}
                value={decision}
                label={RETENTION_DECISION_LABELS[decision]}
                description={DECISION_DESCRIPTIONS[decision]}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Rationale"
          description="Why, in a few sentences: the record others will read."
          autosize
          minRows={3}
          {...form.getInputProps('rationale')}
        />
        <ProblemAlert error={action.problem} />
        <Group gap="sm">
          <GuardedButton
            permission="closeout.decide_retention"
            type="submit"
            loading={action.pending}
          >
            Record the decision
          </GuardedButton>
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
