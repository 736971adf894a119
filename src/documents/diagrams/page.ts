/**
 * The paper a diagram prints on. One canvas fits both A3 and 11×17 (tabloid) landscape: its
 * aspect is the area the two papers share inside a half-inch margin, so the same drawing prints
 * at the same size on either, centred.
 */

export const PAPERS = {
  a3: { label: 'A3', width: 1190.55, height: 841.89 },
  tabloid: { label: '11x17', width: 1224, height: 792 },
} as const;
export type Paper = keyof typeof PAPERS;

/** Half an inch: inside what office printers can print on both papers. */
export const PRINT_MARGIN = 36;

export const CANVAS = {
  width: Math.min(PAPERS.a3.width, PAPERS.tabloid.width) - 2 * PRINT_MARGIN,
  height: Math.min(PAPERS.a3.height, PAPERS.tabloid.height) - 2 * PRINT_MARGIN,
};
export const CANVAS_ASPECT = CANVAS.width / CANVAS.height;

/** What a rendered diagram hands to the SVG file, the screen and the PDF. */
export type Diagram = {
  /** The SVG element alone without a size of its own, for a page or a PDF to size. */
  markup: string;
  /** A standalone SVG file. */
  svg: string;
  width: number;
  height: number;
  /** Where the organisation's logo sits, for a renderer that must draw it itself. */
  logo: { href: string; x: number; y: number; width: number; height: number } | null;
  title: string;
};
