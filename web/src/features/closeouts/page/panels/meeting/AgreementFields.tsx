import { Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { options, TRANSITION_CONTACT_LABELS } from '../../../../../labels.js';
import type { RecordValues } from './meeting-values.js';

/** What the meeting agreed: the dates, the tickets, what the client receives, billing, who takes over. */
export function AgreementFields({ form }: { form: UseFormReturnType<RecordValues> }) {
  const contactKind = form.values.agreement.transitionContact.kind;
  return (
    <Stack gap="md">
      <Text fw={600} size="sm">
        What was agreed
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Termination date"
          type="date"
          withAsterisk
          {...form.getInputProps('agreement.terminationDate')}
        />
        <TextInput
          label="Deactivation session"
          description="On or before the termination date"
          type="datetime-local"
          withAsterisk
          {...form.getInputProps('agreement.deactivationSessionAt')}
        />
      </SimpleGrid>
      <Textarea
        label="How open tickets are handled"
        placeholder="e.g. Tickets already in progress are completed; the rest are cancelled with a handover note for the incoming provider."
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('agreement.ticketHandling')}
      />
      <Textarea
        label="What the client receives"
        placeholder="e.g. Admin credentials for every managed system, a copy of the backup data with checksum and encryption keys, the documentation export."
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('agreement.deliverables')}
      />
      <Textarea
        label="Final billing"
        placeholder="e.g. Billing stops on the termination date; the final invoice follows within 5 business days."
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('agreement.finalBilling')}
      />
      <Radio.Group
        label="Who takes over system administration"
        withAsterisk
        {...form.getInputProps('agreement.transitionContact.kind')}
      >
        <Group gap="lg" mt="xs">
          {options(TRANSITION_CONTACT_LABELS).map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Transition contact"
          placeholder="Name"
          withAsterisk
          {...form.getInputProps('agreement.transitionContact.name')}
        />
        <TextInput
          label={contactKind === 'incoming_provider' ? 'Provider' : 'Organisation'}
          placeholder={contactKind === 'incoming_provider' ? 'The incoming provider' : 'Optional'}
          {...form.getInputProps('agreement.transitionContact.organisation')}
        />
        <TextInput
          label="Contact email"
          type="email"
          {...form.getInputProps('agreement.transitionContact.email')}
        />
        <TextInput
          label="Contact phone"
          type="tel"
          {...form.getInputProps('agreement.transitionContact.phone')}
        />
      </SimpleGrid>
    </Stack>
  );
}
