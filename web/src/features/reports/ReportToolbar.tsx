import { Button, Group, Select } from '@mantine/core';
import { IconDownload, IconFilter } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { type Paper, type ReportKind, reportPdfUrl } from '../../api/reports.js';
import { withParams } from '../../components/use-search-param-state.js';
import type { ReportFilter } from './filter.js';

type Option = { key: string; name: string };

/** The filter lives in the address (`?role=…&system=…`), so a filtered report can be linked to. */
export function useReportFilter(): [ReportFilter, (change: Partial<ReportFilter>) => void] {
  const [params, setParams] = useSearchParams();
  const filter = { role: params.get('role'), system: params.get('system') };
  const change = (next: Partial<ReportFilter>) => setParams((current) => withParams(current, next));
  return [filter, change];
}

/** Filters by role and system, and the PDF of the report in A4 or US Letter. */
export function ReportToolbar({
  kind,
  version,
  roles,
  systems,
  filter,
  onFilter,
  paper,
  onPaper,
}: {
  kind: ReportKind;
  /** The version shown, when it is not the current one. */
  version: number | undefined;
  roles: Option[];
  systems: Option[];
  filter: ReportFilter;
  onFilter: (change: Partial<ReportFilter>) => void;
  paper: Paper;
  onPaper: (paper: Paper) => void;
}) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label="Role"
          placeholder="Every role"
          leftSection={<IconFilter size={14} />}
          data={roles.map((role) => ({ value: role.key, label: role.name }))}
          value={filter.role}
          onChange={(role) => onFilter({ role })}
          clearable
          searchable
          w={220}
        />
        <Select
          label="System"
          placeholder="Every system"
          leftSection={<IconFilter size={14} />}
          data={systems.map((system) => ({ value: system.key, label: system.name }))}
          value={filter.system}
          onChange={(system) => onFilter({ system })}
          clearable
          searchable
          w={220}
        />
      </Group>
      <Group gap="sm" align="flex-end">
        <Select
          label="Paper"
          data={[
            { value: 'a4', label: 'A4' },
            { value: 'letter', label: 'US Letter' },
          ]}
          value={paper}
          onChange={(value) => value !== null && onPaper(value as Paper)}
          allowDeselect={false}
          w={130}
        />
        <Button
          component="a"
          href={reportPdfUrl(kind, { version, paper })}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          Download PDF
        </Button>
      </Group>
    </Group>
  );
}
