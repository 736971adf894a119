import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type TProcessDefinition, ZLane } from '../../../../../src/blueprint/schema.js';
import type { TProcessDraft } from '../../../../../src/server/process/schema.js';
import {
  useDiscardProcessDraft,
  useProcessDraft,
  useProcessDraftReview,
} from '../../../api/process-draft.js';
import { useCan } from '../../../api/session.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryState } from '../../../components/QueryState.js';
import { useSearchParamState } from '../../../components/use-search-param-state.js';
import { formatMoment } from '../../../format.js';
import { LANE_LABELS } from '../../../labels.js';
import { AddEntryForm } from './AddEntryForm.js';
import { CatalogueEditor } from './CatalogueEditor.js';
import { DraftReview } from './DraftReview.js';
import { DueRuleInput } from './DueRuleInput.js';
import { addOptionalTask, removeTask, updateStage, updateTask } from './draft-edits.js';
import { KpiEditor } from './KpiEditor.js';
import { TaskEditor } from './TaskEditor.js';
import { useDraftAutosave } from './use-draft-autosave.js';

const VIEWS = ['tasks', 'stages', 'roles', 'systems', 'documents', 'kpis', 'review'] as const;
type View = (typeof VIEWS)[number];
const isView = (value: string | null): value is View =>
  value !== null && (VIEWS as readonly string[]).includes(value);

const TITLES: Record<View, string> = {
  tasks: 'Tasks',
  stages: 'Stages',
  roles: 'Roles',
  systems: 'Systems',
  documents: 'Documents',
  kpis: 'KPIs',
  review: 'Review and publish',
};

const LANES = ZLane.options.map((lane) => ({ value: lane, label: LANE_LABELS[lane] }));

/** An administrator edits the process as a draft and publishes it as the next version. */
export function ProcessEditorPage() {
  const canEdit = useCan('process.manage');
  const draft = useProcessDraft();
  if (!canEdit) {
    return (
      <>
        <PageHeader title="Edit the process" />
        <Alert variant="light" color="gray" icon={<IconLock size={18} />}>
          Only an administrator can edit the process.{' '}
          <Anchor component={Link} to="/process">
            See the process
          </Anchor>
        </Alert>
      </>
    );
  }
  return (
    <QueryState query={draft} loadingLabel="Loading the draft…">
      {(loaded) => <DraftEditor key={loaded.baseVersion} draft={loaded} />}
    </QueryState>
  );
}

