import { Button, Divider, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TCloseoutDetail } from '../../../../../../../src/server/closeouts/schema.js';
import { useCan, useSession } from '../../../../../api/session.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { GuardedButton } from '../../GuardedButton.js';
import { PermissionNote } from '../../PermissionNote.js';
import { useActionForm } from '../../use-action-form.js';
import { StageSection } from '../StageSection.js';
import { useCorrectableRecord } from '../use-correctable-record.js';
import { AgreementFields } from './AgreementFields.js';
import { AttendeesEditor } from './AttendeesEditor.js';
import {
  type RecordValues,
  recordValues,
  toRecordRequest,
  validateRecord,
} from './meeting-values.js';
import { RecordedMeeting } from './RecordedMeeting.js';

/** The meeting held: attendees, minutes and the agreement that the rest of the closeout follows. */
export function RecordSection({
  closeout,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
  gateKeys: string[];
}) {
  const canRecord = useCan('closeout.meeting');
  const held = closeout.meeting.heldAt !== null;
  const correction = useCorrectableRecord({
    recorded: held,
    changeable: editable && canRecord,
    correctLabel: 'Correct the record',
  });
  return (
    <StageSection
      title="Hold the meeting"
      description="Record who attended, the minutes, and what was agreed."
      done={held}
      gateKeys={gateKeys}
      closeout={closeout}
      actions={correction.correctButton}
    >
      {correction.showForm ? (
        <RecordForm closeout={closeout} onDone={correction.finish} onCancel={correction.cancel} />
      ) : (
        <RecordedMeeting closeout={closeout} />
      )}
      {editable && !held && <PermissionNote permission="closeout.meeting" />}
    </StageSection>
  );
}

function RecordForm({
  closeout,
  onDone,
  onCancel,
}: {
  closeout: TCloseoutDetail;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { data: session } = useSession();
  const form = useForm<RecordValues>({
    initialValues: recordValues(
      closeout,
      session === null || session === undefined
        ? null
        : { name: session.name, email: session.email },
    ),
    validate: validateRecord,
  });
  const action = useActionForm(closeout, form);
  const submit = form.onSubmit((values) =>
    action.send(
      {
        path: 'record-meeting',
        body: toRecordRequest(values),
        success: 'The meeting is recorded.',
      },
      onDone,
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Record the meeting">
      <Stack gap="md">
        <TextInput
          label="Held at"
          type="datetime-local"
          withAsterisk
          maw={280}
          {...form.getInputProps('heldAt')}
        />
        <AttendeesEditor form={form} />
        <Textarea
          label="Minutes"
          autosize
          minRows={4}
          maxRows={20}
          {...form.getInputProps('minutes')}
        />
        <Divider />
        <AgreementFields form={form} />
        <ProblemAlert error={action.problem} />
        <Group gap="sm">
          <GuardedButton permission="closeout.meeting" type="submit" loading={action.pending}>
            Record the meeting
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
