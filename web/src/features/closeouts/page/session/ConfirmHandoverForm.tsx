import { Autocomplete, Button, Group, Stack } from '@mantine/core';
import {
  type TCloseoutDetail,
  ZConfirmHandoverRequest,
} from '../../../../../../src/server/closeouts/schema.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { clientPeople } from './client-people.js';
import { useCloseoutForm } from './closeout-form.js';

type THandoverItem = TCloseoutDetail['handoverItems'][number];

/** Records, on the client's behalf, that the client verified access with a credential. */
export function ConfirmHandoverForm({
  closeout,
  item,
  onClose,
}: {
  closeout: TCloseoutDetail;
  item: THandoverItem;
  onClose: () => void;
}) {
  const people = clientPeople(closeout);
  const { form, onSubmit, problem, pending } = useCloseoutForm<{ confirmedBy: string }>({
    closeout,
    path: `handover-items/${item.id}/confirm`,
    success: `${item.systemName}: the client's confirmation is recorded.`,
    initialValues: { confirmedBy: people[0] ?? '' },
    schema: ZConfirmHandoverRequest,
    toBody: ({ confirmedBy }) => ({ confirmedBy: confirmedBy.trim() }),
    onDone: onClose,
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Client confirmation of ${item.credentialLabel}`}
    >
      <Stack gap="xs">
        <Autocomplete
          label="Confirmed by"
          description="The client's person who verified access with the credential."
          data={people}
          withAsterisk
          data-autofocus
          {...form.getInputProps('confirmedBy')}
        />
        <ProblemAlert error={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="xs" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" size="xs" color="teal" loading={pending}>
            Record confirmation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
