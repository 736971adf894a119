import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TProcessDraftReview } from '../../../../../src/server/process/schema.js';
import { usePublishProcessDraft } from '../../../api/process-draft.js';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { ChangeList } from './ChangeList.js';

/** "Task 7 · Roles" for a path into the definition, so a problem says where to look. */
function placeOf(definition: TProcessDefinition, path: (string | number)[]): string {
  const [collection, index, field] = path;
  if (collection === 'tasks' && typeof index === 'number') {
    const task = definition.tasks[index];
    const where = task === undefined ? 'A task' : `Task ${task.number} "${task.name}"`;
    return field === undefined ? where : `${where} · ${String(field)}`;
  }
  if (
    (collection === 'roles' || collection === 'systems' || collection === 'documents') &&
    typeof index === 'number'
  ) {
    return `${collection[0]?.toUpperCase()}${collection.slice(1)} · ${definition[collection][index]?.name ?? index}`;
  }
  return path.length === 0 ? 'The draft' : path.join(' · ');
}

/** Names for keys the changes mention, whether the draft added them or the current version had them. */
function nameLookup(definition: TProcessDefinition) {
  const names = new Map(
    [...definition.roles, ...definition.systems, ...definition.documents].map((entry) => [
      entry.key,
      entry.name,
    ]),
  );
  return (key: string) => names.get(key) ?? key;
}

/** What keeps the draft from being published, what it changes, and publishing it. */
export function DraftReview({
  review,
  definition,
  onPublished,
}: {
  review: TProcessDraftReview;
  definition: TProcessDefinition;
  onPublished: (version: number) => void;
}) {
  const publish = usePublishProcessDraft();
  const [confirming, setConfirming] = useState(false);
  const nextVersion = review.currentVersion + 1;

  return (
    <Stack gap="lg">
      {review.baseVersion !== review.currentVersion && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Published meanwhile">
          Version {review.currentVersion} was published after this draft was started from version{' '}
          {review.baseVersion}. The changes below are against version {review.currentVersion}.
        </Alert>
      )}
      {review.problems.length > 0 ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={`${review.problems.length} ${review.problems.length === 1 ? 'thing keeps' : 'things keep'} this draft from being published`}
        >
          <List size="sm" spacing={4}>
            {review.problems.map((problem) => (
              <List.Item key={`${problem.path.join('.')}-${problem.message}`}>
                <Text span size="sm" fw={500}>
                  {placeOf(definition, problem.path)}:
                </Text>{' '}
                {problem.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} title="Ready to publish">
          The draft is a valid process. New closeouts will open with version {nextVersion}; open
          closeouts keep the version they opened with.
        </Alert>
      )}
      <Stack gap="sm">
        <Title order={3}>Changes against version {review.currentVersion}</Title>
        <ChangeList
          changes={review.changes}
          nameOf={nameLookup(definition)}
          emptyTitle={`The draft is the same as version ${review.currentVersion}`}
        />
      </Stack>
      <Group>
        <Button
          leftSection={<IconRocket size={16} />}
          disabled={!review.publishable || review.changes.length === 0}
          onClick={() => setConfirming(true)}
        >
          Publish version {nextVersion}
        </Button>
      </Group>
      {confirming && (
        <ConfirmModal
          title={`Publish version ${nextVersion}?`}
          confirmLabel={`Publish version ${nextVersion}`}
          confirming={publish.isPending}
          error={publish.error}
          problemTitle="The draft was not published"
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            publish.mutate(review.currentVersion, {
              onSuccess: (published) => {
                setConfirming(false);
                onPublished(published.version);
              },
            })
          }
        >
          <Text size="sm">
            {review.changes.length} {review.changes.length === 1 ? 'change' : 'changes'} become
            version {nextVersion}. New closeouts open with it; every open closeout keeps its
            version. A published version never changes.
          </Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}
