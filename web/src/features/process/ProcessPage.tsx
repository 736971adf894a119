import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Spoiler,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconFlag, IconHistory, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TGate, TProcessDefinition } from '../../../../src/blueprint/schema.js';
import type { TDefinitionVersion } from '../../../../src/server/process/schema.js';
import { useDefinitionVersions, useProcessDefinition } from '../../api/process.js';
import { useCan } from '../../api/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useSearchParamState } from '../../components/use-search-param-state.js';
import { ProcessDiagrams } from '../diagrams/ProcessDiagrams.js';
import { DetailReportView } from '../reports/DetailReportView.js';
import { TaskReportView } from '../reports/TaskReportView.js';
import { VersionChanges } from './editor/VersionChanges.js';
import {
  DocumentsTable,
  KpiGrid,
  RolesTable,
  SystemsTable,
  VersionsTable,
  versionPath,
} from './ProcessReference.js';
import { GateList, StageSection, stageAnchor } from './StageSection.js';

const VIEWS = [
  'stages',
  'roles',
  'systems',
  'documents',
  'kpis',
  'diagrams',
  'detail-report',
  'task-report',
  'versions',
] as const;
type View = (typeof VIEWS)[number];

const isView = (value: string | null): value is View =>
  value !== null && (VIEWS as readonly string[]).includes(value);

/** The views that each list one part of the definition for reference. */
const REFERENCE_VIEWS: {
  value: View;
  Reference: (props: { definition: TProcessDefinition }) => ReactNode;
}[] = [
  { value: 'roles', Reference: RolesTable },
  { value: 'systems', Reference: SystemsTable },
  { value: 'documents', Reference: DocumentsTable },
  { value: 'kpis', Reference: KpiGrid },
];

/** `?key=msp-11a&version=1` shows a published version; without them, the current one. */
function pinnedVersion(searchParams: URLSearchParams) {
  const key = searchParams.get('key');
  const version = Number(searchParams.get('version'));
  return key !== null && Number.isInteger(version) && version >= 1 ? { key, version } : undefined;
}

/** The organisation's closeout process as it is defined, read-only: every stage, task and gate. */
export function ProcessPage() {
  const [searchParams] = useSearchParams();
  const pinned = pinnedVersion(searchParams);
  const definition = useProcessDefinition(pinned);
  const versions = useDefinitionVersions();
  const canEdit = useCan('process.manage');

  return (
    <>
      <PageHeader
        title="Process"
        description="How a closeout runs here: its stages, who does what in which system, and what must hold before it moves on."
        actions={
          definition.data !== undefined && (
            <Group gap="sm">
              <VersionPicker
                shown={definition.data}
                versions={versions.data?.versions}
                loading={versions.isPending}
              />
              {canEdit && (
                <Button component={Link} to="/process/edit" leftSection={<IconPencil size={16} />}>
                  Edit the process
                </Button>
              )}
            </Group>
          )
        }
      />
      <QueryState query={definition} loadingLabel="Loading the process…">
        {(loaded) => (
          <DefinitionView definition={loaded} versions={versions} pinned={pinned !== undefined} />
        )}
      </QueryState>
    </>
  );
}

function VersionPicker({
  shown,
  versions,
  loading,
}: {
  shown: TProcessDefinition;
  versions: TDefinitionVersion[] | undefined;
  loading: boolean;
}) {
  const navigate = useNavigate();
  const id = (version: { key: string; version: number }) => `${version.key}@${version.version}`;
  const data = versions?.map((version) => ({
    value: id(version),
    label: `Version ${version.version}${version.current ? ' (current)' : ''}`,
  })) ?? [{ value: id(shown), label: `Version ${shown.version}` }];
  return (
    <Select
      aria-label="Process version"
      leftSection={<IconHistory size={16} />}
      data={data}
      value={id(shown)}
      allowDeselect={false}
      disabled={loading || versions === undefined || versions.length < 2}
      w={200}
      onChange={(value) => {
        const version = versions?.find((candidate) => id(candidate) === value);
        if (version !== undefined) void navigate(versionPath(version));
      }}
    />
  );
}

