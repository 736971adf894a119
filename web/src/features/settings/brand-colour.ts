import { generateColors } from '@mantine/colors-generator';
import { useComputedColorScheme } from '@mantine/core';

/** Colours that read well as a brand in light and dark mode; any other hex colour works too. */
export const BRAND_SWATCHES = [
  '#1f6feb',
  '#0b7285',
  '#0a7d4f',
  '#5f3dc4',
  '#c2255c',
  '#e8590c',
  '#364fc7',
  '#343a40',
];

const isHexColour = (value: string) => /^#[0-9a-fA-F]{6}$/.test(value);

/**
 * The shade the app's theme fills buttons with for a brand colour (Mantine's primary shade of
 * the palette generated from it: 6 in light mode, 8 in dark), so a preview shows what saving
 * will look like. `fallback` stands in while the colour being typed is not a colour yet.
 */
export function useBrandFill(colour: string, fallback: string): string {
  const scheme = useComputedColorScheme('light');
  const palette = generateColors(isHexColour(colour) ? colour : fallback);
  return palette[scheme === 'dark' ? 8 : 6] ?? colour;
}
