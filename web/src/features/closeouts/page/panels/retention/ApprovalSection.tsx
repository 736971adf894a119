import { Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type TCloseoutDetail,
  ZNoteRequest,
} from '../../../../../../../src/server/closeouts/schema.js';
import { useCan } from '../../../../../api/session.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { formatMoment } from '../../../../../format.js';
import { zodValidate } from '../../../../../forms/zod-form.js';
import { GuardedButton } from '../../GuardedButton.js';
import { useActionForm } from '../../use-action-form.js';
import { StageSection } from '../StageSection.js';

/** A provider-initiated termination goes ahead only with an Executive's approval. */
export function ApprovalSection({
  closeout,
  decidable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  decidable: boolean;
  gateKeys: string[];
}) {
  const canApprove = useCan('closeout.approve_termination');
  const { retention } = closeout;
  const approved = retention.approvedAt !== null;
  return (
    <StageSection
      title="Executive approval"
      description="Ending a client's agreement on our side needs an Executive's approval."
      done={approved}
      gateKeys={gateKeys}
      closeout={closeout}
    >
      {approved ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Approved by {retention.approvedBy ?? 'an Executive'}
          </Text>
          <Text size="xs" c="dimmed">
            {formatMoment(retention.approvedAt)}
          </Text>
          {retention.approvalNote !== '' && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {retention.approvalNote}
            </Text>
          )}
        </Stack>
      ) : decidable && canApprove ? (
        <ApprovalForm closeout={closeout} />
      ) : (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            Waiting for an Executive to approve the termination.
          </Text>
          {decidable && (
            <GuardedButton permission="closeout.approve_termination" variant="light">
              Approve the termination
            </GuardedButton>
          )}
        </Stack>
      )}
    </StageSection>
  );
}

function ApprovalForm({ closeout }: { closeout: TCloseoutDetail }) {
  const form = useForm({ initialValues: { note: '' }, validate: zodValidate(ZNoteRequest) });
  const action = useActionForm(closeout, form);
  const submit = form.onSubmit((values) =>
    action.send({
      path: 'approve-termination',
      body: values,
      success: 'The termination is approved.',
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" align="flex-start">
        <Textarea
          label="Approval note"
          description="Optional: conditions or context for the record."
          autosize
          minRows={2}
          w="100%"
          {...form.getInputProps('note')}
        />
        <ProblemAlert error={action.problem} />
        <GuardedButton
          permission="closeout.approve_termination"
          type="submit"
          loading={action.pending}
        >
          Approve the termination
        </GuardedButton>
      </Stack>
    </form>
  );
}
