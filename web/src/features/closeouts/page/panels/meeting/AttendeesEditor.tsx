import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { ATTENDEE_ORGANISATION_LABELS, options } from '../../../../../labels.js';
import { emptyAttendee, type RecordValues } from './meeting-values.js';

/** Who attended: a row per person, with the side they were on. */
export function AttendeesEditor({ form }: { form: UseFormReturnType<RecordValues> }) {
  const { attendees } = form.values;
  const listError = form.errors.attendees;
  const labelId = useId();
  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId}>
      <Text size="sm" fw={500} id={labelId}>
        Attendees{' '}
        <Text span c="red" inherit aria-hidden>
          *
        </Text>
      </Text>
      {attendees.map((_attendee, index) => {
        const number = index + 1;
        return (
          // Rows have no identity of their own; their position is what the API's errors name.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={`Attendee ${number}: name`}
              placeholder="Name"
              style={{ flex: 2 }}
              {...form.getInputProps(`attendees.${index}.name`)}
            />
            <TextInput
              aria-label={`Attendee ${number}: email`}
              placeholder="Email (optional)"
              type="email"
              style={{ flex: 2 }}
              {...form.getInputProps(`attendees.${index}.email`)}
            />
            <NativeSelect
              aria-label={`Attendee ${number}: organisation`}
              data={options(ATTENDEE_ORGANISATION_LABELS)}
              style={{ flex: 1.4 }}
              {...form.getInputProps(`attendees.${index}.organisation`)}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Remove attendee ${number}`}
              disabled={attendees.length === 1}
              onClick={() => form.removeListItem('attendees', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      {listError !== undefined && (
        <Text size="xs" c="red">
          {listError}
        </Text>
      )}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('attendees', emptyAttendee('client'))}
        >
          Add an attendee
        </Button>
      </Group>
    </Stack>
  );
}
