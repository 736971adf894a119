import { Alert, Autocomplete, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconInfoCircle, IconSignature } from '@tabler/icons-react';
import { roleLabel, rolesFor } from '../../../../../../src/server/auth/permissions.js';
import {
  type TCloseoutDetail,
  ZAcceptResponsibilityRequest,
} from '../../../../../../src/server/closeouts/schema.js';
import { useCan, useSession } from '../../../../api/session.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { formatMoment, localInputToMoment, momentToLocalInput } from '../../../../format.js';
import { PermissionNote } from '../PermissionNote.js';
import { StageSection } from '../panels/StageSection.js';
import { clientPeople } from './client-people.js';
import { useCloseoutForm } from './closeout-form.js';

type AcceptanceValues = { acceptedByName: string; acceptedByTitle: string; effectiveFrom: string };

function AcceptanceForm({ closeout }: { closeout: TCloseoutDetail }) {
  const people = clientPeople(closeout);
  const { form, onSubmit, problem, pending } = useCloseoutForm<AcceptanceValues>({
    closeout,
    path: 'accept-responsibility',
    success: "The client's acceptance of responsibility is recorded.",
    initialValues: {
      acceptedByName: '',
      acceptedByTitle: '',
      effectiveFrom: momentToLocalInput(new Date().toISOString()),
    },
    schema: ZAcceptResponsibilityRequest,
    toBody: (values) => ({
      acceptedByName: values.acceptedByName.trim(),
      acceptedByTitle: values.acceptedByTitle.trim(),
      effectiveFrom: values.effectiveFrom === '' ? '' : localInputToMoment(values.effectiveFrom),
    }),
    check: ({ effectiveFrom }) =>
      effectiveFrom === '' ? { effectiveFrom: 'Say from when the client is responsible.' } : {},
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record the acceptance of responsibility">
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <Autocomplete
            label="Signed by"
            description="The client's decision maker who signed."
            data={people}
            withAsterisk
            {...form.getInputProps('acceptedByName')}
          />
          <TextInput
            label="Their title"
            placeholder="e.g. Practice Manager"
            withAsterisk
            {...form.getInputProps('acceptedByTitle')}
          />
        </Group>
        <TextInput
          type="datetime-local"
          label="Responsible from"
          description="The moment system administration passes to the client, as the signed document states."
          withAsterisk
          w={280}
          {...form.getInputProps('effectiveFrom')}
        />
        <ProblemAlert error={problem} />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconSignature size={16} />} loading={pending}>
            Record the signed acceptance
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The client's signed acceptance of system-administration responsibility. */
export function ResponsibilityAcceptance({
  closeout,
  editable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
  gateKeys: string[];
}) {
  const allowed = useCan('closeout.record_acceptance');
  const { data } = useSession();
  const provider = data?.organisation.name ?? 'the provider';
  const roleNames = data?.organisation.personalisation.roleNames ?? {};
  const recorders = rolesFor('closeout.record_acceptance')
    .map((role) => roleLabel(role, roleNames))
    .join(' or ');
  const acceptance = closeout.responsibilityAcceptance;
  return (
    <StageSection
      title="Acceptance of responsibility"
      description={`From the moment it takes effect, ${closeout.client.name} administers its own systems, no longer ${provider}.`}
      done={acceptance !== null}
      gateKeys={gateKeys}
      closeout={closeout}
    >
      {acceptance !== null ? (
        <Stack gap={2}>
          <Text size="sm">
            Signed by{' '}
            <Text span fw={600}>
              {acceptance.acceptedByName}
            </Text>
            , {acceptance.acceptedByTitle}; responsible from{' '}
            {formatMoment(acceptance.effectiveFrom)}.
          </Text>
          <Text size="xs" c="dimmed">
            Recorded by {acceptance.recordedBy} · {formatMoment(acceptance.acceptedAt)}
          </Text>
        </Stack>
      ) : !editable ? (
        <Text size="sm" c="dimmed">
          Not signed yet.
        </Text>
      ) : (
        <Stack gap="sm">
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            This records the client's signed acceptance; it does not ask for it. Until the client
            signs in the client portal, a {recorders} records the signed document here, and the
            record names who recorded it.
          </Alert>
          {allowed ? (
            <AcceptanceForm closeout={closeout} />
          ) : (
            <PermissionNote permission="closeout.record_acceptance" />
          )}
        </Stack>
      )}
    </StageSection>
  );
}
