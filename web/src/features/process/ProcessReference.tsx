import { Anchor, Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TProcessDefinition } from '../../../../src/blueprint/schema.js';
import type { TDefinitionVersion } from '../../../../src/server/process/schema.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/QueryState.js';
import { formatMoment } from '../../format.js';
import { KPI_UNIT_LABELS, ROLE_KIND_LABELS } from '../../labels.js';

/** The definition's roles, systems, documents, KPIs and versions, each as a reference list. */

/** The parts of the definition that tasks name by key. */
type Referenced = 'roles' | 'systems' | 'documents';

/** Each entry of a part with where it is used: "7 tasks in 11a.01, 11a.02". */
function withUsage<TPart extends Referenced>(definition: TProcessDefinition, part: TPart) {
  return definition[part].map((entry: TProcessDefinition[TPart][number]) => {
    const tasks = definition.tasks.filter((task) => task[part].includes(entry.key));
    const stages = definition.stages
      .filter((stage) => tasks.some((task) => task.stage === stage.key))
      .map((stage) => stage.code);
    const usage =
      tasks.length === 0
        ? 'Not used by any task'
        : `${tasks.length} ${tasks.length === 1 ? 'task' : 'tasks'} in ${stages.join(', ')}`;
    return { ...entry, usage };
  });
}

type ReferenceRow = { key: string; name: string; description: string; usage: string };

function ReferenceTable<TRow extends ReferenceRow>({
  caption,
  rows,
  kind,
}: {
  caption: string;
  rows: TRow[];
  /** A column that sorts the rows into kinds, e.g. staff, client and system roles. */
  kind?: Column<TRow>;
}) {
  if (rows.length === 0)
    return <EmptyState title={`This version has no ${caption.toLowerCase()}`} />;
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.key}
      minWidth={640}
      label={caption}
      columns={[
        {
          header: 'Name',
          cell: (row) => (
            <Text size="sm" fw={500}>
              {row.name}
            </Text>
          ),
        },
        kind ?? false,
        {
          header: 'What it is',
          cell: (row) => (
            <Text size="sm" c="dimmed">
              {row.description}
            </Text>
          ),
        },
        {
          header: 'Used by',
          cell: (row) => (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {row.usage}
            </Text>
          ),
        },
      ]}
    />
  );
}

export function RolesTable({ definition }: { definition: TProcessDefinition }) {
  return (
    <ReferenceTable
      caption="Roles"
      rows={withUsage(definition, 'roles')}
      kind={{
        header: 'Kind',
        cell: (role) => (
          <Badge variant="light" color="gray" size="sm">
            {ROLE_KIND_LABELS[role.kind]}
          </Badge>
        ),
      }}
    />
  );
}

export function SystemsTable({ definition }: { definition: TProcessDefinition }) {
  return <ReferenceTable caption="Systems" rows={withUsage(definition, 'systems')} />;
}

export function DocumentsTable({ definition }: { definition: TProcessDefinition }) {
  return <ReferenceTable caption="Documents" rows={withUsage(definition, 'documents')} />;
}

export function KpiGrid({ definition }: { definition: TProcessDefinition }) {
  if (definition.kpis.length === 0) return <EmptyState title="This version defines no KPIs" />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {definition.kpis.map((kpi) => (
        <Card key={kpi.key} withBorder radius="md" padding="lg" component="article">
          <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
            <Text fw={600}>{kpi.name}</Text>
            <Badge variant="light" color="gray" size="sm">
              {KPI_UNIT_LABELS[kpi.unit]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {kpi.definition}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** Where a version is read: the current one at /process, older ones by key and number. */
export const versionPath = (version: Pick<TDefinitionVersion, 'key' | 'version' | 'current'>) =>
  version.current ? '/process' : `/process?key=${version.key}&version=${version.version}`;

export function VersionsTable({
  versions,
  shown,
}: {
  versions: TDefinitionVersion[];
  shown: { key: string; version: number };
}) {
  return (
    <DataTable
      rows={versions}
      rowKey={(version) => `${version.key}@${version.version}`}
      minWidth={560}
      label="Versions of the process"
      columns={[
        {
          header: 'Version',
          cell: (version) => (
            <Group gap="xs" wrap="nowrap">
              {version.key === shown.key && version.version === shown.version ? (
                <Text size="sm" fw={600} aria-current="page">
                  Version {version.version}
                </Text>
              ) : (
                <Anchor component={Link} to={versionPath(version)} size="sm">
                  Version {version.version}
                </Anchor>
              )}
              {version.current && (
                <Badge size="sm" variant="light" color="teal">
                  Current
                </Badge>
              )}
            </Group>
          ),
        },
        { header: 'Name', cell: (version) => <Text size="sm">{version.name}</Text> },
        {
          header: 'Published',
          cell: (version) => (
            <Text size="sm">
              {version.publishedAt === null ? 'Built in' : formatMoment(version.publishedAt)}
            </Text>
          ),
        },
        { header: 'By', cell: (version) => <Text size="sm">{version.publishedBy}</Text> },
      ]}
    />
  );
}
