import type { MantineColor } from '@mantine/core';

/**
 * A KPI's months as a small line over a shaded area, drawn as plain SVG: a sparkline needs no
 * axes, tooltips or focusable parts, and a charting library would triple the dashboard's
 * download for it. A month without a value (a rate with nothing to count) is skipped: the line
 * runs from one known month to the next.
 */

const WIDTH = 240;
const HEIGHT = 44;
const PADDING = 3;

type Point = { x: number; y: number };

/** The months that have a value, as points in the drawing's coordinates, at their month's place. */
function plot(values: (number | null)[]): Point[] {
  const known = values.filter((value): value is number => value !== null);
  const low = Math.min(...known);
  const high = Math.max(...known);
  const step = values.length > 1 ? (WIDTH - 2 * PADDING) / (values.length - 1) : 0;
  return values.flatMap((value, index) => {
    if (value === null) return [];
    // A flat series sits in the middle rather than on the floor.
    const share = high === low ? 0.5 : (value - low) / (high - low);
    return [{ x: PADDING + index * step, y: HEIGHT - PADDING - share * (HEIGHT - 2 * PADDING) }];
  });
}

const linePath = (points: Point[]) =>
  points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');

const areaPath = (points: Point[]) =>
  `${linePath(points)} L${points.at(-1)!.x},${HEIGHT} L${points[0]!.x},${HEIGHT} Z`;

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
  const stroke = `var(--mantine-color-${color}-filled)`;
  const points = plot(values);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      height={HEIGHT}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <path d={areaPath(points)} fill={stroke} fillOpacity={0.15} stroke="none" />
      <path
        d={linePath(points)}
        fill="none"
        stroke={stroke}
        strokeWidth={1.75}
        strokeLinejoin="round"
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
