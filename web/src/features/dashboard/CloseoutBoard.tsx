import { Anchor, Badge, Box, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { TProcessDefinition } from '../../../../src/blueprint/schema.js';
import type { TCloseoutSummary } from '../../../../src/server/closeouts/schema.js';
import { type TCloseoutPage, useCloseoutList } from '../../api/closeouts.js';
import { useProcessDefinition } from '../../api/process.js';
import { ErrorState, LoadingState } from '../../components/QueryState.js';
import { formatMoney } from '../../format.js';
import { CloseoutCard } from './CloseoutCard.js';
import classes from './dashboard.module.css';

/** The most the board shows; beyond that the closeout list pages through them. */
const BOARD_SIZE = 200;

type BoardColumn = {
  key: string;
  title: string;
  code: string | null;
  closeouts: TCloseoutSummary[];
};

/**
 * The stages of the current process, with closeouts pinned to an earlier version whose stage
 * it no longer has gathered in a last column.
 */
function boardColumns(
  definition: TProcessDefinition,
  closeouts: TCloseoutSummary[],
): BoardColumn[] {
  const columns: BoardColumn[] = definition.stages.map((stage) => ({
    key: stage.key,
    title: stage.name,
    code: stage.code,
    closeouts: closeouts.filter((closeout) => closeout.stage === stage.key),
  }));
  const known = new Set(definition.stages.map((stage) => stage.key));
  const elsewhere = closeouts.filter((closeout) => !known.has(closeout.stage));
  if (elsewhere.length > 0) {
    columns.push({
      key: 'earlier-versions',
      title: 'Stages of earlier process versions',
      code: null,
      closeouts: elsewhere,
    });
  }
  return columns;
}

/** Every open closeout by the stage it is in, longest-running first. */
export function CloseoutBoard() {
  const definition = useProcessDefinition();
  const closeouts = useCloseoutList({
    status: 'open',
    sort: 'noticeReceivedOn',
    pageSize: BOARD_SIZE,
  });
  return (
    <section aria-labelledby="board-heading">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} fz="lg" id="board-heading">
          Closeouts under way
        </Title>
        <Anchor component={Link} to="/closeouts?status=open" size="sm">
          See them as a list
        </Anchor>
      </Group>
      {definition.isPending || closeouts.isPending ? (
        <LoadingState label="Loading the board…" />
      ) : definition.data === undefined || closeouts.data === undefined ? (
        <ErrorState
          error={definition.error ?? closeouts.error}
          onRetry={() => {
            void definition.refetch();
            void closeouts.refetch();
          }}
        />
      ) : (
        <Board definition={definition.data} page={closeouts.data} />
      )}
    </section>
  );
}

function Board({ definition, page }: { definition: TProcessDefinition; page: TCloseoutPage }) {
  return (
    <>
      {page.total > page.items.length && (
        <Text size="sm" c="dimmed" mb="xs">
          Showing the {page.items.length} longest-running of {page.total} open closeouts.
        </Text>
      )}
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="xs">
          {boardColumns(definition, page.items).map((column) => (
            <StageColumn key={column.key} column={column} />
          ))}
        </Group>
      </ScrollArea>
    </>
  );
}

function StageColumn({ column }: { column: BoardColumn }) {
  const headingId = `board-stage-${column.key}`;
  // Summed in cents, so that floating-point dust never shows.
  const mrrAtRisk =
    column.closeouts.reduce((cents, closeout) => cents + Math.round(closeout.mrrAtRisk * 100), 0) /
    100;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      className={classes.column}
      p="xs"
      radius="md"
      withBorder
    >
      <Stack gap={2} mb="xs" px={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={3} fz="sm" id={headingId} lineClamp={2}>
            {column.title}
          </Title>
          <Badge variant="default" size="sm" aria-label={`${column.closeouts.length} closeouts`}>
            {column.closeouts.length}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {column.code !== null && `${column.code} · `}
          {formatMoney(mrrAtRisk)} at risk
        </Text>
      </Stack>
      {column.closeouts.length === 0 ? (
        <Box className={classes.emptyColumn} p="md">
          <Text size="xs" c="dimmed" ta="center">
            No closeout is in this stage.
          </Text>
        </Box>
      ) : (
        <Stack gap="xs">
          {column.closeouts.map((closeout) => (
            <CloseoutCard key={closeout.id} closeout={closeout} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
