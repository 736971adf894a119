import { Card, Group, Skeleton, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { TKpiTrendPoint } from '../../../../src/domain/kpis/report-schema.js';
import type { TKpiReportResponse } from '../../../../src/server/kpis/schema.js';
import { KpiSparkline } from './KpiSparkline.js';
import { kpiStatement, type KpiTile as TKpiTile } from './kpi-tiles.js';

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/** One KPI: its value over the period, what it means, and how it moved month by month. */
export function KpiTile({
  tile,
  report,
  trend,
}: {
  tile: TKpiTile;
  report: TKpiReportResponse;
  /** The months of the trend; undefined while loading, null when it could not be loaded. */
  trend: TKpiTrendPoint[] | undefined | null;
}) {
  const statement = kpiStatement(report, tile.key);
  const name = statement?.name ?? tile.key;
  return (
    <Card withBorder padding="md" component="article" aria-label={name}>
      <Group gap={4} wrap="nowrap">
        <Tooltip
          label={statement?.definition}
          disabled={statement === undefined}
          multiline
          w={320}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
        >
          <UnstyledButton aria-label={`${name}: what it means`}>
            <Text size="sm" fw={600} c="dimmed" lh={1.3}>
              {name}{' '}
              <IconInfoCircle
                size={14}
                stroke={1.7}
                opacity={0.6}
                style={{ verticalAlign: '-2px' }}
                aria-hidden
              />
            </Text>
          </UnstyledButton>
        </Tooltip>
      </Group>
      <Text fz={24} fw={700} lh={1.25} mt={6}>
        {tile.format(tile.value(report))}
      </Text>
      <Text size="xs" c="dimmed" mt={2} lineClamp={2} mih={34}>
        {tile.detail(report)}
      </Text>
      <TileTrend tile={tile} name={name} trend={trend} />
    </Card>
  );
}

function TileTrend({
  tile,
  name,
  trend,
}: {
  tile: TKpiTile;
  name: string;
  trend: TKpiTrendPoint[] | undefined | null;
}) {
  const placeholder = <Skeleton h={44} mt="sm" aria-hidden />;
  if (trend === undefined) return placeholder;
  if (trend === null) {
    return (
      <Text size="xs" c="dimmed" mt="sm" h={44}>
        The trend could not be loaded.
      </Text>
    );
  }
  const values = trend.map(tile.point);
  // A line needs two points; a rate has none in a month in which nothing ended.
  if (values.filter((value) => value !== null).length < 2) {
    return (
      <Text size="xs" c="dimmed" mt="sm" h={44}>
        Too few months with closeouts to draw a trend yet.
      </Text>
    );
  }
  const label = `${name}, month by month: ${trend
    .map((point, index) => `${monthLabel(point.month)} ${tile.format(values[index] ?? null)}`)
    .join(', ')}`;
  return (
    <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
      <KpiSparkline values={values} color={tile.color} label={label} />
    </div>
  );
}
