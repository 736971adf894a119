import { Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { formatMoment } from '../../../../format.js';
import { TICKET_DISPOSITION_LABELS } from '../../../../labels.js';
import { ClientResponseSection } from './ClientResponseSection.js';
import { DispositionForm } from './DispositionForm.js';
import { DispositionBadge, OutcomeBadge, ResponseBadge } from './TicketBadges.js';
import { TicketOutcomeSection } from './TicketOutcomeSection.js';
import type { TTicketReview } from './ticket-query.js';

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={3} fz="sm" tt="uppercase" c="dimmed" lts={0.5}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function dispositionSentence(review: TTicketReview): string {
  if (review.disposition === null) {
    return review.outcome === null
      ? 'No disposition yet.'
      : 'The ticket was closed in the PSA before it had a disposition.';
  }
  const label = TICKET_DISPOSITION_LABELS[review.disposition];
  return review.outcome === null
    ? `${label}.`
    : `${label}: final, since the ticket is ${review.outcome}.`;
}

function DispositionSummary({ review }: { review: TTicketReview }) {
  return (
    <Stack gap={4}>
      <Text size="sm">{dispositionSentence(review)}</Text>
      {review.reason !== '' && (
        <Text size="sm">
          <Text span fw={600}>
            Reason:
          </Text>{' '}
          {review.reason}
        </Text>
      )}
      {review.handoverNote !== '' && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600}>
            Handover note:
          </Text>{' '}
          {review.handoverNote}
        </Text>
      )}
    </Stack>
  );
}

/** One ticket's review beside the list: its disposition, the client's answer and its outcome. */
export function TicketReviewDrawer({
  closeout,
  review,
  editable,
  onClose,
}: {
  closeout: TCloseoutDetail;
  review: TTicketReview | null;
  editable: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={review !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        review === null ? null : (
          <Text fw={650}>
            <Text span ff="monospace" c="dimmed" mr={8}>
              {review.ticketNumber}
            </Text>
            {review.title}
          </Text>
        )
      }
    >
      {review !== null && (
        <Stack gap="lg">
          <Group gap="xs">
            <DispositionBadge review={review} />
            <ResponseBadge review={review} />
            <OutcomeBadge review={review} />
            <Text size="xs" c="dimmed">
              In the review since {formatMoment(review.joinedAt)}
            </Text>
          </Group>
          <Part title="Disposition">
            {review.outcome === null && editable ? (
              <DispositionForm
                key={`${review.ticketId}-${closeout.version}`}
                closeout={closeout}
                review={review}
              />
            ) : (
              <DispositionSummary review={review} />
            )}
          </Part>
          <Divider />
          <Part title="Client's response">
            <ClientResponseSection
              key={review.ticketId}
              closeout={closeout}
              review={review}
              editable={editable}
            />
          </Part>
          <Divider />
          <Part title="Outcome">
            <TicketOutcomeSection closeout={closeout} review={review} editable={editable} />
          </Part>
        </Stack>
      )}
    </Drawer>
  );
}
