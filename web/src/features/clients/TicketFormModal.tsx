import { Grid, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type TTicketStatus, ZCreateTicketRequest } from '../../../../src/server/tickets/schema.js';
import { useCreateTicket } from '../../api/clients.js';
import { FormModal } from '../../components/FormModal.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { localInputToMoment, momentToLocalInput } from '../../format.js';
import { options, TICKET_STATUS_LABELS } from '../../labels.js';
import { requestValidator } from './form-values.js';

type TicketValues = {
  number: string;
  title: string;
  priority: string;
  status: TTicketStatus;
  openedAt: string;
};

const toRequest = (clientId: string) => (values: TicketValues) => ({
  clientId,
  ...values,
  openedAt: values.openedAt === '' ? '' : localInputToMoment(values.openedAt),
});

/** A ticket entered by hand, e.g. one the PSA import has not brought yet. */
export function TicketFormModal({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const create = useCreateTicket();
  const form = useForm<TicketValues>({
    initialValues: {
      number: '',
      title: '',
      priority: 'normal',
      status: 'open',
      openedAt: momentToLocalInput(new Date().toISOString()),
    },
    validate: requestValidator(ZCreateTicketRequest, toRequest(clientId)),
  });
  const submit = useFormSubmit(form, {
    send: (values) => create.mutateAsync(ZCreateTicketRequest.parse(toRequest(clientId)(values))),
    notice: (ticket) => `Ticket ${ticket.number} was added.`,
    afterSave: onClose,
  });
  return (
    <FormModal title="Add a ticket" submitLabel="Add ticket" {...submit} onClose={onClose}>
      <Grid>
        <Grid.Col span={{ base: 12, xs: 4 }}>
          <TextInput
            label="Number"
            placeholder="e.g. T-1042"
            withAsterisk
            data-autofocus
            {...form.getInputProps('number')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 8 }}>
          <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
        </Grid.Col>
      </Grid>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <TextInput label="Priority" withAsterisk {...form.getInputProps('priority')} />
        <Select
          label="Status"
          data={options(TICKET_STATUS_LABELS)}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
        <TextInput
          type="datetime-local"
          label="Opened"
          withAsterisk
          {...form.getInputProps('openedAt')}
        />
      </SimpleGrid>
    </FormModal>
  );
}
