import { Anchor, Badge, Card, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TProcessDefinition, TTask } from '../../../../src/blueprint/schema.js';
import type { TDefinitionVersion } from '../../../../src/server/process/schema.js';
import { EmptyState } from '../../components/QueryState.js';
import { formatMoment } from '../../format.js';
import { KPI_UNIT_LABELS, ROLE_KIND_LABELS } from '../../labels.js';

/** The definition's roles, systems, documents, KPIs and versions, each as a reference list. */

/** "7 tasks in 11a.01, 11a.02", from the tasks that use something. */
function usage(definition: TProcessDefinition, uses: (task: TTask) => boolean): string {
  const tasks = definition.tasks.filter(uses);
  if (tasks.length === 0) return 'Not used by any task';
  const stages = definition.stages
    .filter((stage) => tasks.some((task) => task.stage === stage.key))
    .map((stage) => stage.code);
  return `${tasks.length} ${tasks.length === 1 ? 'task' : 'tasks'} in ${stages.join(', ')}`;
}

function ReferenceTable({
  caption,
  rows,
  extraColumn,
}: {
  caption: string;
  rows: { key: string; name: string; description: string; extra?: string; usage: string }[];
  extraColumn?: string;
}) {
  if (rows.length === 0)
    return <EmptyState title={`This version has no ${caption.toLowerCase()}`} />;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {extraColumn !== undefined && <Table.Th>{extraColumn}</Table.Th>}
            <Table.Th>What it is</Table.Th>
            <Table.Th>Used by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {row.name}
                </Text>
              </Table.Td>
              {extraColumn !== undefined && (
                <Table.Td>
                  <Badge variant="light" color="gray" size="sm">
                    {row.extra}
                  </Badge>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {row.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {row.usage}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RolesTable({ definition }: { definition: TProcessDefinition }) {
  return (
    <ReferenceTable
      caption="Roles"
      extraColumn="Kind"
      rows={definition.roles.map((role) => ({
        key: role.key,
        name: role.name,
        description: role.description,
        extra: ROLE_KIND_LABELS[role.kind],
        usage: usage(definition, (task) => task.roles.includes(role.key)),
      }))}
    />
  );
}

export function SystemsTable({ definition }: { definition: TProcessDefinition }) {
  return (
    <ReferenceTable
      caption="Systems"
      rows={definition.systems.map((system) => ({
        ...system,
        usage: usage(definition, (task) => task.systems.includes(system.key)),
      }))}
    />
  );
}

export function DocumentsTable({ definition }: { definition: TProcessDefinition }) {
  return (
    <ReferenceTable
      caption="Documents"
      rows={definition.documents.map((document) => ({
        ...document,
        usage: usage(definition, (task) => task.documents.includes(document.key)),
      }))}
    />
  );
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
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Versions of the process">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Published</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => {
            const isShown = version.key === shown.key && version.version === shown.version;
            return (
              <Table.Tr key={`${version.key}@${version.version}`}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {isShown ? (
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
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{version.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {version.publishedAt === null ? 'Built in' : formatMoment(version.publishedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{version.publishedBy}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
