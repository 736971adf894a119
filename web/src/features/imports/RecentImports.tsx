import { Anchor, Badge, Card, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TImportFormats, TImportSummary } from '../../../../src/server/imports/schema.js';
import { useRecentImports } from '../../api/imports.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, QueryState } from '../../components/QueryState.js';
import { SectionHeader } from '../../components/SectionHeader.js';
import { formatMoment } from '../../format.js';
import { IMPORT_STATUS_COLORS, IMPORT_STATUS_LABELS } from './labels.js';

const outcome = ({ status, counts }: TImportSummary): string => {
  if (status !== 'succeeded' && status !== 'failed') return '—';
  const parts = [
    `${counts.created} created`,
    `${counts.updated} updated`,
    `${counts.unchanged} unchanged`,
    ...(counts.failed > 0 ? [`${counts.failed} failed`] : []),
  ];
  return parts.join(' · ');
};

/** The latest imports, each one a link back to its step (its mapping, progress or summary). */
export function RecentImports({ formats }: { formats: TImportFormats }) {
  const imports = useRecentImports();
  const entityLabel = (entity: string) =>
    formats.entities.find((candidate) => candidate.entity === entity)?.label ?? entity;
  return (
    <>
      <SectionHeader title="Recent imports" description="The last ten files, newest first." />
      <Card withBorder padding={0}>
        <QueryState
          query={imports}
          loadingLabel="Loading the imports…"
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState title="No imports yet">The files you import are listed here.</EmptyState>
          }
        >
          {(page) => (
            <DataTable
              rows={page.items}
              rowKey={(item) => item.id}
              minWidth={720}
              label="Recent imports"
              columns={[
                {
                  header: 'File',
                  cell: (item) => (
                    <>
                      <Anchor component={Link} to={`?import=${item.id}`} size="sm" fw={500}>
                        {item.fileName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {entityLabel(item.entity)}
                      </Text>
                    </>
                  ),
                },
                {
                  header: 'Status',
                  cell: (item) => (
                    <Badge
                      color={IMPORT_STATUS_COLORS[item.status]}
                      variant="light"
                      tt="none"
                      miw="max-content"
                    >
                      {IMPORT_STATUS_LABELS[item.status]}
                    </Badge>
                  ),
                },
                {
                  header: 'Rows',
                  cell: (item) => <Text size="sm">{outcome(item)}</Text>,
                },
                {
                  header: 'Uploaded',
                  cell: (item) => <Text size="sm">{formatMoment(item.createdAt)}</Text>,
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
