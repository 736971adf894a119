import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconFileSpreadsheet } from '@tabler/icons-react';
import type { TCloseoutDetail } from '../../../../../../src/server/closeouts/schema.js';
import { planExportUrl, useCloseoutPlan } from '../../../../api/reports.js';
import { QueryState } from '../../../../components/QueryState.js';
import { useSearchParamState } from '../../../../components/use-search-param-state.js';
import { formatDay } from '../../../../format.js';
import { PlanChart } from './PlanChart.js';
import { PlanTable } from './PlanTable.js';

type PlanView = 'chart' | 'table';

/** The closeout's project plan: every task with its date, as a chart or a table, to export. */
export function PlanTab({ closeout }: { closeout: Pick<TCloseoutDetail, 'id' | 'version'> }) {
  const plan = useCloseoutPlan(closeout.id, closeout.version);
  const [view, setView] = useSearchParamState<PlanView>('planView', {
    parse: (value) => (value === 'chart' || value === 'table' ? value : undefined),
    fallback: 'chart',
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <SegmentedControl
          aria-label="Show the plan as"
          value={view}
          onChange={(value) => setView(value as PlanView)}
          data={[
            { value: 'chart', label: 'Chart' },
            { value: 'table', label: 'Table' },
          ]}
        />
        <Group gap="sm">
          <Button
            component="a"
            href={planExportUrl(closeout.id, 'csv')}
            download
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
          >
            Export CSV
          </Button>
          <Button
            component="a"
            href={planExportUrl(closeout.id, 'ics')}
            download
            variant="default"
            leftSection={<IconCalendarPlus size={16} />}
          >
            Add to calendar (.ics)
          </Button>
        </Group>
      </Group>
      <QueryState query={plan} loadingLabel="Loading the plan…">
        {(loaded) => (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              Every task of {loaded.process.name} (version {loaded.process.version}) with its date.
              Dates that count from something not agreed yet are projected from when the process
              expects it:{' '}
              {loaded.anchors
                .filter((anchor) => anchor.kind === 'projected')
                .map((anchor) => `${anchor.label} ${formatDay(anchor.date)}`)
                .join(', ') || 'none at the moment'}
              .
            </Text>
            {view === 'chart' ? <PlanChart plan={loaded} /> : <PlanTable plan={loaded} />}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
