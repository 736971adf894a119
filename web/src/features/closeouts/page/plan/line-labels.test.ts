import { describe, expect, it } from 'vitest';
import { LINE_LABEL_ROWS, labelRows } from './line-labels.js';

describe('labelRows', () => {
  it('keeps labels of lines far apart on the first row', () => {
    expect(
      labelRows([
        { left: 0, label: 'Notice' },
        { left: 400, label: 'Meeting' },
        { left: 800, label: 'Today' },
      ]),
    ).toEqual([0, 0, 0]);
  });

  it('moves the label of a nearby line down a row, in whatever order the lines come', () => {
    expect(
      labelRows([
        { left: 520, label: 'Today' },
        { left: 500, label: 'Termination date (projected)' },
        { left: 530, label: 'Deactivation session' },
      ]),
    ).toEqual([1, 0, 2]);
  });

  it('shares the row that frees up first when every row is taken', () => {
    const crowded = Array.from({ length: LINE_LABEL_ROWS + 1 }, (_, index) => ({
      left: index * 10,
      label: index === 1 ? 'Ends first' : 'A label much longer than the first',
    }));
    expect(labelRows(crowded)).toEqual([0, 1, 2, 1]);
  });
});
