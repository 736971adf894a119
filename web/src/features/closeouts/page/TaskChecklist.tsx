import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconCalendarDue,
  IconCheck,
  IconCircleDashed,
  IconFileText,
  IconMinus,
  IconRobot,
  IconServer,
  IconUsers,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { roleName, systemName } from '../../../../../src/blueprint/personalise.js';
import type { TProcessDefinition, TTask } from '../../../../../src/blueprint/schema.js';
import {
  type TCloseoutDetail,
  ZCompleteTaskRequest,
  ZWaiveTaskRequest,
} from '../../../../../src/server/closeouts/schema.js';
import { useCloseoutAction } from '../../../api/closeouts.js';
import { useCan, useSession } from '../../../api/session.js';
import { useStaffDirectory, useStaffName } from '../../../api/staff.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { EmptyState } from '../../../components/QueryState.js';
import { formatDay, formatMoment } from '../../../format.js';
import { LANE_COLORS, LANE_LABELS, MILESTONE_LABELS, TASK_STATUS_LABELS } from '../../../labels.js';
import { EvidenceFiles } from './evidence/EvidenceFiles.js';
import { GuardedButton } from './GuardedButton.js';
import { useCloseoutForm } from './session/closeout-form.js';

type TCloseoutTask = TCloseoutDetail['tasks'][number];
type OpenForm = { taskId: string; kind: 'done' | 'waive' } | null;

/** Roles that run the process work any task; anyone else only the tasks of their own role. */
const PROCESS_ROLES = ['service_manager', 'technician'];

function useRoleBlock(definition: TProcessDefinition) {
  const { data } = useSession();
  const roles: readonly string[] = data?.roles ?? [];
  return (task: TCloseoutTask): string | null =>
    roles.some((role) => PROCESS_ROLES.includes(role) || task.roles.includes(role))
      ? null
      : `This is a task of ${task.roles.map((role) => roleName(definition, role)).join(', ')}; you work only the tasks of your own role.`;
}

function DoneForm({
  closeout,
  task,
  source,
  onClose,
}: {
  closeout: TCloseoutDetail;
  task: TCloseoutTask;
  source: TTask | undefined;
  onClose: () => void;
}) {
  const evidenceRequired = source?.evidenceRequired === true;
  const { form, onSubmit, problem, pending } = useCloseoutForm<{ evidence: string }>({
    closeout,
    path: `tasks/${task.id}/complete`,
    success: `“${task.name}” is done.`,
    initialValues: { evidence: '' },
    schema: ZCompleteTaskRequest,
    check: ({ evidence }) =>
      evidenceRequired && evidence.trim() === ''
        ? { evidence: 'Say what was done and where it is recorded.' }
        : {},
    onDone: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Complete “${task.name}”`}>
      <Stack gap="xs">
        <Textarea
          label="Evidence"
          description="What was done and where it is recorded (a ticket, a screenshot, a report)."
          withAsterisk={evidenceRequired}
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('evidence')}
        />
        <ProblemAlert error={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="teal" loading={pending}>
            Mark done
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WaiveForm({
  closeout,
  task,
  onClose,
}: {
  closeout: TCloseoutDetail;
  task: TCloseoutTask;
  onClose: () => void;
}) {
  const { form, onSubmit, problem, pending } = useCloseoutForm<{ reason: string }>({
    closeout,
    path: `tasks/${task.id}/waive`,
    success: `“${task.name}” is waived.`,
    initialValues: { reason: '' },
    schema: ZWaiveTaskRequest,
    onDone: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Waive “${task.name}”`}>
      <Stack gap="xs">
        <Textarea
          label="Reason"
          description="Why this task does not need doing for this client."
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <ProblemAlert error={problem} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="gray" loading={pending}>
            Waive task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TaskAssignee({
  closeout,
  task,
  editable,
}: {
  closeout: TCloseoutDetail;
  task: TCloseoutTask;
  editable: boolean;
}) {
  const staff = useStaffDirectory();
  const staffName = useStaffName();
  const allowed = useCan('closeout.assign');
  const action = useCloseoutAction(closeout);
  if (!editable || !allowed || task.status !== 'open') {
    return (
      <Text size="sm" c={task.assigneeUserId === null ? 'dimmed' : undefined}>
        {staffName(task.assigneeUserId)}
      </Text>
    );
  }
  return (
    <Select
      aria-label={`Assignee of “${task.name}”`}
      placeholder={staff.isPending ? 'Loading staff…' : 'Unassigned'}
      data={(staff.data?.users ?? []).map((user) => ({ value: user.id, label: user.name }))}
      value={task.assigneeUserId}
      onChange={(assigneeUserId) =>
        action.mutate({
          path: `tasks/${task.id}/assign`,
          body: { assigneeUserId },
          success:
            assigneeUserId === null
              ? `“${task.name}” is unassigned.`
              : `“${task.name}” is assigned to ${staffName(assigneeUserId)}.`,
        })
      }
      disabled={staff.isPending || action.isPending}
      error={staff.isError ? 'The staff list could not be loaded.' : undefined}
      searchable
      clearable
      size="xs"
      w={190}
    />
  );
}

function Facts({ icon, label, items }: { icon: ReactNode; label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={label}>
        <span style={{ display: 'inline-flex' }}>{icon}</span>
      </Tooltip>
      <Text size="xs" c="dimmed">
        <VisuallyHidden component="span">{label}: </VisuallyHidden>
        {items.join(', ')}
      </Text>
    </Group>
  );
}

function Settled({ task, source }: { task: TCloseoutTask; source: TTask | undefined }) {
  if (task.status === 'open') return null;
  if (task.status === 'done' && source?.completedWhen !== undefined) {
    return (
      <Group gap={6}>
        <IconRobot size={14} aria-hidden />
        <Text size="xs" c="dimmed">
          Completed automatically when {MILESTONE_LABELS[source.completedWhen]} ·{' '}
          {formatMoment(task.completedAt)}
        </Text>
      </Group>
    );
  }
  const verb = task.status === 'done' ? 'Done' : 'Waived';
  const note = task.status === 'done' ? task.evidence : task.waiverReason;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {verb} by {task.completedBy ?? 'someone'} · {formatMoment(task.completedAt)}
      </Text>
      {note !== '' && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600} size="sm">
            {task.status === 'done' ? 'Evidence: ' : 'Reason: '}
          </Text>
          {note}
        </Text>
      )}
    </Stack>
  );
}

