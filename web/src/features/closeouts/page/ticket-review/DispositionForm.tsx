import { Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import {
  type TCloseoutDetail,
  ZTicketDispositionsRequest,
} from '../../../../../../src/server/closeouts/schema.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { GuardedButton } from '../GuardedButton.js';
import { useCloseoutForm } from '../session/closeout-form.js';
import { dispositionItem } from './dispositions.js';
import type { TTicketReview } from './ticket-query.js';

type DispositionValues = {
  disposition: '' | 'complete' | 'cancel';
  reason: string;
  handoverNote: string;
};

const CHOICES = [
  {
    value: 'complete',
    label: 'Complete',
    description: 'Work it to completion before the termination date.',
  },
  {
    value: 'cancel',
    label: 'Cancel',
    description:
      'Close it unfinished, with the client’s agreement and a note for whoever takes over.',
  },
] as const;

/** The disposition of one ticket, with its reason and the note for whoever takes over. */
export function DispositionForm({
  closeout,
  review,
}: {
  closeout: TCloseoutDetail;
  review: TTicketReview;
}) {
  const { form, onSubmit, problem, pending } = useCloseoutForm<DispositionValues>({
    closeout,
    path: 'ticket-dispositions',
    success: `Disposition of ${review.ticketNumber} saved.`,
    initialValues: {
      disposition: review.disposition ?? '',
      reason: review.reason,
      handoverNote: review.handoverNote,
    },
    schema: ZTicketDispositionsRequest,
    toBody: (values) => ({ dispositions: [dispositionItem(review, values)] }),
    fieldName: (field) => field.replace(/^dispositions\.\d+\./, ''),
    check: (values) => {
      if (values.disposition === '') return { disposition: 'Choose complete or cancel.' };
      if (values.disposition === 'cancel' && values.reason.trim() === '') {
        return { reason: 'Say why the ticket is cancelled.' };
      }
      return {};
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Disposition of ${review.ticketNumber}`}>
      <Stack gap="sm">
        <Radio.Group label="Disposition" withAsterisk {...form.getInputProps('disposition')}>
          <Stack gap="xs" mt={6}>
            {CHOICES.map((choice) => (
              <Radio.Card key={choice.value} value={choice.value} p="sm" radius="md">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <Stack gap={0}>
                    <Text component="span" fw={600} size="sm">
                      {choice.label}
                    </Text>
                    <Text component="span" c="dimmed" size="xs">
                      {choice.description}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Reason"
          description={
            form.values.disposition === 'cancel'
              ? 'Required when a ticket is cancelled.'
              : undefined
          }
          withAsterisk={form.values.disposition === 'cancel'}
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
        <Textarea
          label="Handover note"
          description="For whoever takes over: what is left to do and where things stand."
          autosize
          minRows={2}
          {...form.getInputProps('handoverNote')}
        />
        <ProblemAlert error={problem} />
        <Group justify="flex-end">
          <GuardedButton permission="closeout.ticket_disposition" type="submit" loading={pending}>
            Save disposition
          </GuardedButton>
        </Group>
      </Stack>
    </form>
  );
}
