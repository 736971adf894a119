import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';

/**
 * A column header that orders the list by its column, in the API's notation: `name` ascending,
 * `-name` descending. The first click sorts ascending, the next one turns it around.
 */
export function SortableHeader<TColumn extends string>({
  column,
  label,
  sort,
  onSort,
  align,
}: {
  column: TColumn;
  label: string;
  /** The list's current order. */
  sort: string;
  onSort: (sort: TColumn | `-${TColumn}`) => void;
  align?: 'right';
}) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  const Icon =
    direction === 'ascending'
      ? IconArrowUp
      : direction === 'descending'
        ? IconArrowDown
        : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction} ta={align}>
      <UnstyledButton
        onClick={() => onSort(direction === 'ascending' ? `-${column}` : column)}
        aria-label={`Sort by ${label.toLowerCase()}`}
      >
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : undefined}>
          <Text fw={700} size="sm">
            {label}
          </Text>
          <Icon size={14} stroke={1.8} opacity={direction === 'none' ? 0.5 : 1} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
