import {
  Autocomplete,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import {
  type TCloseoutDetail,
  ZLogDeactivationIssueRequest,
  ZResolveDeactivationIssueRequest,
} from '../../../../../src/server/closeouts/schema.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { EmptyState } from '../../../components/QueryState.js';
import { formatMoment } from '../../../format.js';
import { GuardedButton } from './GuardedButton.js';
import { useCloseoutForm } from './session/closeout-form.js';

type TIssue = TCloseoutDetail['deactivationIssues'][number];
type IssueValues = { summary: string; description: string; systemName: string };

function LogIssueForm({ closeout, onClose }: { closeout: TCloseoutDetail; onClose: () => void }) {
  const systems = [...new Set(closeout.handoverItems.map((item) => item.systemName))];
  const { form, onSubmit, problem, pending } = useCloseoutForm<IssueValues>({
    closeout,
    path: 'deactivation-issues',
    success: 'Issue logged.',
    initialValues: { summary: '', description: '', systemName: '' },
    schema: ZLogDeactivationIssueRequest,
    toBody: (values) => ({
      summary: values.summary.trim(),
      description: values.description.trim(),
      systemName: values.systemName.trim() === '' ? null : values.systemName.trim(),
    }),
    onDone: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log a deactivation issue">
      <Stack gap="sm">
        <TextInput
          label="Summary"
          placeholder="e.g. Handed-over firewall admin password does not work"
          withAsterisk
          data-autofocus
          {...form.getInputProps('summary')}
        />
        <Autocomplete
          label="System"
          description="Leave empty when the issue is not about one system."
          data={systems}
          {...form.getInputProps('systemName')}
        />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <ProblemAlert error={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="orange" loading={pending}>
            Log issue
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResolveForm({
  closeout,
  issue,
  onClose,
}: {
  closeout: TCloseoutDetail;
  issue: TIssue;
  onClose: () => void;
}) {
  const { form, onSubmit, problem, pending } = useCloseoutForm<{ resolution: string }>({
    closeout,
    path: `deactivation-issues/${issue.id}/resolve`,
    success: 'Issue resolved.',
    initialValues: { resolution: '' },
    schema: ZResolveDeactivationIssueRequest,
    toBody: ({ resolution }) => ({ resolution: resolution.trim() }),
    onDone: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Resolve “${issue.summary}”`}>
      <Stack gap="xs">
        <Textarea
          label="Resolution"
          description="What was done to put it right."
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('resolution')}
        />
        <ProblemAlert error={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="xs" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" size="xs" color="teal" loading={pending}>
            Resolve issue
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function IssueCard({
  closeout,
  issue,
  editable,
  resolving,
  onResolve,
  onCloseResolve,
}: {
  closeout: TCloseoutDetail;
  issue: TIssue;
  editable: boolean;
  resolving: boolean;
  onResolve: () => void;
  onCloseResolve: () => void;
}) {
  const resolved = issue.resolvedAt !== null;
  return (
    <Paper withBorder p="md" component="article" aria-label={issue.summary}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Group gap="xs">
              {resolved ? (
                <IconCircleCheck size={16} color="var(--mantine-color-teal-filled)" aria-hidden />
              ) : (
                <IconAlertTriangle
                  size={16}
                  color="var(--mantine-color-orange-filled)"
                  aria-hidden
                />
              )}
              <Text fw={600}>{issue.summary}</Text>
              {issue.systemName !== null && (
                <Badge variant="light" color="gray" tt="none">
                  {issue.systemName}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              Logged by {issue.loggedBy} · {formatMoment(issue.loggedAt)}
            </Text>
          </Stack>
          <Badge color={resolved ? 'teal' : 'orange'} variant="light" tt="none">
            {resolved ? 'Resolved' : 'Open'}
          </Badge>
        </Group>
        {issue.description !== '' && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {issue.description}
          </Text>
        )}
        {resolved && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={600} size="sm">
              Resolution ({formatMoment(issue.resolvedAt)}):
            </Text>{' '}
            {issue.resolution}
          </Text>
        )}
        {!resolved && editable && !resolving && (
          <Group>
            <GuardedButton
              permission="closeout.handover"
              size="xs"
              variant="light"
              color="teal"
              onClick={onResolve}
            >
              Resolve
            </GuardedButton>
          </Group>
        )}
        {resolving && <ResolveForm closeout={closeout} issue={issue} onClose={onCloseResolve} />}
      </Stack>
    </Paper>
  );
}

/**
 * Problems with the hand-over or the deactivation (a credential that does not work, an agent
 * left behind). They are logged during and after the session, also once the closeout has closed,
 * and count towards the Deactivation Issues KPI.
 */
export function DeactivationIssues({
  closeout,
  editable,
}: {
  closeout: TCloseoutDetail;
  editable: boolean;
}) {
  const titleId = useId();
  const [logging, setLogging] = useState(false);
  const [resolving, setResolving] = useState<string | null>(null);
  const issues = closeout.deactivationIssues;
  const open = issues.filter((issue) => issue.resolvedAt === null).length;
  return (
    <Paper component="section" withBorder p="lg" aria-labelledby={titleId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Title order={3} fz="lg" id={titleId}>
              Deactivation issues
            </Title>
            <Text size="sm" c="dimmed">
              {issues.length === 0
                ? 'Problems with the hand-over or the deactivation, also after closing.'
                : `${open} open of ${issues.length}.`}
            </Text>
          </Stack>
          {editable && (
            <GuardedButton
              permission="closeout.handover"
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => setLogging(true)}
              disabled={logging}
            >
              Log an issue
            </GuardedButton>
          )}
        </Group>
        {logging && (
          <Paper withBorder p="md">
            <LogIssueForm closeout={closeout} onClose={() => setLogging(false)} />
          </Paper>
        )}
        {issues.length === 0 ? (
          <EmptyState title="No deactivation issues">
            Log anything the client reports after the hand-over, such as a credential that does not
            work.
          </EmptyState>
        ) : (
          <Stack gap="sm">
            {issues.map((issue) => (
              <IssueCard
                key={issue.id}
                closeout={closeout}
                issue={issue}
                editable={editable}
                resolving={resolving === issue.id}
                onResolve={() => setResolving(issue.id)}
                onCloseResolve={() => setResolving(null)}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