function DraftEditor({ draft }: { draft: TProcessDraft }) {
  const navigate = useNavigate();
  const [definition, setDefinition] = useState<TProcessDefinition>(draft.definition);
  const autosave = useDraftAutosave(draft.baseVersion);
  const [view, setView] = useSearchParamState<View>('view', {
    parse: (value) => (isView(value) ? value : undefined),
    fallback: 'tasks',
  });
  const review = useProcessDraftReview(view === 'review' && !autosave.dirty);
  const discard = useDiscardProcessDraft();
  const [discarding, setDiscarding] = useState(false);

  const change = (next: TProcessDefinition) => {
    setDefinition(next);
    autosave.schedule(next);
  };

  const openView = (next: View) => {
    if (next === 'review') void autosave.flush().catch(() => undefined);
    setView(next);
  };

  return (
    <>
      <PageHeader
        title="Edit the process"
        description={`A draft started from version ${draft.baseVersion}. It is saved as you type; publishing makes it the version new closeouts open with.`}
        actions={
          <Group gap="sm">
            <SaveState autosave={autosave} savedAt={autosave.savedAt ?? draft.updatedAt} />
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              component={Link}
              to="/process"
            >
              Back to the process
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDiscarding(true)}>
              Discard draft
            </Button>
          </Group>
        }
      />
      <Tabs value={view} onChange={(next) => isView(next) && openView(next)} keepMounted={false}>
        <Tabs.List>
          {VIEWS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {TITLES[name]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="tasks" pt="lg">
          <TasksByStage definition={definition} onChange={change} />
        </Tabs.Panel>
        <Tabs.Panel value="stages" pt="lg">
          <StagesEditor definition={definition} onChange={change} />
        </Tabs.Panel>
        {(['roles', 'systems', 'documents'] as const).map((catalogue) => (
          <Tabs.Panel key={catalogue} value={catalogue} pt="lg">
            <CatalogueEditor catalogue={catalogue} definition={definition} onChange={change} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="kpis" pt="lg">
          <KpiEditor definition={definition} onChange={change} />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="lg">
          {autosave.dirty ? (
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm">Saving the draft before reviewing it…</Text>
            </Group>
          ) : (
            <QueryState query={review} loadingLabel="Reviewing the draft…">
              {(loaded) => (
                <DraftReview
                  review={loaded}
                  definition={definition}
                  onPublished={(version) => {
                    notifications.show({
                      color: 'teal',
                      message: `Version ${version} is published: new closeouts open with it.`,
                    });
                    void navigate('/process');
                  }}
                />
              )}
            </QueryState>
          )}
        </Tabs.Panel>
      </Tabs>
      {discarding && (
        <ConfirmModal
          title="Discard the draft?"
          confirmLabel="Discard draft"
          confirming={discard.isPending}
          error={discard.error}
          onClose={() => setDiscarding(false)}
          onConfirm={() =>
            discard.mutate(undefined, {
              onSuccess: () => {
                setDiscarding(false);
                void navigate('/process');
              },
            })
          }
        >
          <Text size="sm">
            Every change since version {draft.baseVersion} is thrown away; the published process
            stays as it is.
          </Text>
        </ConfirmModal>
      )}
    </>
  );
}

function SaveState({
  autosave,
  savedAt,
}: {
  autosave: ReturnType<typeof useDraftAutosave>;
  savedAt: string | null;
}) {
  if (autosave.error !== null) {
    return (
      <Badge color="red" variant="light" title={autosave.error.message}>
        Not saved: {autosave.error.message}
      </Badge>
    );
  }
  if (autosave.saving || autosave.dirty) {
    return (
      <Badge color="gray" variant="light" leftSection={<Loader size={10} />}>
        Saving…
      </Badge>
    );
  }
  return savedAt === null ? null : (
    <Badge color="teal" variant="light">
      Draft saved {formatMoment(savedAt)}
    </Badge>
  );
}

/**
 * The tasks of one stage at a time, each opened on its own: the whole process is more than a
 * hundred tasks, too many to edit (or render) at once.
 */
function TasksByStage({
  definition,
  onChange,
}: {
  definition: TProcessDefinition;
  onChange: (next: TProcessDefinition) => void;
}) {
  const [stageKey, setStageKey] = useSearchParamState<string>('stage', {
    parse: (value) =>
      definition.stages.some((stage) => stage.key === value) ? (value ?? undefined) : undefined,
    fallback: definition.stages[0]?.key ?? '',
  });
  const [openTask, setOpenTask] = useState<string | null>(null);
  const stage = definition.stages.find((candidate) => candidate.key === stageKey);
  if (stage === undefined) return null;
  const tasks = definition.tasks.filter((task) => task.stage === stage.key && !task.entry);
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Stage"
        value={stage.key}
        data={definition.stages.map((candidate) => ({
          value: candidate.key,
          label: `${candidate.code} ${candidate.name}`,
        }))}
        onChange={setStageKey}
        fullWidth
        orientation="horizontal"
        style={{ overflowX: 'auto' }}
      />
      <Stack gap="sm" component="section" aria-label={`${stage.code} ${stage.name}`}>
        <Accordion variant="separated" value={openTask} onChange={setOpenTask}>
          {tasks.map((task) => (
            <Accordion.Item key={task.key} value={task.key}>
              <Accordion.Control>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" color="gray">
                    {task.number}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {task.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {LANE_LABELS[task.lane]}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {openTask === task.key && (
                  <TaskEditor
                    task={task}
                    definition={definition}
                    onChange={(taskChange) =>
                      onChange(updateTask(definition, task.key, taskChange))
                    }
                    onRemove={() => onChange(removeTask(definition, task.key))}
                  />
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <AddEntryForm
          label="optional task"
          placeholder={`A new task in ${stage.code}`}
          kinds={{ label: `Swim lane of the new task in ${stage.code}`, options: LANES }}
          onAdd={(name, lane) => {
            const next = addOptionalTask(definition, {
              name,
              stage: stage.key,
              lane: ZLane.catch('onstage').parse(lane),
              roles: [],
            });
            onChange(next);
            setOpenTask(next.tasks.find((task) => !definition.tasks.includes(task))?.key ?? null);
          }}
        />
      </Stack>
    </Stack>
  );
}

function StagesEditor({
  definition,
  onChange,
}: {
  definition: TProcessDefinition;
  onChange: (next: TProcessDefinition) => void;
}) {
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        The stages, their order and what must hold before moving on are how Closeout enforces the
        process; their names, descriptions and due dates are yours.
      </Text>
      {definition.stages.map((stage) => (
        <Paper key={stage.key} withBorder p="md" radius="md">
          <Stack gap="xs">
            <Badge variant="light" color="gray">
              {stage.code}
            </Badge>
            <TextInput
              label={`Name of stage ${stage.code}`}
              value={stage.name}
              maxLength={120}
              required
              error={stage.name.trim() === '' ? 'A stage needs a name.' : undefined}
              onChange={(event) =>
                onChange(updateStage(definition, stage.key, { name: event.currentTarget.value }))
              }
            />
            <Textarea
              label={`Description of stage ${stage.code}`}
              value={stage.description}
              maxLength={1000}
              autosize
              minRows={2}
              onChange={(event) =>
                onChange(
                  updateStage(definition, stage.key, { description: event.currentTarget.value }),
                )
              }
            />
            <DueRuleInput
              label={`Stage ${stage.code}`}
              value={stage.due}
              onChange={(due) => onChange(updateStage(definition, stage.key, { due }))}
            />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
