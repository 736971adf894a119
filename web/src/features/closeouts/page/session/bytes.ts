/** Sizes of backup copies in decimal units, as storage and backup vendors quote them. */

export const SIZE_UNITS = [
  { value: 'MB', label: 'MB', bytes: 1e6 },
  { value: 'GB', label: 'GB', bytes: 1e9 },
  { value: 'TB', label: 'TB', bytes: 1e12 },
] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number]['value'];

export const toBytes = (amount: number, unit: SizeUnit): number =>
  Math.round(amount * (SIZE_UNITS.find((candidate) => candidate.value === unit)?.bytes ?? 1));

const UNIT_NAMES = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

export function formatBytes(bytes: number): string {
  const exponent = Math.min(
    UNIT_NAMES.length - 1,
    bytes < 1000 ? 0 : Math.floor(Math.log10(bytes) / 3),
  );
  return new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit: UNIT_NAMES[exponent],
    unitDisplay: 'short',
    maximumFractionDigits: exponent === 0 ? 0 : 1,
  }).format(bytes / 1000 ** exponent);
}
