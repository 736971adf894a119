import { Button, Group, Spoiler, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTemplate } from '@tabler/icons-react';
import type { TProcessDefinition } from '../../../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../../../src/server/closeouts/schema.js';
import { useCan } from '../../../../../api/session.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { formatMoment } from '../../../../../format.js';
import { GuardedButton } from '../../GuardedButton.js';
import { PermissionNote } from '../../PermissionNote.js';
import { useActionForm } from '../../use-action-form.js';
import { StageSection } from '../StageSection.js';
import { useCorrectableRecord } from '../use-correctable-record.js';
import {
  agendaTemplate,
  type ScheduleValues,
  scheduleValues,
  toScheduleRequest,
  validateSchedule,
} from './meeting-values.js';

/** When and where the meeting with the client's decision maker is, and its agenda. */
export function ScheduleSection({
  closeout,
  definition,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  editable: boolean;
  gateKeys: string[];
}) {
  const canSchedule = useCan('closeout.meeting');
  const { meeting } = closeout;
  const scheduled = meeting.scheduledAt !== null;
  // Once held, the meeting's record replaces its plan.
  const reschedulable = editable && meeting.heldAt === null;
  const correction = useCorrectableRecord({
    recorded: scheduled,
    changeable: reschedulable && canSchedule,
    correctLabel: 'Reschedule or edit the agenda',
  });
  return (
    <StageSection
      title="Schedule the meeting"
      description="With the client's decision maker; the agenda goes with the invitation."
      done={scheduled}
      gateKeys={gateKeys}
      closeout={closeout}
      actions={correction.correctButton}
    >
      {correction.showForm ? (
        <ScheduleForm
          closeout={closeout}
          definition={definition}
          onDone={correction.finish}
          onCancel={correction.cancel}
        />
      ) : (
        <ScheduledMeeting closeout={closeout} />
      )}
      {reschedulable && !scheduled && <PermissionNote permission="closeout.meeting" />}
    </StageSection>
  );
}

function ScheduledMeeting({ closeout }: { closeout: TCloseoutDetail }) {
  const { meeting } = closeout;
  if (meeting.scheduledAt === null) {
    return (
      <Text size="sm" c="dimmed">
        Not scheduled yet.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">
        <Text span fw={600} inherit>
          {formatMoment(meeting.scheduledAt)}
        </Text>
        {meeting.location !== '' && ` · ${meeting.location}`}
      </Text>
      {meeting.agenda !== '' && (
        <Spoiler maxHeight={120} showLabel="Show the whole agenda" hideLabel="Show less">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {meeting.agenda}
          </Text>
        </Spoiler>
      )}
    </Stack>
  );
}

function ScheduleForm({
  closeout,
  definition,
  onDone,
  onCancel,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const form = useForm<ScheduleValues>({
    initialValues: scheduleValues(closeout, definition),
    validate: validateSchedule,
  });
  const action = useActionForm(closeout, form);
  const template = agendaTemplate(definition);
  const submit = form.onSubmit((values) =>
    action.send(
      {
        path: 'schedule-meeting',
        body: toScheduleRequest(values),
        success: 'The meeting is scheduled.',
      },
      onDone,
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Schedule the meeting">
      <Stack gap="md">
        <Group gap="sm" align="flex-start" grow>
          <TextInput
            label="Date and time"
            type="datetime-local"
            withAsterisk
            {...form.getInputProps('scheduledAt')}
          />
          <TextInput
            label="Location"
            placeholder="Client office, or a video call link"
            {...form.getInputProps('location')}
          />
        </Group>
        <Textarea
          label="Agenda"
          description="Starts from your process's agenda template; edit it for this meeting."
          autosize
          minRows={8}
          maxRows={24}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          {...form.getInputProps('agenda')}
        />
        {template !== '' && form.values.agenda !== template && (
          <Group>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconTemplate size={14} />}
              onClick={() => form.setFieldValue('agenda', template)}
            >
              Start again from the template
            </Button>
          </Group>
        )}
        <ProblemAlert error={action.problem} />
        <Group gap="sm">
          <GuardedButton permission="closeout.meeting" type="submit" loading={action.pending}>
            {closeout.meeting.scheduledAt === null ? 'Schedule the meeting' : 'Save'}
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
