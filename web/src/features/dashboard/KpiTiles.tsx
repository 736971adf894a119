import { Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useKpiReport, useKpiTrend } from '../../api/kpis.js';
import { QueryState } from '../../components/QueryState.js';
import { formatDay } from '../../format.js';
import { KpiTile } from './KpiTile.js';
import { KPI_TILES } from './kpi-tiles.js';

const TREND_MONTHS = 12;

/** The process KPIs over the last twelve months, each with its monthly trend. */
export function KpiTiles() {
  const report = useKpiReport();
  const trend = useKpiTrend({ months: TREND_MONTHS });
  const points = trend.isError ? null : trend.data?.points;
  return (
    <section aria-labelledby="kpi-heading">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} fz="lg" id="kpi-heading">
          Last 12 months
        </Title>
        {report.data !== undefined && (
          <Text size="sm" c="dimmed">
            {formatDay(report.data.period.from)} – {formatDay(report.data.period.to)}
          </Text>
        )}
      </Group>
      <QueryState query={report} loadingLabel="Loading the KPIs…">
        {(data) => (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="md">
            {KPI_TILES.map((tile) => (
              <KpiTile key={tile.key} tile={tile} report={data} trend={points} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </section>
  );
}
