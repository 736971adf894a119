import { Group, Pagination, Text } from '@mantine/core';

/** Which rows of how many are shown, and the pages to move between; nothing for a single page. */
export function TablePagination({
  page,
  pageSize,
  total,
  noun,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** What the rows are, in the plural: "closeouts". */
  noun: string;
  onPage: (page: number) => void;
}) {
  if (total <= pageSize) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {first}–{last} of {total} {noun}
      </Text>
      <Pagination
        total={Math.ceil(total / pageSize)}
        value={page}
        onChange={onPage}
        getControlProps={(control) => ({ 'aria-label': `${control} page of ${noun}` })}
        getItemProps={(item) => ({ 'aria-label': `Page ${item} of ${noun}` })}
      />
    </Group>
  );
}
