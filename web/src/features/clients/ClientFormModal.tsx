import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import {
  type TClientDetail,
  type TSource,
  ZCreateClientRequest,
  ZUpdateClientRequest,
} from '../../../../src/server/clients/schema.js';
import { useCreateClient, useUpdateClient } from '../../api/clients.js';
import { FormModal } from '../../components/FormModal.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { today } from '../../format.js';
import { options, SOURCE_LABELS } from '../../labels.js';
import { blankToNull, requestValidator } from './form-values.js';

type ClientValues = {
  name: string;
  clientSince: string;
  industry: string;
  notes: string;
  source: TSource;
  externalId: string;
};

const toRequest = (values: ClientValues) => ({
  ...values,
  externalId: blankToNull(values.externalId),
});

const valuesOf = (client: TClientDetail | null): ClientValues => ({
  name: client?.name ?? '',
  clientSince: client?.clientSince ?? today(),
  industry: client?.industry ?? '',
  notes: client?.notes ?? '',
  source: client?.source ?? 'manual',
  externalId: client?.externalId ?? '',
});

/** Adds a client (then shows it), or changes an existing client's own fields. */
export function ClientFormModal({
  client,
  onClose,
}: {
  /** null to add a new client. */
  client: TClientDetail | null;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const create = useCreateClient();
  const update = useUpdateClient(client?.id ?? '');
  const form = useForm<ClientValues>({
    initialValues: valuesOf(client),
    validate: requestValidator(
      client === null ? ZCreateClientRequest : ZUpdateClientRequest,
      toRequest,
    ),
  });
  const submit = useFormSubmit(form, {
    send: (values) =>
      client === null
        ? create.mutateAsync(toRequest(values))
        : update.mutateAsync(toRequest(values)),
    notice: (saved) => (client === null ? `${saved.name} was added.` : 'The client was saved.'),
    afterSave: (saved) => {
      onClose();
      if (client === null) void navigate(`/clients/${saved.id}`);
    },
  });

  return (
    <FormModal
      title={client === null ? 'New client' : `Edit ${client.name}`}
      submitLabel={client === null ? 'Add client' : 'Save'}
      {...submit}
      onClose={onClose}
    >
      <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          type="date"
          label="Client since"
          withAsterisk
          {...form.getInputProps('clientSince')}
        />
        <TextInput label="Industry" placeholder="e.g. Legal" {...form.getInputProps('industry')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Select
          label="Source"
          description="Where this client's record comes from"
          data={options(SOURCE_LABELS)}
          allowDeselect={false}
          {...form.getInputProps('source')}
        />
        <TextInput
          label="External id"
          description="The client's id in that source, if any"
          {...form.getInputProps('externalId')}
        />
      </SimpleGrid>
      <Textarea label="Notes" autosize minRows={3} maxRows={10} {...form.getInputProps('notes')} />
    </FormModal>
  );
}
