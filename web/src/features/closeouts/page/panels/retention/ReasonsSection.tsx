import { Badge, Button, Chip, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId } from 'react';
import type { TReasonTaxonomyEntry } from '../../../../../../../src/blueprint/reason-taxonomy.js';
import {
  type TCloseoutDetail,
  ZRecordReasonsRequest,
} from '../../../../../../../src/server/closeouts/schema.js';
import { useReasonTaxonomy } from '../../../../../api/organisation-reasons.js';
import { useCan } from '../../../../../api/session.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { QueryState } from '../../../../../components/QueryState.js';
import { zodValidate } from '../../../../../forms/zod-form.js';
import { GuardedButton } from '../../GuardedButton.js';
import { PermissionNote } from '../../PermissionNote.js';
import { useActionForm } from '../../use-action-form.js';
import { StageSection } from '../StageSection.js';
import { useCorrectableRecord } from '../use-correctable-record.js';
import { reasonChoices, reasonLabel } from './reason-choices.js';

/** Why the client is leaving (or why we end it): a primary reason, contributing ones, notes. */
export function ReasonsSection({
  closeout,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
  gateKeys: string[];
}) {
  const taxonomy = useReasonTaxonomy();
  const canRecord = useCan('closeout.record_assessment');
  const recorded = closeout.reasons.primary !== null;
  const correction = useCorrectableRecord({
    recorded,
    changeable: editable && canRecord,
    correctLabel: 'Edit reasons',
  });
  return (
    <StageSection
      title="Reasons for cancelling"
      description="Capture them in the discovery conversation, from your organisation's reason list."
      done={recorded}
      gateKeys={gateKeys}
      closeout={closeout}
      actions={correction.correctButton}
    >
      <QueryState query={taxonomy} loadingLabel="Loading the reasons…">
        {({ reasons }) =>
          correction.showForm ? (
            <ReasonsForm
              closeout={closeout}
              taxonomy={reasons}
              onDone={correction.finish}
              onCancel={correction.cancel}
            />
          ) : (
            <RecordedReasons closeout={closeout} taxonomy={reasons} />
          )
        }
      </QueryState>
      {editable && !recorded && <PermissionNote permission="closeout.record_assessment" />}
    </StageSection>
  );
}

function RecordedReasons({
  closeout,
  taxonomy,
}: {
  closeout: TCloseoutDetail;
  taxonomy: TReasonTaxonomyEntry[];
}) {
  const { primary, contributing, notes } = closeout.reasons;
  if (primary === null) {
    return (
      <Text size="sm" c="dimmed">
        No reasons recorded yet.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Primary
        </Text>
        <Badge variant="filled">{reasonLabel(taxonomy, primary)}</Badge>
      </Group>
      {contributing.length > 0 && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Contributing
          </Text>
          {contributing.map((key) => (
            <Badge key={key} variant="light" color="gray">
              {reasonLabel(taxonomy, key)}
            </Badge>
          ))}
        </Group>
      )}
      {notes !== '' && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {notes}
        </Text>
      )}
    </Stack>
  );
}

function ReasonsForm({
  closeout,
  taxonomy,
  onDone,
  onCancel,
}: {
  closeout: TCloseoutDetail;
  taxonomy: TReasonTaxonomyEntry[];
  onDone: () => void;
  onCancel?: () => void;
}) {
  const form = useForm({
    initialValues: {
      primary: closeout.reasons.primary ?? '',
      contributing: closeout.reasons.contributing,
      notes: closeout.reasons.notes,
    },
    validate: zodValidate(ZRecordReasonsRequest),
  });
  const action = useActionForm(closeout, form);
  const contributingLabel = useId();
  const recordedKeys = [
    ...(closeout.reasons.primary === null ? [] : [closeout.reasons.primary]),
    ...closeout.reasons.contributing,
  ];
  const choices = reasonChoices(taxonomy, closeout.trigger, recordedKeys);
  const { primary } = form.values;
  // The API names a refused contributing reason by its position (`contributing.2`).
  const contributingError = Object.entries(form.errors).find(
    ([field]) => field === 'contributing' || field.startsWith('contributing.'),
  )?.[1];

  const submit = form.onSubmit((values) =>
    action.send(
      {
        path: 'record-reasons',
        body: {
          ...values,
          contributing: values.contributing.filter((key) => key !== values.primary),
        },
        success: 'The reasons are recorded.',
      },
      onDone,
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          label="Primary reason"
          placeholder="The main reason"
          data={choices.map((reason) => ({
            value: reason.key,
            label: reasonLabel(taxonomy, reason.key),
          }))}
          searchable
          withAsterisk
          maw={360}
          {...form.getInputProps('primary')}
          onChange={(value) => form.setFieldValue('primary', value ?? '')}
        />
        <Chip.Group multiple {...form.getInputProps('contributing')}>
          <Stack gap={6}>
            <Text size="sm" fw={500} id={contributingLabel}>
              Contributing reasons
            </Text>
            <Group gap="xs" role="group" aria-labelledby={contributingLabel}>
              {choices
                .filter((reason) => reason.key !== primary)
                .map((reason) => (
                  <Chip key={reason.key} value={reason.key} size="sm" variant="outline">
                    {reasonLabel(taxonomy, reason.key)}
                  </Chip>
                ))}
            </Group>
            {contributingError !== undefined && (
              <Text size="xs" c="red">
                {contributingError}
              </Text>
            )}
          </Stack>
        </Chip.Group>
        <Textarea
          label="Notes from the conversation"
          autosize
          minRows={3}
          {...form.getInputProps('notes')}
        />
        <ProblemAlert error={action.problem} />
        <Group gap="sm">
          <GuardedButton
            permission="closeout.record_assessment"
            type="submit"
            loading={action.pending}
          >
            Record the reasons
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
