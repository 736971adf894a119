import { Badge, Text, VisuallyHidden } from '@mantine/core';
import { TICKET_DISPOSITION_LABELS, TICKET_OUTCOME_LABELS } from '../../../../labels.js';
import { clientResponseOf, type TTicketReview } from './ticket-query.js';

/*
 * The badges are never cut short (`miw`): in a narrow table the title column wraps instead, and
 * "Agre…" would say nothing.
 */

export function DispositionBadge({ review }: { review: TTicketReview }) {
  if (review.disposition === null) {
    return (
      <Badge color="gray" variant="outline" tt="none" miw="max-content">
        Undecided
      </Badge>
    );
  }
  return (
    <Badge
      color={review.disposition === 'complete' ? 'blue' : 'grape'}
      variant="light"
      tt="none"
      miw="max-content"
    >
      {TICKET_DISPOSITION_LABELS[review.disposition]}
    </Badge>
  );
}

const RESPONSE = {
  agreed: { label: 'Agreed', color: 'teal', variant: 'light' },
  questioned: { label: 'Questioned', color: 'orange', variant: 'filled' },
  pending: { label: 'Awaiting client', color: 'gray', variant: 'outline' },
} as const;

export function ResponseBadge({ review }: { review: TTicketReview }) {
  if (review.disposition === null && review.clientQuestion === null) {
    return (
      <Text size="sm" c="dimmed">
        <span aria-hidden>—</span>
        <VisuallyHidden component="span">Nothing to agree yet</VisuallyHidden>
      </Text>
    );
  }
  const response = RESPONSE[clientResponseOf(review)];
  return (
    <Badge color={response.color} variant={response.variant} tt="none" miw="max-content">
      {response.label}
    </Badge>
  );
}

export function OutcomeBadge({ review }: { review: TTicketReview }) {
  if (review.outcome === null) {
    return (
      <Badge color="gray" variant="outline" tt="none" miw="max-content">
        Open
      </Badge>
    );
  }
  return (
    <Badge
      color={review.outcome === 'completed' ? 'teal' : 'gray'}
      variant="light"
      tt="none"
      miw="max-content"
    >
      {TICKET_OUTCOME_LABELS[review.outcome]}
    </Badge>
  );
}
