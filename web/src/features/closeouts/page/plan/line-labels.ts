/** Rows for the labels above the plan's vertical lines (today, the notice, the meeting, …). */
export const LINE_LABEL_ROWS = 3;

/** Roughly how wide a line's label is in extra-small text, to keep nearby labels apart. */
const labelWidth = (label: string) => label.length * 6.5 + 8;

/**
 * The row of each line's label: from left to right, the first row whose last label ends before
 * this one starts; when every row is taken, the one that frees up first.
 */
export function labelRows(lines: { left: number; label: string }[]): number[] {
  const rowEnds: number[] = Array.from({ length: LINE_LABEL_ROWS }, () => Number.NEGATIVE_INFINITY);
  const rows = lines.map(() => 0);
  const byPosition = lines
    .map((line, index) => ({ ...line, index }))
    .sort((a, b) => a.left - b.left);
  for (const line of byPosition) {
    const free = rowEnds.findIndex((end) => end < line.left);
    const row = free === -1 ? rowEnds.indexOf(Math.min(...rowEnds)) : free;
    rowEnds[row] = line.left + labelWidth(line.label);
    rows[line.index] = row;
  }
  return rows;
}
