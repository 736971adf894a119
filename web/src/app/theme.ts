import { generateColors } from '@mantine/colors-generator';
import {
  createTheme,
  localStorageColorSchemeManager,
  type MantineColorsTuple,
} from '@mantine/core';

/** One key for the staff app and the client portal: a person who uses both sees one colour scheme. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'closeout-color-scheme' });

/** Mantine's theme in the organisation's own colour (Settings → Organisation). */
export const DEFAULT_BRAND_COLOR = '#1f6feb';

/**
 * The generated palette places the organisation's colour wherever its lightness falls; filled
 * buttons and links use shade 6 in light and dark mode, so that shade is the exact colour the
 * organisation chose.
 * Text on it is black or white, whichever reads (autoContrast), whatever colour that is.
 */
export function themeFor(brandColor: string = DEFAULT_BRAND_COLOR) {
  const generated = generateColors(brandColor);
  const brand = generated.map((shade, index) =>
    index === 6 ? brandColor : shade,
  ) as unknown as MantineColorsTuple;
  return createTheme({
    primaryColor: 'brand',
    primaryShade: 6,
    colors: { brand },
    autoContrast: true,
    defaultRadius: 'md',
    fontFamily:
      'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    focusRing: 'auto',
    cursorType: 'pointer',
    components: {
      // The eye-dropper button has only an icon; screen readers need its name.
      ColorInput: {
        defaultProps: { eyeDropperButtonProps: { 'aria-label': 'Pick a colour from the screen' } },
      },
      // So do the close buttons of notifications, dialogs and drawers.
      Notification: {
        defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss the notification' } },
      },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    },
  });
}