function DefinitionView({
  definition,
  versions,
  pinned,
}: {
  definition: TProcessDefinition;
  versions: ReturnType<typeof useDefinitionVersions>;
  pinned: boolean;
}) {
  const [view, setView] = useSearchParamState<View>('view', {
    parse: (value) => (isView(value) ? value : undefined),
    fallback: 'stages',
    // The reports' filters belong to the report they narrow.
    resets: ['role', 'system'],
  });
  const current = versions.data?.versions.find((version) => version.current);
  const isCurrent =
    !pinned ||
    (current !== undefined &&
      current.key === definition.key &&
      current.version === definition.version);

  const counts: Record<View, number | undefined> = {
    stages: definition.stages.length,
    roles: definition.roles.length,
    systems: definition.systems.length,
    documents: definition.documents.length,
    kpis: definition.kpis.length,
    diagrams: undefined,
    'detail-report': undefined,
    'task-report': undefined,
    versions: versions.data?.versions.length,
  };
  const titles: Record<View, string> = {
    stages: 'Stages and tasks',
    roles: 'Roles',
    systems: 'Systems',
    documents: 'Documents',
    kpis: 'KPIs',
    diagrams: 'Diagrams',
    'detail-report': 'Detail report',
    'task-report': 'Task report',
    versions: 'Versions',
  };

  return (
    <Stack gap="lg">
      {!isCurrent && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconHistory size={18} />}
          title="An earlier version"
        >
          New closeouts open with the current version; closeouts opened with version{' '}
          {definition.version} still follow it.{' '}
          <Anchor component={Link} to="/process" size="sm">
            Show the current version
          </Anchor>
        </Alert>
      )}
      <Overview definition={definition} isCurrent={isCurrent} />
      <Tabs value={view} onChange={(next) => isView(next) && setView(next)} keepMounted={false}>
        <Tabs.List>
          {VIEWS.map((name) => (
            <Tabs.Tab
              key={name}
              value={name}
              rightSection={
                counts[name] === undefined ? undefined : (
                  <Badge size="xs" variant="light" color="gray" circle={counts[name] < 10}>
                    {counts[name]}
                  </Badge>
                )
              }
            >
              {titles[name]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="stages" pt="lg">
          <Stack gap="lg">
            <StageStrip definition={definition} />
            {definition.stages.map((stage) => (
              <StageSection key={stage.key} stage={stage} definition={definition} />
            ))}
            <Closing definition={definition} />
          </Stack>
        </Tabs.Panel>
        {REFERENCE_VIEWS.map(({ value, Reference }) => (
          <Tabs.Panel key={value} value={value} pt="lg">
            <Reference definition={definition} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="diagrams" pt="lg">
          <ProcessDiagrams definition={definition} />
        </Tabs.Panel>
        <Tabs.Panel value="detail-report" pt="lg">
          <DetailReportView version={pinned ? definition.version : undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="task-report" pt="lg">
          <TaskReportView version={pinned ? definition.version : undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="lg">
          <QueryState query={versions} loadingLabel="Loading the versions…">
            {(list) => (
              <Stack gap="xl">
                <VersionsTable
                  versions={list.versions}
                  shown={{ key: definition.key, version: definition.version }}
                />
                <VersionChanges definition={definition} />
              </Stack>
            )}
          </QueryState>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Overview({
  definition,
  isCurrent,
}: {
  definition: TProcessDefinition;
  isCurrent: boolean;
}) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group gap="sm">
          <Title order={2} fz="xl">
            {definition.name}
          </Title>
          <Badge variant="light" color="gray">
            Version {definition.version}
          </Badge>
          {isCurrent && (
            <Badge variant="light" color="teal">
              Current
            </Badge>
          )}
        </Group>
        <Spoiler maxHeight={72} showLabel="Read more" hideLabel="Show less">
          <Stack gap="xs">
            {definition.description.split(/\n{2,}/).map((paragraph) => (
              <Text key={paragraph} size="sm" c="dimmed">
                {paragraph}
              </Text>
            ))}
          </Stack>
        </Spoiler>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Conditions title="Objectives" items={definition.objectives} />
          <Conditions title="Starts when" items={definition.entryConditions} />
          <Conditions title="Done when" items={definition.exitConditions} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Conditions({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={6}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {title}
      </Text>
      <List size="sm" spacing={4}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The stages in order, each a link to its section: the process at a glance. */
function StageStrip({ definition }: { definition: TProcessDefinition }) {
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Group component="nav" aria-label="Stages" wrap="nowrap" gap="xs" align="stretch">
        {definition.stages.map((stage, index) => {
          const taskCount = definition.tasks.filter((task) => task.stage === stage.key).length;
          return (
            <Group key={stage.key} gap="xs" wrap="nowrap">
              {index > 0 && (
                <IconArrowRight size={16} aria-hidden color="var(--mantine-color-dimmed)" />
              )}
              <Paper
                component="a"
                href={`#${stageAnchor(stage.key)}`}
                withBorder
                radius="md"
                px="sm"
                py={8}
                miw={150}
                style={{ textDecoration: 'none', color: 'inherit' }}
              >
                <Text size="xs" c="dimmed">
                  {stage.code} · {taskCount} {taskCount === 1 ? 'task' : 'tasks'}
                </Text>
                <Text size="sm" fw={500} lineClamp={2}>
                  {stage.name}
                </Text>
              </Paper>
            </Group>
          );
        })}
      </Group>
    </ScrollArea>
  );
}

/** What must hold to close a closeout as terminated, and what still follows afterwards. */
function Closing({ definition }: { definition: TProcessDefinition }) {
  const gates = definition.closingGates
    .map((key) => definition.gates.find((gate) => gate.key === key))
    .filter((gate): gate is TGate => gate !== undefined);
  const checkIns = definition.winBackCheckInDays;
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby="process-closing">
      <Stack gap="sm">
        <Group gap="xs">
          <IconFlag size={18} aria-hidden />
          <Title order={2} fz="lg" id="process-closing">
            Closing
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          A closeout closes as terminated in its last stage once all of these hold.
        </Text>
        <GateList gates={gates} />
        <Text size="sm" c="dimmed">
          {checkIns.length > 0
            ? `Win-back check-ins with the former client follow ${checkIns.join(', ')} days after closing. `
            : ''}
          Deactivation issues keep counting for {definition.deactivationIssueWindowDays} days after
          closing.
        </Text>
      </Stack>
    </Paper>
  );
}
