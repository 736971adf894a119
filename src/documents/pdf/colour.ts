/** The organisation's colour, and a variant of it dark enough to read as text on white. */

type Rgb = [number, number, number];

function parse(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((part) => Math.round(part).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((part) => {
    const channel = part / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of a colour against white paper. */
export function contrastOnWhite(hex: string): number {
  return 1.05 / (luminance(parse(hex)) + 0.05);
}

/**
 * The accent for headings: the organisation's own colour when it reads well on white (AA, 4.5:1),
 * otherwise the same hue darkened just enough — a pale brand colour still prints legibly.
 */
export function readableAccent(hex: string): string {
  let rgb = parse(hex);
  for (let step = 0; step < 40 && contrastOnWhite(toHex(rgb)) < 4.5; step += 1) {
    rgb = rgb.map((part) => part * 0.92) as Rgb;
  }
  return toHex(rgb);
}

/** Black or white, whichever reads better on the given background. */
export function textOn(hex: string): string {
  return luminance(parse(hex)) > 0.4 ? '#111111' : '#ffffff';
}
