import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

/** One column of a `DataTable`: its header, and what each row shows in it. */
export type Column<TRow> = {
  header: ReactNode;
  cell: (row: TRow) => ReactNode;
  /** Amounts and counts line up on the right. */
  align?: 'right';
  width?: number;
};

/**
 * Records as a table: a header per column, a row per record, scrolling sideways rather than
 * squeezing its columns on a narrow screen.
 */
export function DataTable<TRow>({
  rows,
  columns,
  rowKey,
  minWidth,
  label,
  faded,
  highlightOnHover = true,
}: {
  rows: readonly TRow[];
  columns: readonly (Column<TRow> | false)[];
  rowKey: (row: TRow) => string;
  /** Below this width the table scrolls. */
  minWidth: number;
  /** The table's name for screen readers, when no heading names it. */
  label?: string;
  /** Rows that no longer count (a deactivated user) stay listed, faded. */
  faded?: (row: TRow) => boolean;
  highlightOnHover?: boolean;
}) {
  const shown = columns.filter((column): column is Column<TRow> => column !== false);
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" highlightOnHover={highlightOnHover} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {shown.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a header may be an element; columns never move.
              <Table.Th key={index} ta={column.align} w={column.width}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} opacity={faded?.(row) === true ? 0.65 : undefined}>
              {shown.map((column, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns never move.
                <Table.Td key={index} ta={column.align}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The last column of a table whose rows can be changed: a menu per row, its header unseen. */
export const actionsColumn = <TRow,>(cell: (row: TRow) => ReactNode): Column<TRow> => ({
  header: <VisuallyHidden>Actions</VisuallyHidden>,
  cell,
  width: 48,
});
