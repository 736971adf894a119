import { generateColors } from '@mantine/colors-generator';
import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Mantine's theme in the organisation's own colour (Settings → Organisation). */
export const DEFAULT_BRAND_COLOR = '#1f6feb';

export function themeFor(brandColor: string = DEFAULT_BRAND_COLOR) {
  const brand = generateColors(brandColor) as unknown as MantineColorsTuple;
  return createTheme({
    primaryColor: 'brand',
    colors: { brand },
    defaultRadius: 'md',
    fontFamily:
      'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    focusRing: 'auto',
    cursorType: 'pointer',
  });
}
