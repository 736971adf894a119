import { Checkbox, Group, SimpleGrid, TextInput } from '@mantine/core';
import {
  type TContact,
  ZCreateContactRequest,
  ZUpdateContactRequest,
} from '../../../../src/server/clients/schema.js';
import { FormModal } from '../../components/FormModal.js';
import { blankToNull } from './form-values.js';
import { useClientRecordForm } from './use-client-record-form.js';

type ContactValues = {
  name: string;
  title: string;
  email: string;
  phone: string;
  isDecisionMaker: boolean;
  isTechnicalContact: boolean;
};

const toRequest = (values: ContactValues) => ({
  ...values,
  email: blankToNull(values.email),
  phone: blankToNull(values.phone),
});

export function ContactFormModal({
  clientId,
  contact,
  onClose,
}: {
  clientId: string;
  /** null to add a contact. */
  contact: TContact | null;
  onClose: () => void;
}) {
  const { form, submit } = useClientRecordForm({
    clientId,
    kind: 'contacts',
    recordId: contact?.id,
    initialValues: {
      name: contact?.name ?? '',
      title: contact?.title ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      isDecisionMaker: contact?.isDecisionMaker ?? false,
      isTechnicalContact: contact?.isTechnicalContact ?? false,
    },
    schemas: { create: ZCreateContactRequest, update: ZUpdateContactRequest },
    toRequest,
    saved: contact === null ? 'The contact was added.' : 'The contact was saved.',
    onClose,
  });
  return (
    <FormModal
      title={contact === null ? 'Add a contact' : `Edit ${contact.name}`}
      submitLabel={contact === null ? 'Add contact' : 'Save'}
      {...submit}
      onClose={onClose}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="Job title"
          placeholder="e.g. Office manager"
          {...form.getInputProps('title')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput label="Email" type="email" {...form.getInputProps('email')} />
        <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
      </SimpleGrid>
      <Group gap="xl">
        <Checkbox
          label="Decision maker"
          description="Signs off the closeout and its documents"
          {...form.getInputProps('isDecisionMaker', { type: 'checkbox' })}
        />
        <Checkbox
          label="Technical contact"
          description="Receives credentials and the hand-over"
          {...form.getInputProps('isTechnicalContact', { type: 'checkbox' })}
        />
      </Group>
    </FormModal>
  );
}
