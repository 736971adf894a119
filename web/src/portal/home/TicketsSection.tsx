import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconMessageQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type TPortalCloseout,
  ZPortalTicketResponseRequest,
} from '../../../../src/server/portal/schema.js';
import { ticketResponse, usePortalAction } from '../../api/portal.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { EmptyState } from '../../components/QueryState.js';
import { formatMoment } from '../../format.js';
import { PortalSection } from './PortalSection.js';
import { PortalTextForm } from './PortalTextForm.js';

type TTicket = TPortalCloseout['tickets'][number];

const DISPOSITIONS = {
  complete: 'To be completed before the service ends',
  cancel: 'To be cancelled',
} as const;

const OUTCOMES = { completed: 'Completed', cancelled: 'Cancelled' } as const;

/** The open tickets and what the provider proposes for each: the client agrees or asks. */
export function TicketsSection({ closeout }: { closeout: TPortalCloseout }) {
  return (
    <PortalSection
      title="Open tickets"
      description="What your provider proposes for each ticket still open. Agree, or ask about it."
    >
      {closeout.tickets.length === 0 ? (
        <EmptyState title="No open tickets">
          There are no open tickets to review with you.
        </EmptyState>
      ) : (
        <Stack gap="sm">
          {closeout.tickets.map((ticket) => (
            <TicketCard key={ticket.ticketId} closeout={closeout} ticket={ticket} />
          ))}
        </Stack>
      )}
    </PortalSection>
  );
}

function TicketCard({ closeout, ticket }: { closeout: TPortalCloseout; ticket: TTicket }) {
  const [asking, setAsking] = useState(false);
  const agree = usePortalAction(closeout);
  const canRespond =
    closeout.can.respondToTickets && ticket.disposition !== null && ticket.outcome === null;
  const title = `${ticket.ticketNumber} ${ticket.title}`;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} size="sm">
            {ticket.ticketNumber} · {ticket.title}
          </Text>
          <TicketState ticket={ticket} />
        </Group>
        {ticket.disposition === null ? (
          <Text size="sm" c="dimmed">
            Your provider has not proposed what happens to this ticket yet.
          </Text>
        ) : (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {DISPOSITIONS[ticket.disposition]}
            </Text>
            {ticket.reason !== '' && <Text size="sm">{ticket.reason}</Text>}
            {ticket.handoverNote !== '' && (
              <Text size="sm" c="dimmed">
                Handover note: {ticket.handoverNote}
              </Text>
            )}
          </Stack>
        )}
        {ticket.clientQuestion !== null && ticket.clientQuestion !== '' && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              Your question:
            </Text>{' '}
            {ticket.clientQuestion}
          </Text>
        )}
        {canRespond && !asking && (
          <Stack gap="xs">
            <ProblemAlert error={agree.error} title="Not recorded" />
            <Group gap="sm">
              {!ticket.clientAgreed && (
                <Button
                  size="sm"
                  leftSection={<IconCheck size={16} />}
                  loading={agree.isPending}
                  aria-label={`Agree: ${title}`}
                  onClick={() =>
                    agree.mutate({
                      ...ticketResponse(ticket.ticketId, { agreed: true, question: null }),
                      success: `You agreed with ${ticket.ticketNumber}.`,
                    })
                  }
                >
                  Agree
                </Button>
              )}
              <Button
                size="sm"
                variant="default"
                leftSection={<IconMessageQuestion size={16} />}
                aria-label={`Question: ${title}`}
                onClick={() => setAsking(true)}
              >
                Question
              </Button>
            </Group>
          </Stack>
        )}
        {canRespond && asking && (
          <QuestionForm closeout={closeout} ticket={ticket} onClose={() => setAsking(false)} />
        )}
      </Stack>
    </Paper>
  );
}

function TicketState({ ticket }: { ticket: TTicket }) {
  if (ticket.outcome !== null) {
    return (
      <Badge color="gray" variant="light" tt="none">
        {OUTCOMES[ticket.outcome]}
      </Badge>
    );
  }
  if (ticket.clientAgreed) {
    return (
      <Badge color="teal" variant="light" tt="none">
        You agreed {formatMoment(ticket.clientAgreedAt)}
      </Badge>
    );
  }
  if (ticket.clientQuestion !== null && ticket.clientQuestion !== '') {
    return (
      <Badge color="yellow" variant="light" tt="none">
        Question asked
      </Badge>
    );
  }
  return ticket.disposition === null ? null : (
    <Badge color="blue" variant="light" tt="none">
      Awaiting your answer
    </Badge>
  );
}

function QuestionForm({
  closeout,
  ticket,
  onClose,
}: {
  closeout: TPortalCloseout;
  ticket: TTicket;
  onClose: () => void;
}) {
  return (
    <PortalTextForm
      closeout={closeout}
      path={ticketResponse(ticket.ticketId, { agreed: false, question: null }).path}
      success={`Your question about ${ticket.ticketNumber} was sent to your provider.`}
      schema={ZPortalTicketResponseRequest}
      field="question"
      toBody={({ question }) => ({ agreed: false, question: question.trim() })}
      formLabel={`Question about ${ticket.ticketNumber}`}
      problemTitle="Not sent"
      label="Your question"
      description="What you would like your provider to do differently, or to explain."
      submitLabel="Send the question"
      onClose={onClose}
    />
  );
}