const STATUS_ICON = {
  open: { color: 'gray', icon: <IconCircleDashed size={16} /> },
  done: { color: 'teal', icon: <IconCheck size={16} /> },
  waived: { color: 'gray', icon: <IconMinus size={16} /> },
} as const;

function TaskItem({
  closeout,
  definition,
  task,
  editable,
  openForm,
  setOpenForm,
  roleBlock,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  task: TCloseoutTask;
  editable: boolean;
  openForm: OpenForm;
  setOpenForm: (form: OpenForm) => void;
  roleBlock: string | null;
}) {
  const source = definition.tasks.find((candidate) => candidate.key === task.taskKey);
  const status = STATUS_ICON[task.status];
  const formKind = openForm?.taskId === task.id ? openForm.kind : null;
  const close = () => setOpenForm(null);
  const automatic = source?.completedWhen;
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flex: 1, minWidth: 260 }}>
            <Tooltip label={TASK_STATUS_LABELS[task.status]}>
              <ThemeIcon
                color={status.color}
                variant={task.status === 'done' ? 'filled' : 'light'}
                radius="xl"
                size="md"
                role="img"
                aria-label={TASK_STATUS_LABELS[task.status]}
              >
                {status.icon}
              </ThemeIcon>
            </Tooltip>
            <Stack gap={4} style={{ flex: 1 }}>
              <Text
                size="sm"
                fw={500}
                c={task.status === 'open' ? undefined : 'dimmed'}
                td={task.status === 'waived' ? 'line-through' : undefined}
              >
                {source !== undefined && (
                  <Text span c="dimmed" size="sm" mr={6}>
                    {source.number}.
                  </Text>
                )}
                {task.name}
              </Text>
              <Group gap="md" wrap="wrap">
                <Badge color={LANE_COLORS[task.lane]} variant="light" size="sm" tt="none">
                  {LANE_LABELS[task.lane]}
                </Badge>
                {!task.required && (
                  <Badge color="gray" variant="outline" size="sm" tt="none">
                    Optional
                  </Badge>
                )}
                <Facts
                  icon={<IconUsers size={14} aria-hidden />}
                  label="Roles"
                  items={task.roles.map((role) => roleName(definition, role))}
                />
                <Facts
                  icon={<IconServer size={14} aria-hidden />}
                  label="Systems"
                  items={(source?.systems ?? []).map((system) => systemName(definition, system))}
                />
                <Facts
                  icon={<IconFileText size={14} aria-hidden />}
                  label="Documents"
                  items={(source?.documents ?? []).map(
                    (key) => definition.documents.find((doc) => doc.key === key)?.name ?? key,
                  )}
                />
              </Group>
              <Settled task={task} source={source} />
              <EvidenceFiles
                closeoutId={closeout.id}
                subject={{ kind: 'task', id: task.id }}
                name={task.name}
                editable={editable}
                permission="closeout.work_task"
                blockedReason={roleBlock}
              />
              {task.status === 'open' && automatic !== undefined && (
                <Group gap={6}>
                  <IconRobot size={14} aria-hidden />
                  <Text size="xs" c="dimmed">
                    Completes itself when {MILESTONE_LABELS[automatic]}.
                  </Text>
                </Group>
              )}
            </Stack>
          </Group>
          <Group gap="sm" align="center" wrap="wrap">
            {task.dueOn !== null && (
              <Group gap={4} wrap="nowrap">
                <IconCalendarDue
                  size={14}
                  aria-hidden
                  color={task.overdue ? 'var(--mantine-color-red-filled)' : undefined}
                />
                <Text size="sm" c={task.overdue ? 'red' : 'dimmed'} fw={task.overdue ? 600 : 400}>
                  {task.overdue ? 'Overdue · ' : 'Due '}
                  {formatDay(task.dueOn)}
                </Text>
              </Group>
            )}
            <TaskAssignee closeout={closeout} task={task} editable={editable} />
            {editable && task.status === 'open' && formKind === null && (
              <Group gap={6}>
                {automatic === undefined && (
                  <GuardedButton
                    permission="closeout.work_task"
                    blockedReason={roleBlock}
                    size="xs"
                    color="teal"
                    variant="light"
                    aria-label={`Done: ${task.name}`}
                    onClick={() => setOpenForm({ taskId: task.id, kind: 'done' })}
                  >
                    Done
                  </GuardedButton>
                )}
                <GuardedButton
                  permission="closeout.work_task"
                  blockedReason={
                    source?.gate === true ? 'A gate of the process cannot be waived.' : roleBlock
                  }
                  size="xs"
                  color="gray"
                  variant="subtle"
                  aria-label={`Waive: ${task.name}`}
                  onClick={() => setOpenForm({ taskId: task.id, kind: 'waive' })}
                >
                  Waive
                </GuardedButton>
              </Group>
            )}
          </Group>
        </Group>
        {formKind === 'done' && (
          <DoneForm closeout={closeout} task={task} source={source} onClose={close} />
        )}
        {formKind === 'waive' && <WaiveForm closeout={closeout} task={task} onClose={close} />}
      </Stack>
    </Paper>
  );
}

