import { Blockquote, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSignature } from '@tabler/icons-react';
import {
  type TPortalCloseout,
  ZSignResponsibilityRequest,
} from '../../../../src/server/portal/schema.js';
import {
  portalReceiptUrl,
  signResponsibility,
  useResponsibilityStatement,
} from '../../api/portal.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ErrorState, LoadingState } from '../../components/QueryState.js';
import { formatMoment, localInputToMoment, momentToLocalInput } from '../../format.js';
import { PortalSection } from './PortalSection.js';
import { usePortalForm } from './portal-form.js';

/**
 * The client's signature of the transfer of responsibility for its systems: the exact statement,
 * the signer's typed name and title, consent and the moment it takes effect. Afterwards, who
 * signed when, and the signed receipt.
 */
export function ResponsibilitySection({ closeout }: { closeout: TPortalCloseout }) {
  const { responsibility } = closeout;
  return (
    <PortalSection
      title="Transfer of responsibility"
      description="Your signature that, from an agreed moment, you are responsible for your systems' administration."
    >
      {responsibility !== null ? (
        <Stack gap="xs">
          <Text size="sm">
            Signed by <strong>{responsibility.acceptedByName}</strong> (
            {responsibility.acceptedByTitle}) on {formatMoment(responsibility.acceptedAt)}
            {', '}effective from {formatMoment(responsibility.effectiveFrom)}.
          </Text>
          {responsibility.signedInPortal !== null && (
            <Text size="sm" c="dimmed">
              Signed in this portal as {responsibility.signedInPortal.email}.
            </Text>
          )}
          {responsibility.receiptAvailable && (
            <Button
              component="a"
              href={portalReceiptUrl(closeout.id)}
              download
              variant="light"
              leftSection={<IconDownload size={16} />}
              w="fit-content"
            >
              Download receipt (PDF)
            </Button>
          )}
        </Stack>
      ) : closeout.can.signResponsibility ? (
        <SignForm closeout={closeout} />
      ) : (
        <Text size="sm" c="dimmed">
          You sign once the credentials and the backup copy are handed over; your provider will let
          you know.
        </Text>
      )}
    </PortalSection>
  );
}

type SignValues = { fullName: string; title: string; consent: boolean; effectiveFrom: string };

function SignForm({ closeout }: { closeout: TPortalCloseout }) {
  const statement = useResponsibilityStatement(closeout.id, true);
  const { form, onSubmit, problem, pending } = usePortalForm<SignValues>({
    closeout,
    path: signResponsibility({
      fullName: '',
      title: '',
      consent: true,
      effectiveFrom: '',
    }).path,
    success: 'You signed the transfer of responsibility.',
    initialValues: {
      fullName: '',
      title: '',
      consent: false,
      effectiveFrom: momentToLocalInput(
        closeout.deactivationSessionAt !== null &&
          Date.parse(closeout.deactivationSessionAt) > Date.now()
          ? closeout.deactivationSessionAt
          : new Date().toISOString(),
      ),
    },
    schema: ZSignResponsibilityRequest,
    toBody: (values) => ({
      fullName: values.fullName,
      title: values.title,
      consent: values.consent,
      effectiveFrom: values.effectiveFrom === '' ? '' : localInputToMoment(values.effectiveFrom),
    }),
  });

  if (statement.isPending) return <LoadingState label="Loading the statement…" />;
  if (statement.data === undefined) {
    return <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />;
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign the transfer of responsibility">
      <Stack gap="md">
        <Blockquote color="brand" p="md">
          <Text size="sm">{statement.data.statement}</Text>
        </Blockquote>
        <ProblemAlert error={problem} title="Not signed" />
        <Group grow align="flex-start" wrap="wrap" gap="md">
          <TextInput
            label="Your full name"
            autoComplete="name"
            required
            miw={220}
            {...form.getInputProps('fullName')}
          />
          <TextInput
            label="Your title"
            description={`Your role at ${statement.data.clientName}.`}
            autoComplete="organization-title"
            required
            miw={220}
            {...form.getInputProps('title')}
          />
        </Group>
        <TextInput
          type="datetime-local"
          label="Effective from"
          description="The moment from which you are responsible. It cannot be in the past."
          required
          maw={280}
          {...form.getInputProps('effectiveFrom')}
        />
        <Checkbox
          label={`I have read the statement above and sign it on behalf of ${statement.data.clientName}.`}
          {...form.getInputProps('consent', { type: 'checkbox' })}
        />
        <Button
          type="submit"
          loading={pending}
          leftSection={<IconSignature size={16} />}
          w="fit-content"
        >
          Sign
        </Button>
      </Stack>
    </form>
  );
}
