import { Anchor, SimpleGrid, Stack } from '@mantine/core';
import type { TPortalCloseout } from '../../../../src/server/portal/schema.js';
import { EmptyState } from '../../components/QueryState.js';
import { formatDay, formatMoment } from '../../format.js';
import { Fact } from './Fact.js';
import { PortalSection } from './PortalSection.js';

const ORGANISATION_LABELS = {
  client: 'you',
  provider: 'your provider',
  incoming_provider: 'the incoming provider',
} as const;

/** The closeout meeting: when and where, who came, and what it agreed. */
export function MeetingSection({ closeout }: { closeout: TPortalCloseout }) {
  const { meeting } = closeout;
  return (
    <PortalSection title="Closeout meeting" description="Where the end of the service is agreed.">
      {meeting.scheduledAt === null && meeting.heldAt === null ? (
        <EmptyState title="Not scheduled yet">
          Your provider will propose a date for the closeout meeting.
        </EmptyState>
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={meeting.heldAt === null ? 'Scheduled for' : 'Held on'}>
              {formatMoment(meeting.heldAt ?? meeting.scheduledAt)}
            </Fact>
            <Fact label="Location">{meeting.location === '' ? '—' : meeting.location}</Fact>
            {meeting.attendees.length > 0 && (
              <Fact label="Attendees">
                {meeting.attendees
                  .map(
                    (attendee) =>
                      `${attendee.name} (${ORGANISATION_LABELS[attendee.organisation]})`,
                  )
                  .join(', ')}
              </Fact>
            )}
          </SimpleGrid>
          {meeting.agenda !== '' && <Fact label="Agenda">{meeting.agenda}</Fact>}
          {meeting.minutes !== '' && <Fact label="Minutes">{meeting.minutes}</Fact>}
          {meeting.agreement !== null && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Fact label="Termination date">{formatDay(meeting.agreement.terminationDate)}</Fact>
              <Fact label="Deactivation session">
                {formatMoment(meeting.agreement.deactivationSessionAt)}
              </Fact>
              <Fact label="Open tickets">{meeting.agreement.ticketHandling}</Fact>
              <Fact label="What you receive">{meeting.agreement.deliverables}</Fact>
              <Fact label="Final billing">{meeting.agreement.finalBilling}</Fact>
              <Fact label="Who takes over">
                {meeting.agreement.transitionContact.name}
                {meeting.agreement.transitionContact.organisation !== null &&
                  `, ${meeting.agreement.transitionContact.organisation}`}
                {meeting.agreement.transitionContact.email !== null && (
                  <>
                    {' · '}
                    <Anchor
                      href={`mailto:${meeting.agreement.transitionContact.email}`}
                      size="sm"
                      underline="always"
                    >
                      {meeting.agreement.transitionContact.email}
                    </Anchor>
                  </>
                )}
              </Fact>
            </SimpleGrid>
          )}
        </Stack>
      )}
    </PortalSection>
  );
}
