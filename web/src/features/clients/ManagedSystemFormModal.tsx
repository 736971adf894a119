import { Select, Textarea, TextInput } from '@mantine/core';
import {
  type TManagedSystem,
  ZCreateManagedSystemRequest,
  ZUpdateManagedSystemRequest,
} from '../../../../src/server/clients/schema.js';
import { FormModal } from '../../components/FormModal.js';
import { CATEGORY_OPTIONS, isKnownCategory } from './managed-system-category.js';
import { useClientRecordForm } from './use-client-record-form.js';

type ManagedSystemValues = { name: string; category: string; description: string };

const toRequest = (values: ManagedSystemValues) => values;

export function ManagedSystemFormModal({
  clientId,
  system,
  onClose,
}: {
  clientId: string;
  /** null to add a managed system. */
  system: TManagedSystem | null;
  onClose: () => void;
}) {
  // An import may have brought a category this product does not know: ask for one of its own.
  const knownCategory = isKnownCategory(system?.category);
  const { form, submit } = useClientRecordForm({
    clientId,
    kind: 'managed-systems',
    recordId: system?.id,
    initialValues: {
      name: system?.name ?? '',
      category: knownCategory ? (system?.category ?? '') : '',
      description: system?.description ?? '',
    },
    schemas: { create: ZCreateManagedSystemRequest, update: ZUpdateManagedSystemRequest },
    toRequest,
    saved: system === null ? 'The managed system was added.' : 'The managed system was saved.',
    onClose,
  });
  return (
    <FormModal
      title={system === null ? 'Add a managed system' : `Edit ${system.name}`}
      submitLabel={system === null ? 'Add system' : 'Save'}
      {...submit}
      onClose={onClose}
    >
      <TextInput
        label="Name"
        placeholder="e.g. Microsoft 365 tenant"
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select
        label="Category"
        description={
          system !== null && !knownCategory
            ? `Imported as “${system.category}”: choose the category it belongs to.`
            : 'Decides which administration credential the hand-over lists for it.'
        }
        withAsterisk
        data={CATEGORY_OPTIONS}
        allowDeselect={false}
        searchable
        {...form.getInputProps('category')}
      />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        maxRows={8}
        {...form.getInputProps('description')}
      />
    </FormModal>
  );
}
