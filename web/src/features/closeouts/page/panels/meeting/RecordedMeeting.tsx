import { Badge, Group, SimpleGrid, Spoiler, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TCloseoutDetail } from '../../../../../../../src/server/closeouts/schema.js';
import { formatDay, formatMoment } from '../../../../../format.js';
import { ATTENDEE_ORGANISATION_LABELS, TRANSITION_CONTACT_LABELS } from '../../../../../labels.js';

/** The meeting as recorded: who was there, the minutes and what was agreed. */
export function RecordedMeeting({ closeout }: { closeout: TCloseoutDetail }) {
  const { meeting } = closeout;
  const { agreement } = meeting;
  if (meeting.heldAt === null) {
    return (
      <Text size="sm" c="dimmed">
        Not held yet.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm">
        Held{' '}
        <Text span fw={600} inherit>
          {formatMoment(meeting.heldAt)}
        </Text>
      </Text>
      <Stack gap={4}>
        <Label>Attendees</Label>
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {meeting.attendees.map((attendee) => (
            <Group key={`${attendee.name}-${attendee.email}`} component="li" gap="xs">
              <Text size="sm">{attendee.name}</Text>
              {attendee.email !== null && (
                <Text size="xs" c="dimmed">
                  {attendee.email}
                </Text>
              )}
              <Badge size="xs" variant="light" color="gray">
                {ATTENDEE_ORGANISATION_LABELS[attendee.organisation]}
              </Badge>
            </Group>
          ))}
        </Stack>
      </Stack>
      {agreement !== null && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Item label="Termination date">{formatDay(agreement.terminationDate)}</Item>
          <Item label="Deactivation session">{formatMoment(agreement.deactivationSessionAt)}</Item>
          <Item label="Open tickets">{agreement.ticketHandling}</Item>
          <Item label="The client receives">{agreement.deliverables}</Item>
          <Item label="Final billing">{agreement.finalBilling}</Item>
          <Item
            label={`Transition: ${TRANSITION_CONTACT_LABELS[agreement.transitionContact.kind]}`}
          >
            {[
              agreement.transitionContact.name,
              agreement.transitionContact.organisation,
              agreement.transitionContact.email,
              agreement.transitionContact.phone,
            ]
              .filter((part) => part !== null && part !== '')
              .join(' · ')}
          </Item>
        </SimpleGrid>
      )}
      {meeting.minutes !== '' && (
        <Stack gap={4}>
          <Label>Minutes</Label>
          <Spoiler maxHeight={140} showLabel="Show all minutes" hideLabel="Show less">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {meeting.minutes}
            </Text>
          </Spoiler>
        </Stack>
      )}
    </Stack>
  );
}

function Label({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" fw={600} tt="uppercase">
      {children}
    </Text>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Label>{label}</Label>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}
