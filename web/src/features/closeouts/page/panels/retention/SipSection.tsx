import {
  ActionIcon,
  Badge,
  Checkbox,
  Divider,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type TCloseoutDetail,
  ZConcludeSipRequest,
} from '../../../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../../../api/closeouts.js';
import { useCan } from '../../../../../api/session.js';
import { useStaffName } from '../../../../../api/staff.js';
import { ProblemAlert } from '../../../../../components/ProblemAlert.js';
import { daysBetween, formatDay, formatMoment, today } from '../../../../../format.js';
import { zodValidate } from '../../../../../forms/zod-form.js';
import { SIP_OUTCOME_LABELS } from '../../../../../labels.js';
import { GuardedButton } from '../../GuardedButton.js';
import { useActionForm } from '../../use-action-form.js';
import { StageSection } from '../StageSection.js';
import { SipActionForm } from './SipActionForm.js';

type TSipAction = TCloseoutDetail['sipActions'][number];

/**
 * The Service Improvement Program (8e) that an attempt at retention opens: improvement actions
 * with owners and due dates, run to an outcome. Retained ends the closeout; not retained goes on.
 */
export function SipSection({
  closeout,
  decidable,
  gateKeys,
}: {
  closeout: TCloseoutDetail;
  decidable: boolean;
  gateKeys: string[];
}) {
  const { retention, sipActions } = closeout;
  const running =
    decidable && retention.decision === 'attempt_retention' && retention.sipOutcome === null;
  const canRecord = useCan('closeout.record_assessment');
  const done = sipActions.filter((action) => action.doneAt !== null).length;
  return (
    <StageSection
      title="Service Improvement Program"
      description={
        sipActions.length === 0
          ? 'What will change for the client, who does it and by when.'
          : `${done} of ${sipActions.length} actions done`
      }
      done={retention.sipOutcome !== null}
      gateKeys={gateKeys}
      closeout={closeout}
    >
      {sipActions.length > 0 && (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {sipActions.map((action) => (
            <SipActionRow
              key={action.id}
              closeout={closeout}
              action={action}
              editable={running && canRecord}
            />
          ))}
        </Stack>
      )}
      {running && canRecord && (
        <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
          <SipActionForm closeout={closeout} />
        </Paper>
      )}
      {retention.sipOutcome !== null ? (
        <SipOutcome closeout={closeout} />
      ) : (
        running && (
          <>
            <Divider />
            <ConcludeSipForm closeout={closeout} />
          </>
        )
      )}
    </StageSection>
  );
}

function SipActionRow({
  closeout,
  action,
  editable,
}: {
  closeout: TCloseoutDetail;
  action: TSipAction;
  editable: boolean;
}) {
  const staffName = useStaffName();
  const toggle = useCloseoutAction(closeout);
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <Paper component="li" withBorder radius="md" p="md">
        <SipActionForm
          closeout={closeout}
          action={action}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      </Paper>
    );
  }
  const isDone = action.doneAt !== null;
  const overdue = !isDone && action.dueOn !== null && daysBetween(today(), action.dueOn) < 0;
  return (
    <Paper component="li" withBorder radius="md" px="md" py="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Checkbox
            mt={2}
            checked={isDone}
            disabled={!editable || toggle.isPending}
            aria-label={`${action.description}: done`}
            onChange={(event) =>
              toggle.mutate({
                path: `sip-actions/${action.id}`,
                body: { done: event.currentTarget.checked },
              })
            }
          />
          <Stack gap={2}>
            <Text
              size="sm"
              td={isDone ? 'line-through' : undefined}
              c={isDone ? 'dimmed' : undefined}
            >
              {action.description}
            </Text>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {staffName(action.ownerUserId)}
              </Text>
              {action.dueOn !== null && (
                <Badge size="xs" variant="light" color={overdue ? 'red' : 'gray'}>
                  {overdue ? 'Overdue · ' : 'Due '}
                  {formatDay(action.dueOn)}
                </Badge>
              )}
              {isDone && (
                <Text size="xs" c="dimmed">
                  Done {formatMoment(action.doneAt)}
                </Text>
              )}
            </Group>
            <ProblemAlert error={toggle.error} />
          </Stack>
        </Group>
        {editable && (
          <Tooltip label="Edit the action">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Edit “${action.description}”`}
              onClick={() => setEditing(true)}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}

function ConcludeSipForm({ closeout }: { closeout: TCloseoutDetail }) {
  const form = useForm({
    initialValues: { outcome: '', note: '' },
    validate: (values) =>
      values.outcome === ''
        ? { outcome: 'Choose the outcome.' }
        : zodValidate<typeof values>(ZConcludeSipRequest)(values),
  });
  const action = useActionForm(closeout, form);
  const submit = form.onSubmit((values) =>
    action.send({
      path: 'conclude-sip',
      body: values,
      success:
        values.outcome === 'retained'
          ? `${closeout.client.name} stays: the closeout ends as retained.`
          : 'The program is concluded; the closeout goes on.',
    }),
  );
  const blocked =
    closeout.sipActions.length === 0
      ? 'Add at least one improvement action before concluding the program.'
      : null;
  return (
    <form onSubmit={submit} noValidate aria-label="Conclude the program">
      <Stack gap="md">
        <Radio.Group label="Outcome of the program" withAsterisk {...form.getInputProps('outcome')}>
          <Stack gap="sm" mt="xs">
            <Radio
              value="retained"
              label={SIP_OUTCOME_LABELS.retained}
              description="The client stays: the closeout ends as retained and its open tasks are waived."
            />
            <Radio
              value="not_retained"
              label={SIP_OUTCOME_LABELS.not_retained}
              description="The client still leaves: the closeout goes on to the closeout meeting."
            />
          </Stack>
        </Radio.Group>
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
        <ProblemAlert error={action.problem} />
        <Group>
          <GuardedButton
            permission="closeout.decide_retention"
            blockedReason={blocked}
            type="submit"
            loading={action.pending}
          >
            Conclude the program
          </GuardedButton>
        </Group>
      </Stack>
    </form>
  );
}

function SipOutcome({ closeout }: { closeout: TCloseoutDetail }) {
  const { sipOutcome, sipConcludedAt } = closeout.retention;
  if (sipOutcome === null) return null;
  return (
    <Group gap="xs">
      <Badge color={sipOutcome === 'retained' ? 'teal' : 'gray'} variant="light">
        {SIP_OUTCOME_LABELS[sipOutcome]}
      </Badge>
      <Text size="sm" c="dimmed">
        Concluded {formatMoment(sipConcludedAt)}
      </Text>
    </Group>
  );
}
