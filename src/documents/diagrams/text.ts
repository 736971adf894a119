/**
 * Text measurement without a renderer: Helvetica's advance widths (Arial shares them), so the
 * wrapping is the same in the browser, in the SVG file and in the PDF that pdfkit sets in
 * Helvetica. Widths are per 1000 units of font size, for the printable ASCII range.
 */

const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
  611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
  278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Typographic punctuation the process text uses; anything else counts as a wide letter. */
const OTHER: Record<string, number> = {
  '\u2018': 222,
  '\u2019': 222,
  '\u201c': 333,
  '\u201d': 333,
  '\u2013': 556,
  '\u2014': 1000,
  '\u2026': 1000,
  '\u00b7': 278,
  '\u2212': 584,
};
const FALLBACK = 611;

export type FontWeight = 'normal' | 'bold';

export function textWidth(text: string, fontSize: number, weight: FontWeight = 'normal'): number {
  const table = weight === 'bold' ? BOLD : REGULAR;
  let units = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    units +=
      code >= 32 && code <= 126
        ? (table[code - 32] ?? FALLBACK)
        : (OTHER[character] ?? (weight === 'bold' ? FALLBACK * 1.05 : FALLBACK));
  }
  return (units * fontSize) / 1000;
}

/** Cuts a word that alone is wider than the line, so nothing runs outside its box. */
function breakWord(word: string, maxWidth: number, fontSize: number, weight: FontWeight) {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece !== '' && textWidth(piece + character, fontSize, weight) > maxWidth) {
      pieces.push(piece);
      piece = character;
    } else {
      piece += character;
    }
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Greedy word wrap to `maxWidth`. With `maxLines`, the last line ends in an ellipsis when the
 * text is longer; the full text still travels in the element's title.
 */
export function wrapText(options: {
  text: string;
  maxWidth: number;
  fontSize: number;
  weight?: FontWeight;
  maxLines?: number;
}): string[] {
  const { text, maxWidth, fontSize, weight = 'normal', maxLines } = options;
  const words = text
    .split(/\s+/)
    .filter((word) => word !== '')
    .flatMap((word) => breakWord(word, maxWidth, fontSize, weight));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  if (maxLines === undefined || lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last !== '' && textWidth(`${last}\u2026`, fontSize, weight) > maxWidth) {
    last = last.slice(0, -1).trimEnd();
  }
  kept[maxLines - 1] = `${last}\u2026`;
  return kept;
}
