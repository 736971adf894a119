import { Badge, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { TDetailReport, TReportUse } from '../../../../src/server/reports/schema.js';
import type { Paper } from '../../api/reports.js';
import { useDetailReport } from '../../api/reports.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { NoMatches } from '../../components/NoMatches.js';
import { QueryState } from '../../components/QueryState.js';
import { KPI_UNIT_LABELS, ROLE_KIND_LABELS } from '../../labels.js';
import { filterDetailReport } from './filter.js';
import { ReportToolbar, useReportFilter } from './ReportToolbar.js';
import { TaskUses } from './TaskUses.js';

type Entry = { key: string; name: string; description: string; uses: TReportUse[] };

/** The Detail Report of the process version shown: roles, systems, documents and KPIs. */
export function DetailReportView({ version }: { version: number | undefined }) {
  const report = useDetailReport(version);
  return (
    <QueryState query={report} loadingLabel="Loading the Detail Report…">
      {(loaded) => <DetailReport report={loaded} version={version} />}
    </QueryState>
  );
}

function DetailReport({ report, version }: { report: TDetailReport; version: number | undefined }) {
  const [filter, setFilter] = useReportFilter();
  const [paper, setPaper] = useState<Paper>('a4');
  const shown = filterDetailReport(report, filter);
  const nothingMatches =
    (filter.role !== null || filter.system !== null) &&
    [...shown.roles, ...shown.systems].every((entry) => entry.uses.length === 0);
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {report.process.organisationName} · {report.process.name}, version {report.process.version}.
        Each role, system, document and KPI with the tasks that use it, by sub-process.
      </Text>
      <ReportToolbar
        kind="detail"
        version={version}
        roles={report.roles}
        systems={report.systems}
        filter={filter}
        onFilter={setFilter}
        paper={paper}
        onPaper={setPaper}
      />
      {nothingMatches ? (
        <NoMatches
          title="No task has both this role and this system"
          onClear={() => setFilter({ role: null, system: null })}
        >
          Choose another role or system, or clear the filters to see the whole report.
        </NoMatches>
      ) : (
        <>
          <Section title="Roles" count={shown.roles.length}>
            <EntryTable
              caption="Roles in the Detail Report"
              entries={shown.roles}
              extra={{
                header: 'Kind',
                cell: (role) => (
                  <Badge variant="light" color="gray" size="sm">
                    {ROLE_KIND_LABELS[role.kind]}
                  </Badge>
                ),
              }}
            />
          </Section>
          <Section title="Systems" count={shown.systems.length}>
            <EntryTable caption="Systems in the Detail Report" entries={shown.systems} />
          </Section>
          <Section title="Documents" count={shown.documents.length}>
            <EntryTable caption="Documents in the Detail Report" entries={shown.documents} />
          </Section>
          <Section title="KPIs" count={shown.kpis.length}>
            <DataTable
              label="KPIs in the Detail Report"
              rows={shown.kpis}
              rowKey={(kpi) => kpi.key}
              minWidth={860}
              highlightOnHover={false}
              columns={[
                {
                  header: 'KPI',
                  cell: (kpi) => (
                    <Stack gap={4}>
                      <Text size="sm" fw={600}>
                        {kpi.name}
                      </Text>
                      <Badge variant="light" color="gray" size="sm">
                        {KPI_UNIT_LABELS[kpi.unit]}
                      </Badge>
                    </Stack>
                  ),
                },
                { header: 'Definition', cell: (kpi) => <Text size="sm">{kpi.definition}</Text> },
                {
                  header: 'How Closeout computes it',
                  cell: (kpi) => (
                    <Text size="sm" c="dimmed">
                      {kpi.formula ?? 'Not computed by Closeout.'}
                    </Text>
                  ),
                },
                { header: 'Tasks', cell: (kpi) => <TaskUses uses={kpi.uses} /> },
              ]}
            />
          </Section>
        </>
      )}
    </Stack>
  );
}

function Section({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} fz="md">
        {title}{' '}
        <Text span c="dimmed" fz="sm">
          ({count})
        </Text>
      </Title>
      {children}
    </Stack>
  );
}

function EntryTable<TEntry extends Entry>({
  caption,
  entries,
  extra,
}: {
  caption: string;
  entries: TEntry[];
  extra?: Column<TEntry>;
}) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        None for this filter.
      </Text>
    );
  }
  return (
    <DataTable
      label={caption}
      rows={entries}
      rowKey={(entry) => entry.key}
      minWidth={760}
      highlightOnHover={false}
      columns={[
        {
          header: 'Name',
          width: 200,
          cell: (entry) => (
            <Text size="sm" fw={600}>
              {entry.name}
            </Text>
          ),
        },
        extra ?? false,
        {
          header: 'What it is',
          cell: (entry) => (
            <Text size="sm" c="dimmed">
              {entry.description}
            </Text>
          ),
        },
        { header: 'Tasks that use it', cell: (entry) => <TaskUses uses={entry.uses} /> },
      ]}
    />
  );
}
