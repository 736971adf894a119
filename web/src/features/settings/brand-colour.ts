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
 * The colour a preview fills with: the theme fills buttons with exactly the brand colour
 * (web/src/app/theme.ts), so the preview uses the one being typed once it is a colour, and
 * `fallback` until then.
 */
export const brandFill = (colour: string, fallback: string): string =>
  isHexColour(colour) ? colour : fallback;
