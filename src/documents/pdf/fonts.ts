import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The faces documents are set in. PDF's built-in Helvetica knows only Western European letters,
 * so a client called "Łódź Dental" would print as garbage; DejaVu Sans (Debian's
 * fonts-dejavu-core) covers Central and Eastern European, Greek and Cyrillic names and is
 * embedded, subset, when the machine has it. Without it the built-in faces are used and every
 * letter they lack is folded to its nearest plain form ("Ł" → "L").
 */

export type Faces = {
  regular: string;
  bold: string;
  oblique: string;
  mono: string;
  /** Makes text printable in these faces. */
  printable(text: string): string;
};

const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';
const DEJAVU = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

const unicodeFaces = (): Faces | null => {
  const paths = Object.fromEntries(
    Object.entries(DEJAVU).map(([face, file]) => [face, join(DEJAVU_DIR, file)]),
  ) as Record<keyof typeof DEJAVU, string>;
  if (!Object.values(paths).every((path) => existsSync(path))) return null;
  return { ...paths, printable: (text) => text };
};

/** The characters of Windows-1252 above Latin-1's range, which the built-in faces also have. */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const FOLDS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '✓': 'v',
};

const inWinAnsi = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    CP1252_EXTRAS.has(char)
  );
};

/** Each character the built-in faces lack, folded to its base letter or a stand-in. */
export function foldToWinAnsi(text: string): string {
  let folded = '';
  for (const char of text) {
    if (inWinAnsi(char)) folded += char;
    else if (FOLDS[char] !== undefined) folded += FOLDS[char];
    else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      folded += [...base].every(inWinAnsi) && base !== '' ? base : '?';
    }
  }
  return folded;
}

const BUILT_IN: Faces = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  oblique: 'Helvetica-Oblique',
  mono: 'Courier',
  printable: foldToWinAnsi,
};

let chosen: Faces | undefined;

/** DejaVu when installed, else the built-in faces; looked up once per process. */
export function documentFaces(): Faces {
  chosen ??= unicodeFaces() ?? BUILT_IN;
  return chosen;
}

export const BUILT_IN_FACES = BUILT_IN;
