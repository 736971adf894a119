/**
 * Colours and type of the diagrams. Every state also has a shape and a word, so a diagram
 * printed in black and white, or read by someone who does not tell red from green, still says
 * it; each colour reaches AA contrast (4.5:1) against white.
 */

export const FONT_FAMILY = 'Helvetica, Arial, sans-serif';

export const INK = '#1f2328';
export const MUTED = '#57606a';
export const RULE = '#8c959f';
export const PAPER = '#ffffff';
export const LANE_TINT = '#f6f8fa';

export const STATE_COLOURS = {
  done: '#1a7f37',
  waived: '#57606a',
  open: '#0550ae',
  overdue: '#cf222e',
  blocking: '#9a6700',
} as const;

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black, whichever reads better on the organisation's colour. */
export function textOn(background: string): string {
  return contrastRatio(background, PAPER) >= contrastRatio(background, INK) ? PAPER : INK;
}

/** The colour mixed towards white: a tint for backgrounds (`amount` 0 = colour, 1 = white). */
export function tint(hex: string, amount: number): string {
  const mixed = channels(hex).map((channel) => Math.round(channel + (255 - channel) * amount));
  return `#${mixed.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** The organisation's colour darkened until text in it reads at AA on white. */
export function readableOnWhite(hex: string): string {
  let [r, g, b] = channels(hex);
  for (let step = 0; step < 20 && contrastRatio(toHex(r, g, b), PAPER) < 4.5; step += 1) {
    [r, g, b] = [r * 0.85, g * 0.85, b * 0.85];
  }
  return toHex(r, g, b);
}

const toHex = (r: number, g: number, b: number) =>
  `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