/** Required tasks settled (done or waived) of all required tasks. */
export function requiredProgress(tasks: TCloseoutDetail['tasks']) {
  const required = tasks.filter((task) => task.required);
  const settled = required.filter((task) => task.status !== 'open').length;
  return { settled, required: required.length };
}

/**
 * A stage's tasks as a checklist: who does each, with which systems and documents, by when. A
 * task is done with evidence or waived with a reason; tasks that follow a recorded step complete
 * themselves. One form is open at a time, so a long list stays light.
 */
export function TaskChecklist({
  closeout,
  definition,
  tasks,
  editable,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  tasks: TCloseoutDetail['tasks'];
  editable: boolean;
}) {
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const roleBlock = useRoleBlock(definition);
  if (tasks.length === 0) {
    return (
      <EmptyState title="No tasks yet">
        The tasks of a stage are created when the closeout reaches it.
      </EmptyState>
    );
  }
  return (
    <Stack component="ul" gap="xs" p={0} m={0} aria-label="Tasks">
      {tasks.map((task) => (
        <TaskItem
          key={task.id}
          closeout={closeout}
          definition={definition}
          task={task}
          editable={editable}
          openForm={openForm}
          setOpenForm={setOpenForm}
          roleBlock={roleBlock(task)}
        />
      ))}
    </Stack>
  );
}
