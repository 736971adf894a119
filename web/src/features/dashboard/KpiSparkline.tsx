import '@mantine/charts/styles.css';
import { Sparkline } from '@mantine/charts';
import type { MantineColor } from '@mantine/core';

/**
 * A KPI's months as a small area chart. Loaded on its own, so the charting library stays out of
 * the dashboard's first download.
 */
export function KpiSparkline({
  values,
  color,
  label,
}: {
  values: (number | null)[];
  color: MantineColor;
  /** Says in words what the chart shows, month by month. */
  label: string;
}) {
  return (
    <div role="img" aria-label={label}>
      <Sparkline
        data={values}
        h={44}
        color={color}
        curveType="monotone"
        fillOpacity={0.35}
        strokeWidth={1.75}
        aria-hidden
      />
    </div>
  );
}
