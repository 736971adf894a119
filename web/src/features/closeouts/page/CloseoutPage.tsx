import { Badge, Button, Grid, Stack, Tabs } from '@mantine/core';
import {
  IconChecklist,
  IconFileText,
  IconHistory,
  IconLayoutList,
  IconSitemap,
  IconTimeline,
} from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutDetail } from '../../../../../src/server/closeouts/schema.js';
import { useCloseout } from '../../../api/closeouts.js';
import { ApiProblem } from '../../../api/http.js';
import { useProcessDefinition } from '../../../api/process.js';
import { useDocumentTitle } from '../../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryState.js';
import { CloseoutBlueprint } from '../../diagrams/CloseoutBlueprint.js';
import { CloseoutHeader } from './CloseoutHeader.js';
import { CloseoutOutcome } from './CloseoutOutcome.js';
import { CloseoutTasks } from './CloseoutTasks.js';
import { CloseoutTimeline } from './CloseoutTimeline.js';
import { ClosingBlockers } from './ClosingBlockers.js';
import { DeactivationIssues } from './DeactivationIssues.js';
import { CloseoutDocuments } from './documents/CloseoutDocuments.js';
import { PortalAccess } from './PortalAccess.js';
import { panelFor } from './panels/index.js';
import { PlanTab } from './plan/PlanTab.js';
import { StageStepper } from './StageStepper.js';
import { type CloseoutTab, useCloseoutLocation, useScrollToHash } from './use-closeout-location.js';

/** `/closeouts/:closeoutId`: one closeout, worked stage by stage. */
export function CloseoutPage() {
  const { closeoutId = '' } = useParams();
  const closeout = useCloseout(closeoutId);

  if (closeout.isPending) return <LoadingState label="Loading the closeout…" />;
  if (closeout.data === undefined) {
    return closeout.error instanceof ApiProblem && closeout.error.status === 404 ? (
      <CloseoutNotFound />
    ) : (
      <ErrorState error={closeout.error} onRetry={() => void closeout.refetch()} />
    );
  }
  return <CloseoutWithDefinition closeout={closeout.data} />;
}

function CloseoutNotFound() {
  useDocumentTitle('Closeout not found');
  return (
    <EmptyState
      title="This closeout does not exist"
      action={
        <Button component={Link} to="/closeouts" variant="default">
          All closeouts
        </Button>
      }
    >
      It may have been opened in another organisation, or the link is mistyped.
    </EmptyState>
  );
}

/** The process version the closeout is pinned to, read once: its stages never change. */
function CloseoutWithDefinition({ closeout }: { closeout: TCloseoutDetail }) {
  const definition = useProcessDefinition({
    key: closeout.definition.key,
    version: closeout.definition.version,
  });
  if (definition.isPending) return <LoadingState label="Loading the process…" />;
  if (definition.data === undefined) {
    return <ErrorState error={definition.error} onRetry={() => void definition.refetch()} />;
  }
  return <CloseoutWorkspace closeout={closeout} definition={definition.data} />;
}

function CloseoutWorkspace({
  closeout,
  definition,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
}) {
  const { stageKey, tab, selectTab, showCurrentStage } = useCloseoutLocation(definition, closeout);
  useScrollToHash(tab === 'stage');
  const openTasks = closeout.tasks.filter((task) => task.status === 'open').length;

  return (
    <>
      <CloseoutHeader closeout={closeout} definition={definition} />
      <Stack gap="lg">
        <StageStepper closeout={closeout} definition={definition} selectedStageKey={stageKey} />
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              {closeout.status === 'terminated' && (
                <DeactivationIssues closeout={closeout} editable />
              )}
              <Tabs
                value={tab}
                onChange={(value) => value !== null && selectTab(value as CloseoutTab)}
                keepMounted={false}
              >
                <Tabs.List mb="md">
                  <Tabs.Tab value="stage" leftSection={<IconLayoutList size={16} />}>
                    Stage
                  </Tabs.Tab>
                  <Tabs.Tab
                    value="tasks"
                    leftSection={<IconChecklist size={16} />}
                    rightSection={
                      openTasks > 0 ? (
                        <Badge size="sm" variant="light" circle={openTasks < 10}>
                          {openTasks}
                        </Badge>
                      ) : undefined
                    }
                  >
                    Tasks
                  </Tabs.Tab>
                  <Tabs.Tab value="plan" leftSection={<IconTimeline size={16} />}>
                    Plan
                  </Tabs.Tab>
                  <Tabs.Tab value="blueprint" leftSection={<IconSitemap size={16} />}>
                    Blueprint
                  </Tabs.Tab>
                  <Tabs.Tab value="timeline" leftSection={<IconHistory size={16} />}>
                    Timeline
                  </Tabs.Tab>
                  <Tabs.Tab value="documents" leftSection={<IconFileText size={16} />}>
                    Documents
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="stage">
                  <SelectedStagePanel
                    closeout={closeout}
                    definition={definition}
                    stageKey={stageKey}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="tasks">
                  <CloseoutTasks closeout={closeout} definition={definition} />
                </Tabs.Panel>
                <Tabs.Panel value="plan">
                  <PlanTab closeout={closeout} />
                </Tabs.Panel>
                <Tabs.Panel value="blueprint">
                  <CloseoutBlueprint closeout={closeout} definition={definition} />
                </Tabs.Panel>
                <Tabs.Panel value="timeline">
                  <CloseoutTimeline closeout={closeout} definition={definition} />
                </Tabs.Panel>
                <Tabs.Panel value="documents">
                  <CloseoutDocuments closeout={closeout} />
                </Tabs.Panel>
              </Tabs>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg" style={{ position: 'sticky', top: 72 }}>
              {closeout.status === 'open' ? (
                <ClosingBlockers
                  closeout={closeout}
                  definition={definition}
                  onAdvanced={showCurrentStage}
                />
              ) : (
                <CloseoutOutcome closeout={closeout} />
              )}
              <PortalAccess closeout={closeout} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function SelectedStagePanel({
  closeout,
  definition,
  stageKey,
}: {
  closeout: TCloseoutDetail;
  definition: TProcessDefinition;
  stageKey: string;
}) {
  const Panel = panelFor(stageKey);
  const index = definition.stages.findIndex((stage) => stage.key === stageKey);
  return (
    <Panel
      key={stageKey}
      closeout={closeout}
      definition={definition}
      stageKey={stageKey}
      editable={closeout.status === 'open' && index <= closeout.stage.index}
    />
  );
}
