import { Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { ZTicketDispositionsRequest } from '../../../../../../src/server/closeouts/schema.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { options, TICKET_DISPOSITION_LABELS } from '../../../../labels.js';
import { GuardedButton } from '../GuardedButton.js';
import { useCloseoutForm } from '../session/closeout-form.js';
import { dispositionItem } from './dispositions.js';
import type { TTicketReview } from './ticket-query.js';

type BulkValues = { disposition: 'complete' | 'cancel'; reason: string };

/**
 * Gives every selected ticket the same disposition in one request, so the whole batch applies or
 * none of it does.
 */
export function BulkDispositionBar({
  closeout,
  selected,
  onDone,
  onClear,
}: {
  closeout: TCloseoutDetail;
  selected: TTicketReview[];
  onDone: () => void;
  onClear: () => void;
}) {
  const count = selected.length;
  const { form, onSubmit, problem, pending } = useCloseoutForm<BulkValues>({
    closeout,
    path: 'ticket-dispositions',
    success: `Disposition set for ${count} ${count === 1 ? 'ticket' : 'tickets'}.`,
    initialValues: { disposition: 'complete', reason: '' },
    schema: ZTicketDispositionsRequest,
    toBody: (values) => ({
      dispositions: selected.map((review) =>
        dispositionItem(review, { ...values, handoverNote: review.handoverNote }),
      ),
    }),
    fieldName: (field) => field.replace(/^dispositions\.\d+\./, ''),
    check: (values) =>
      values.disposition === 'cancel' && values.reason.trim() === ''
        ? { reason: 'Say why these tickets are cancelled.' }
        : {},
    onDone,
  });
  return (
    <Paper withBorder p="sm" bg="var(--mantine-primary-color-light)">
      <form onSubmit={onSubmit} aria-label="Bulk disposition" noValidate>
        <Stack gap="xs">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Text fw={600} size="sm" mb={8} aria-live="polite">
              {count} selected
            </Text>
            <SegmentedControl
              aria-label="Disposition for the selected tickets"
              data={options(TICKET_DISPOSITION_LABELS)}
              {...form.getInputProps('disposition')}
            />
            <TextInput
              label="Reason"
              placeholder={
                form.values.disposition === 'cancel'
                  ? 'Why they are cancelled (required)'
                  : 'Optional'
              }
              style={{ flex: 1, minWidth: 220 }}
              {...form.getInputProps('reason')}
            />
            <GuardedButton permission="closeout.ticket_disposition" type="submit" loading={pending}>
              Apply to {count} {count === 1 ? 'ticket' : 'tickets'}
            </GuardedButton>
            <Button variant="subtle" color="gray" onClick={onClear}>
              Clear selection
            </Button>
          </Group>
          <ProblemAlert error={problem} />
        </Stack>
      </form>
    </Paper>
  );
}
