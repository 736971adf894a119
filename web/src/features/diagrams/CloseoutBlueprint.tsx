import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TProcessDefinition } from '../../../../src/blueprint/schema.js';
import { closeoutMarks } from '../../../../src/documents/diagrams/marks.js';
import { renderProcessOverview } from '../../../../src/documents/diagrams/process-overview.js';
import type { TCloseoutDetail } from '../../../../src/server/closeouts/schema.js';
import { closeoutDiagramUrl } from '../../api/diagrams.js';
import { useSignedInUser } from '../../api/session.js';
import { DiagramDownloads } from './DiagramDownloads.js';
import { DiagramViewer } from './DiagramViewer.js';
import { todayIso } from './today.js';

/**
 * The closeout's blueprint: the Process Overview Diagram of its pinned version with its done,
 * waived, open, overdue and gate-holding tasks marked and its current stage highlighted. It is
 * drawn from the closeout as the page holds it, so it moves with every change; selecting a task
 * opens its stage.
 */
export function CloseoutBlueprint({
  closeout,
  definition,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
}) {
  const { organisation } = useSignedInUser();
  const [, setParams] = useSearchParams();
  const diagram = useMemo(
    () =>
      renderProcessOverview({
        definition,
        personalisation: organisation.personalisation,
        organisationName: organisation.name,
        generatedOn: todayIso(),
        marks: closeoutMarks(closeout),
      }),
    [closeout, definition, organisation],
  );

  const openStageOf = (taskKey: string) => {
    const stage = definition.tasks.find((task) => task.key === taskKey)?.stage;
    if (stage === undefined) return;
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('stage', stage);
      next.delete('tab');
      return next;
    });
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Where this closeout stands on its process (version {closeout.definition.version}). Select a
        task to open its stage.
      </Text>
      <DiagramViewer
        diagram={diagram}
        label={diagram.title}
        onTaskSelect={openStageOf}
        taskActionLabel="Open the stage of task"
        actions={
          <DiagramDownloads
            name="closeout’s blueprint"
            urlFor={(download) => closeoutDiagramUrl(closeout.id, download)}
          />
        }
      />
    </Stack>
  );
}
