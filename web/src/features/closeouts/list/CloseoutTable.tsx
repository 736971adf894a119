import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TProcessDefinition } from '../../../../../src/blueprint/schema.js';
import type { TCloseoutPage } from '../../../api/closeouts.js';
import { useStaffName } from '../../../api/staff.js';
import { SortableHeader } from '../../../components/SortableHeader.js';
import { formatDay, formatMoment, formatMoney } from '../../../format.js';
import { STATUS_COLORS, STATUS_LABELS, TRIGGER_LABELS } from '../../../labels.js';
import type { CloseoutSort } from './use-closeout-filters.js';

type SortColumn = 'reference' | 'noticeReceivedOn' | 'openedAt' | 'mrrAtRisk';

/** Dates, amounts and badges read badly broken over two lines. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;
/** A badge's label may otherwise shrink to an ellipsis when the table is tight. */
const BADGE_STYLES = { label: { overflow: 'visible' } } as const;

export function CloseoutTable({
  page,
  definition,
  sort,
  onSort,
  stale,
}: {
  page: TCloseoutPage;
  /** The current process, for stage names; a stage it no longer has shows by its key. */
  definition: TProcessDefinition | undefined;
  sort: CloseoutSort;
  onSort: (sort: CloseoutSort) => void;
  /** True while the next page or filter loads, with the previous rows still shown. */
  stale: boolean;
}) {
  const staffName = useStaffName();
  const stageName = (key: string) =>
    definition?.stages.find((stage) => stage.key === key)?.name ?? key;
  const header = (column: SortColumn, label: string, align?: 'right') => (
    <SortableHeader column={column} label={label} sort={sort} onSort={onSort} align={align} />
  );
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table
        highlightOnHover
        verticalSpacing="sm"
        style={{ opacity: stale ? 0.6 : 1 }}
        aria-label="Closeouts"
        aria-busy={stale}
      >
        <Table.Thead>
          <Table.Tr>
            {header('reference', 'Reference')}
            <Table.Th>Client</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Trigger</Table.Th>
            <Table.Th>Owner</Table.Th>
            {header('noticeReceivedOn', 'Notice')}
            {header('openedAt', 'Opened')}
            <Table.Th>Termination</Table.Th>
            {header('mrrAtRisk', 'MRR at risk', 'right')}
            <Table.Th ta="right">Open tasks</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.items.map((closeout) => (
            <Table.Tr key={closeout.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/closeouts/${closeout.id}`}
                  fw={600}
                  size="sm"
                  style={NOWRAP}
                  aria-label={`${closeout.reference}: ${closeout.client.name}`}
                >
                  {closeout.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/clients/${closeout.client.id}`}
                  size="sm"
                  c="inherit"
                >
                  {closeout.client.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{stageName(closeout.stage)}</Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Badge
                  variant="light"
                  color={STATUS_COLORS[closeout.status]}
                  radius="sm"
                  styles={BADGE_STYLES}
                >
                  {STATUS_LABELS[closeout.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{TRIGGER_LABELS[closeout.trigger]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={closeout.ownerUserId === null ? 'dimmed' : undefined}>
                  {staffName(closeout.ownerUserId)}
                </Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Text size="sm">{formatDay(closeout.noticeReceivedOn)}</Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Text size="sm" title={formatMoment(closeout.openedAt)}>
                  {formatDay(closeout.openedAt.slice(0, 10))}
                </Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Text size="sm" c={closeout.terminationDate === null ? 'dimmed' : undefined}>
                  {formatDay(closeout.terminationDate)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" style={NOWRAP}>
                <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(closeout.mrrAtRisk)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Text size="sm" c={closeout.openTasks === 0 ? 'dimmed' : undefined}>
                    {closeout.openTasks}
                  </Text>
                  {closeout.overdueTasks > 0 && (
                    <Badge color="red" size="sm" radius="sm" styles={BADGE_STYLES}>
                      {closeout.overdueTasks} overdue
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
