import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type TClientDetail, ZRecordReturnRequest } from '../../../../src/server/clients/schema.js';
import { useRecordReturn } from '../../api/clients.js';
import { FormModal } from '../../components/FormModal.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { formatMoment, today } from '../../format.js';
import { numberOrUndefined, requestValidator } from './form-values.js';

type ReturnValues = {
  agreementName: string;
  agreementSignedOn: string;
  monthlyRecurringRevenue: number | string;
};

const toRequest = (values: ReturnValues) => ({
  ...values,
  monthlyRecurringRevenue: numberOrUndefined(values.monthlyRecurringRevenue),
});

/**
 * A former client signed a new agreement: the agreement starts, the client is active again, and
 * the return counts for the closeout that ended the last relationship.
 */
export function RecordReturnModal({
  client,
  onClose,
}: {
  client: TClientDetail;
  onClose: () => void;
}) {
  const recordReturn = useRecordReturn(client.id);
  const form = useForm<ReturnValues>({
    initialValues: { agreementName: '', agreementSignedOn: today(), monthlyRecurringRevenue: '' },
    validate: requestValidator(ZRecordReturnRequest, toRequest),
  });
  const submit = useFormSubmit(form, {
    send: (values) => recordReturn.mutateAsync(ZRecordReturnRequest.parse(toRequest(values))),
    notice: () => ({
      title: `${client.name} is back`,
      message: 'The return is recorded and the new agreement has started.',
    }),
    afterSave: onClose,
  });
  const lastCloseout = client.closeouts[0];
  return (
    <FormModal
      title={`Record the return of ${client.name}`}
      submitLabel="Record return"
      {...submit}
      onClose={onClose}
    >
      {lastCloseout !== undefined && (
        <Text size="sm" c="dimmed">
          The return counts for {lastCloseout.reference}, which ended{' '}
          {formatMoment(lastCloseout.endedAt)}. The agreement starts on the day it was signed and
          makes {client.name} an active client again.
        </Text>
      )}
      <TextInput
        label="New agreement"
        placeholder="e.g. Managed services – Silver"
        withAsterisk
        data-autofocus
        {...form.getInputProps('agreementName')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          type="date"
          label="Signed on"
          withAsterisk
          max={today()}
          {...form.getInputProps('agreementSignedOn')}
        />
        <MoneyInput
          label="Monthly recurring revenue"
          withAsterisk
          {...form.getInputProps('monthlyRecurringRevenue')}
        />
      </SimpleGrid>
    </FormModal>
  );
}
