import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarCheck } from '@tabler/icons-react';
import {
  type TCloseoutDetail,
  ZRecordSessionHeldRequest,
} from '../../../../../../src/server/closeouts/schema.js';
import { useCan } from '../../../../api/session.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { formatMoment, localInputToMoment, momentToLocalInput } from '../../../../format.js';
import { PermissionNote } from '../PermissionNote.js';
import { StageSection } from '../panels/StageSection.js';
import { useCloseoutForm } from './closeout-form.js';

const localNow = () => momentToLocalInput(new Date().toISOString());

function SessionHeldForm({ closeout }: { closeout: TCloseoutDetail }) {
  const planned = closeout.meeting.agreement?.deactivationSessionAt ?? null;
  const { form, onSubmit, problem, pending } = useCloseoutForm<{ heldAt: string }>({
    closeout,
    path: 'record-session-held',
    success: 'The deactivation session is recorded as held.',
    initialValues: {
      heldAt:
        planned !== null && Date.parse(planned) < Date.now()
          ? momentToLocalInput(planned)
          : localNow(),
    },
    schema: ZRecordSessionHeldRequest,
    toBody: ({ heldAt }) => ({ heldAt: heldAt === '' ? '' : localInputToMoment(heldAt) }),
    check: ({ heldAt }) => {
      if (heldAt === '') return { heldAt: 'Say when the session was held.' };
      return new Date(heldAt).getTime() > Date.now()
        ? { heldAt: 'The session cannot be recorded as held in the future.' }
        : {};
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record the session as held">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="datetime-local"
            label="Held at"
            withAsterisk
            max={localNow()}
            w={240}
            {...form.getInputProps('heldAt')}
          />
          <Button type="submit" leftSection={<IconCalendarCheck size={16} />} loading={pending}>
            Record session held
          </Button>
        </Group>
        <ProblemAlert error={problem} />
      </Stack>
    </form>
  );
}

/** The deactivation session itself: walking the client through each system. */
export function SessionHeld({
  closeout,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
  gateKeys: string[];
}) {
  const allowed = useCan('closeout.handover');
  const planned = closeout.meeting.agreement?.deactivationSessionAt ?? null;
  return (
    <StageSection
      title="Deactivation session"
      description={
        planned === null
          ? 'Walk the client through each system and hand everything over.'
          : `Agreed at the closeout meeting for ${formatMoment(planned)}.`
      }
      done={closeout.sessionHeldAt !== null}
      gateKeys={gateKeys}
      closeout={closeout}
    >
      {closeout.sessionHeldAt !== null ? (
        <Text size="sm">Held {formatMoment(closeout.sessionHeldAt)}.</Text>
      ) : editable && allowed ? (
        <SessionHeldForm closeout={closeout} />
      ) : (
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            Not held yet.
          </Text>
          {editable && <PermissionNote permission="closeout.handover" />}
        </Stack>
      )}
    </StageSection>
  );
}
