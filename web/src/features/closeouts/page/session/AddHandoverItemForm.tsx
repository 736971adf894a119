import { Autocomplete, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import {
  type TCloseoutDetail,
  ZAddHandoverItemsRequest,
} from '../../../../../../src/server/closeouts/schema.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { useCloseoutForm } from './closeout-form.js';

type ItemValues = { systemName: string; credentialLabel: string; notes: string };

/** A credential to hand over that no managed system stands for (a registrar, a vendor portal). */
export function AddHandoverItemForm({
  closeout,
  systems,
  onClose,
}: {
  closeout: TCloseoutDetail;
  systems: string[];
  onClose: () => void;
}) {
  const { form, onSubmit, problem, pending } = useCloseoutForm<ItemValues>({
    closeout,
    path: 'handover-items',
    success: 'Handover item added.',
    initialValues: { systemName: '', credentialLabel: '', notes: '' },
    schema: ZAddHandoverItemsRequest,
    toBody: (values) => ({
      items: [
        {
          managedSystemId: null,
          systemName: values.systemName.trim(),
          credentialLabel: values.credentialLabel.trim(),
          notes: values.notes.trim(),
        },
      ],
    }),
    fieldName: (field) => field.replace(/^items\.0\./, ''),
    onDone: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a handover item">
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <Autocomplete
            label="System"
            placeholder="e.g. Microsoft 365"
            data={systems}
            withAsterisk
            data-autofocus
            {...form.getInputProps('systemName')}
          />
          <TextInput
            label="Credential"
            placeholder="e.g. Global administrator account"
            withAsterisk
            {...form.getInputProps('credentialLabel')}
          />
        </Group>
        <Textarea
          label="Notes"
          description="Where the credential is kept and anything the client needs to know. Never the secret itself."
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
        <ProblemAlert error={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Add item
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
