import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconMessageQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type TCloseoutDetail,
  ZClientResponseRequest,
} from '../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../api/closeouts.js';
import { ProblemAlert } from '../../../../components/ProblemAlert.js';
import { formatMoment } from '../../../../format.js';
import { GuardedButton } from '../GuardedButton.js';
import { useCloseoutForm } from '../session/closeout-form.js';
import type { TTicketReview } from './ticket-query.js';

function QuestionForm({
  closeout,
  review,
  onDone,
}: {
  closeout: TCloseoutDetail;
  review: TTicketReview;
  onDone: () => void;
}) {
  const { form, onSubmit, problem, pending } = useCloseoutForm<{ question: string }>({
    closeout,
    path: `ticket-reviews/${review.ticketId}/client-response`,
    success: `The client's question about ${review.ticketNumber} is recorded.`,
    initialValues: { question: review.clientQuestion ?? '' },
    schema: ZClientResponseRequest,
    toBody: ({ question }) => ({ agreed: false, question: question.trim() }),
    check: ({ question }) =>
      question.trim() === '' ? { question: 'Say what the client questions.' } : {},
    onDone,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="The client's question">
      <Stack gap="xs">
        <Textarea
          label="What the client questions"
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('question')}
        />
        <ProblemAlert error={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color="orange" loading={pending}>
            Record the question
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Whether the client agreed the ticket's disposition or questions it: in the client portal, or
 * recorded here by staff when the client answered another way.
 */
export function ClientResponseSection({
  closeout,
  review,
  editable,
}: {
  closeout: TCloseoutDetail;
  review: TTicketReview;
  editable: boolean;
}) {
  const action = useCloseoutAction(closeout);
  const [asking, setAsking] = useState(false);
  const questioned = review.clientQuestion !== null && !review.clientAgreed;
  return (
    <Stack gap="sm">
      {review.clientAgreed && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Agreed">
          The client agreed this disposition on {formatMoment(review.clientAgreedAt)}.
        </Alert>
      )}
      {questioned && (
        <Alert
          color="orange"
          variant="filled"
          icon={<IconMessageQuestion size={18} />}
          title="The client questions this disposition"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {review.clientQuestion}
          </Text>
        </Alert>
      )}
      {review.disposition === null ? (
        <Text size="sm" c="dimmed">
          Give the ticket a disposition first; the client then agrees or questions it.
        </Text>
      ) : (
        !review.clientAgreed &&
        !questioned && (
          <Text size="sm" c="dimmed">
            Waiting for the client's answer.
          </Text>
        )
      )}
      {editable && review.disposition !== null && review.outcome === null && (
        <>
          <Text size="xs" c="dimmed">
            The client answers in the client portal; when it answers another way, record it here on
            its behalf.
          </Text>
          {asking ? (
            <QuestionForm closeout={closeout} review={review} onDone={() => setAsking(false)} />
          ) : (
            <Group gap="sm">
              <GuardedButton
                permission="closeout.ticket_disposition"
                variant="light"
                color="teal"
                leftSection={<IconCircleCheck size={16} />}
                blockedReason={review.clientAgreed ? 'The client has already agreed.' : null}
                loading={action.isPending}
                onClick={() =>
                  action.mutate({
                    path: `ticket-reviews/${review.ticketId}/client-response`,
                    body: { agreed: true, question: null },
                    success: `The client agreed the disposition of ${review.ticketNumber}.`,
                  })
                }
              >
                Client agreed
              </GuardedButton>
              <GuardedButton
                permission="closeout.ticket_disposition"
                variant="light"
                color="orange"
                leftSection={<IconMessageQuestion size={16} />}
                onClick={() => setAsking(true)}
              >
                {questioned ? 'Change the question' : 'Client questions it'}
              </GuardedButton>
            </Group>
          )}
          <ProblemAlert error={action.error} />
        </>
      )}
    </Stack>
  );
}
