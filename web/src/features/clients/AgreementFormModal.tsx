import { NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import {
  type TAgreement,
  ZCreateAgreementRequest,
  ZUpdateAgreementRequest,
} from '../../../../src/server/clients/schema.js';
import { FormModal } from '../../components/FormModal.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { today } from '../../format.js';
import { AGREEMENT_STATUS_LABELS, options } from '../../labels.js';
import { blankToNull, numberOrUndefined } from './form-values.js';
import { useClientRecordForm } from './use-client-record-form.js';

type AgreementValues = {
  name: string;
  monthlyRecurringRevenue: number | string;
  startDate: string;
  termEndDate: string;
  noticePeriodDays: number | string;
  status: TAgreement['status'];
  endedOn: string;
};

const toRequest = (values: AgreementValues) => ({
  name: values.name,
  monthlyRecurringRevenue: numberOrUndefined(values.monthlyRecurringRevenue),
  startDate: values.startDate,
  termEndDate: blankToNull(values.termEndDate),
  noticePeriodDays: numberOrUndefined(values.noticePeriodDays),
  status: values.status,
  // A running agreement has no end day, whatever was typed before switching it back.
  endedOn: values.status === 'ended' ? blankToNull(values.endedOn) : null,
});

export function AgreementFormModal({
  clientId,
  agreement,
  onClose,
}: {
  clientId: string;
  /** null to add an agreement. */
  agreement: TAgreement | null;
  onClose: () => void;
}) {
  const { form, submit } = useClientRecordForm<'agreements', AgreementValues>({
    clientId,
    kind: 'agreements',
    recordId: agreement?.id,
    initialValues: {
      name: agreement?.name ?? '',
      monthlyRecurringRevenue: agreement?.monthlyRecurringRevenue ?? '',
      startDate: agreement?.startDate ?? today(),
      termEndDate: agreement?.termEndDate ?? '',
      noticePeriodDays: agreement?.noticePeriodDays ?? 30,
      status: agreement?.status ?? 'active',
      endedOn: agreement?.endedOn ?? '',
    },
    schemas: { create: ZCreateAgreementRequest, update: ZUpdateAgreementRequest },
    toRequest,
    saved: agreement === null ? 'The agreement was added.' : 'The agreement was saved.',
    onClose,
  });
  const ended = form.values.status === 'ended';
  return (
    <FormModal
      title={agreement === null ? 'Add an agreement' : `Edit ${agreement.name}`}
      submitLabel={agreement === null ? 'Add agreement' : 'Save'}
      {...submit}
      onClose={onClose}
    >
      <TextInput
        label="Name"
        placeholder="e.g. Managed services – Gold"
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <MoneyInput
          label="Monthly recurring revenue"
          withAsterisk
          {...form.getInputProps('monthlyRecurringRevenue')}
        />
        <NumberInput
          label="Notice period"
          description="Days the client must give"
          withAsterisk
          min={0}
          max={730}
          allowDecimal={false}
          suffix=" days"
          {...form.getInputProps('noticePeriodDays')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput type="date" label="Start" withAsterisk {...form.getInputProps('startDate')} />
        <TextInput
          type="date"
          label="Fixed term ends"
          description="Leave empty for a rolling agreement"
          {...form.getInputProps('termEndDate')}
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="agreement-status-label">
          Status
        </Text>
        <SegmentedControl
          aria-labelledby="agreement-status-label"
          data={options(AGREEMENT_STATUS_LABELS)}
          {...form.getInputProps('status')}
        />
      </Stack>
      {ended && (
        <TextInput type="date" label="Ended on" withAsterisk {...form.getInputProps('endedOn')} />
      )}
    </FormModal>
  );
}
