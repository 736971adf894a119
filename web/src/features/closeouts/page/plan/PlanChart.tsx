import { Box, Group, ScrollArea, Text } from '@mantine/core';
import { type CSSProperties, Fragment, useEffect, useRef } from 'react';
import type { TCloseoutPlan, TPlanTask } from '../../../../../../src/server/reports/schema.js';
import { formatDay } from '../../../../format.js';
import { LINE_LABEL_ROWS, labelRows } from './line-labels.js';
import {
  barStart,
  type PlanAxis,
  planAxis,
  TASK_STATE_LABELS,
  type TaskState,
  taskState,
} from './timeline.js';

const LABEL_WIDTH = 320;
const ROW_HEIGHT = 30;
const LINE_LABEL_ROW_HEIGHT = 11;
/** The axis's dates sit under the rows of the vertical lines' labels. */
const AXIS_DATES_TOP = 2 + LINE_LABEL_ROWS * LINE_LABEL_ROW_HEIGHT;
const HEADER_HEIGHT = AXIS_DATES_TOP + 20;

/** Bars: at least 3:1 against the page, as graphics need. */
const STATE_COLOURS: Record<TaskState, string> = {
  done: 'var(--mantine-color-teal-8)',
  waived: 'var(--mantine-color-gray-6)',
  overdue: 'var(--mantine-color-red-8)',
  open: 'var(--mantine-color-blue-7)',
  planned: 'var(--mantine-color-indigo-6)',
};

const readable = (colour: string) =>
  `light-dark(var(--mantine-color-${colour}-9), var(--mantine-color-${colour}-3))`;

/** The state in words: at least 4.5:1 in either colour scheme, as text needs. */
const STATE_TEXT_COLOURS: Record<TaskState, string> = {
  done: readable('teal'),
  waived: readable('gray'),
  overdue: readable('red'),
  open: readable('blue'),
  planned: readable('indigo'),
};

/** The symbol beside a task's state, so the chart reads without its colours. */
const STATE_MARKS: Record<TaskState, string> = {
  done: '✓',
  waived: '–',
  overdue: '!',
  open: '○',
  planned: '·',
};

const x = (axis: PlanAxis, day: string) => LABEL_WIDTH + axis.offset(day) * axis.dayWidth;

/**
 * The plan as a Gantt chart: a row per task grouped by sub-process, each bar from when its
 * sub-process opens to its date, lines for today and the dates tasks count from. Scrolls
 * sideways; the Table view carries the same plan for screen readers and print.
 */
export function PlanChart({ plan }: { plan: TCloseoutPlan }) {
  const axis = planAxis(plan);
  const width = LABEL_WIDTH + axis.length * axis.dayWidth;
  const rows = plan.stages.flatMap((stage) => {
    const tasks = plan.tasks.filter((task) => task.stageKey === stage.key);
    return tasks.length === 0 ? [] : [{ stage, tasks }];
  });
  // Each sub-process takes a row for itself and one per task, one under the other.
  let top = HEADER_HEIGHT;
  const placed = rows.map((row) => {
    const at = top;
    top += (row.tasks.length + 1) * ROW_HEIGHT;
    return { ...row, top: at };
  });
  const height = top;
  const projected = plan.tasks.some((task) => task.dateKind === 'projected');
  const viewport = useRef<HTMLDivElement>(null);
  const todayOffset = axis.offset(plan.today) * axis.dayWidth;
  // Opens on today, a little of the past to its left, however long ago the notice came.
  useEffect(() => {
    if (viewport.current !== null) viewport.current.scrollLeft = Math.max(0, todayOffset - 200);
  }, [todayOffset]);

  return (
    <Box>
      <Legend projected={projected} />
      <ScrollArea
        type="auto"
        offsetScrollbars
        mt="sm"
        viewportRef={viewport}
        // The chart is wider than the page: the keyboard scrolls it once it has the focus.
        viewportProps={{ tabIndex: 0, role: 'group', 'aria-label': 'Plan chart, scrolls sideways' }}
      >
        <Box
          role="figure"
          aria-label={`Plan chart of ${plan.closeout.reference}: ${plan.tasks.length} tasks from ${formatDay(axis.first)}. The Table view lists the same tasks and dates.`}
          pos="relative"
          style={{ width, height }}
        >
          <AxisHeader axis={axis} width={width} />
          <Lines plan={plan} axis={axis} height={height} />
          {placed.map(({ stage, tasks, top }) => (
            <Fragment key={stage.key}>
              <StageRow
                top={top}
                width={width}
                title={`${stage.code} ${stage.name}`}
                due={stage.date}
                projected={stage.dateKind === 'projected'}
                axis={axis}
              />
              {tasks.map((task, index) => (
                <TaskRow
                  key={task.taskKey}
                  top={top + (index + 1) * ROW_HEIGHT}
                  width={width}
                  plan={plan}
                  task={task}
                  axis={axis}
                />
              ))}
            </Fragment>
          ))}
        </Box>
      </ScrollArea>
    </Box>
  );
}

const stickyLabel: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 2,
  width: LABEL_WIDTH,
  background: 'var(--mantine-color-body)',
  borderRight: '1px solid var(--mantine-color-default-border)',
};

function AxisHeader({ axis, width }: { axis: PlanAxis; width: number }) {
  return (
    <Box
      pos="absolute"
      top={0}
      left={0}
      style={{
        width,
        height: HEADER_HEIGHT,
        borderBottom: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Box style={{ ...stickyLabel, height: HEADER_HEIGHT }} px="xs" pt={AXIS_DATES_TOP - 2}>
        <Text size="xs" fw={700} c="dimmed">
          Task
        </Text>
      </Box>
      {axis.ticks.map((tick) => (
        <Text
          key={tick.day}
          size="xs"
          c="dimmed"
          pos="absolute"
          top={AXIS_DATES_TOP}
          left={LABEL_WIDTH + tick.offset * axis.dayWidth + 2}
          style={{ whiteSpace: 'nowrap' }}
        >
          {formatDay(tick.day).replace(/,? \d{4}$/, '')}
        </Text>
      ))}
    </Box>
  );
}

/** Today, and the dates the plan counts from (known or projected), as vertical lines. */
function Lines({ plan, axis, height }: { plan: TCloseoutPlan; axis: PlanAxis; height: number }) {
  const lines = [
    ...plan.anchors.flatMap((anchor) =>
      anchor.date === null
        ? []
        : [
            {
              key: anchor.anchor,
              day: anchor.date,
              label: `${anchor.label[0]?.toUpperCase()}${anchor.label.slice(1)}${anchor.kind === 'projected' ? ' (projected)' : ''}`,
              colour: readable('gray'),
              labelColour: readable('gray'),
              style: 'dashed',
            },
          ],
    ),
    {
      key: 'today',
      day: plan.today,
      label: 'Today',
      colour: readable('orange'),
      // Orange at its darkest is 4.3:1 on white: the line may be orange, its small label not.
      labelColour: 'var(--mantine-color-text)',
      style: 'solid',
    },
  ];
  const placed = lines.map((line) => ({ ...line, left: x(axis, line.day) + axis.dayWidth / 2 }));
  const rows = labelRows(placed);
  return (
    <>
      {placed.map((line, index) => (
        <Box
          key={line.key}
          pos="absolute"
          top={0}
          left={line.left}
          style={{
            height,
            borderLeft: `2px ${line.style} ${line.colour}`,
            zIndex: 1,
            pointerEvents: 'none',
          }}
        >
          <Text
            size="xs"
            fw={600}
            pos="absolute"
            top={2 + (rows[index] ?? 0) * LINE_LABEL_ROW_HEIGHT}
            left={4}
            style={{ whiteSpace: 'nowrap', color: line.labelColour, lineHeight: 1 }}
          >
            {line.label}
          </Text>
        </Box>
      ))}
    </>
  );
}

function StageRow({
  top,
  width,
  title,
  due,
  projected,
  axis,
}: {
  top: number;
  width: number;
  title: string;
  due: string | null;
  projected: boolean;
  axis: PlanAxis;
}) {
  return (
    <Box
      pos="absolute"
      top={top}
      left={0}
      style={{ width, height: ROW_HEIGHT, background: 'var(--mantine-color-default-hover)' }}
    >
      <Box style={{ ...stickyLabel, height: ROW_HEIGHT, background: 'inherit' }} px="xs" py={6}>
        <Text size="sm" fw={700} truncate="end">
          {title}
        </Text>
      </Box>
      {due !== null && (
        <Text
          size="xs"
          fw={600}
          pos="absolute"
          top={8}
          left={x(axis, due) + axis.dayWidth + 4}
          style={{ whiteSpace: 'nowrap' }}
        >
          ◆ Sub-process due {formatDay(due)}
          {projected ? ' (projected)' : ''}
        </Text>
      )}
    </Box>
  );
}

function TaskRow({
  top,
  width,
  plan,
  task,
  axis,
}: {
  top: number;
  width: number;
  plan: TCloseoutPlan;
  task: TPlanTask;
  axis: PlanAxis;
}) {
  const state = taskState(task);
  const start = barStart(plan, task);
  const colour = STATE_COLOURS[state];
  const textColour = STATE_TEXT_COLOURS[state];
  const label = `${task.number === null ? '' : `${task.number} `}${task.name}`;
  const when =
    task.date === null
      ? 'No date'
      : `${formatDay(task.date)}${task.dateKind === 'projected' ? ' (projected)' : ''}`;
  return (
    <Box
      pos="absolute"
      top={top}
      left={0}
      style={{
        width,
        height: ROW_HEIGHT,
        borderBottom: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Group
        gap={6}
        wrap="nowrap"
        px="xs"
        style={{ ...stickyLabel, height: ROW_HEIGHT }}
        title={`${label}: ${TASK_STATE_LABELS[state]}, ${when}`}
      >
        <Text size="xs" fw={700} w={14} ta="center" style={{ color: textColour }} aria-hidden>
          {STATE_MARKS[state]}
        </Text>
        <Text
          size="sm"
          truncate="end"
          style={{
            flex: 1,
            textDecoration: state === 'waived' ? 'line-through' : undefined,
          }}
        >
          {label}
        </Text>
        <Text size="xs" fw={600} style={{ color: textColour, whiteSpace: 'nowrap' }}>
          {TASK_STATE_LABELS[state]}
        </Text>
      </Group>
      {task.date !== null && start !== null && (
        <Box
          pos="absolute"
          top={8}
          left={x(axis, start)}
          title={`${label}: ${TASK_STATE_LABELS[state]}, ${when}`}
          style={{
            width: (axis.offset(task.date) - axis.offset(start) + 1) * axis.dayWidth,
            height: ROW_HEIGHT - 16,
            borderRadius: 4,
            background: task.dateKind === 'projected' ? 'transparent' : colour,
            border: `2px ${task.dateKind === 'projected' ? 'dashed' : 'solid'} ${colour}`,
            opacity: state === 'done' || state === 'waived' ? 0.55 : 1,
          }}
        />
      )}
      {task.date !== null && (
        <Text
          size="xs"
          pos="absolute"
          top={8}
          left={x(axis, task.date) + axis.dayWidth + 4}
          style={{ whiteSpace: 'nowrap', lineHeight: '14px' }}
        >
          {formatDay(task.date)}
          {task.assignee === null ? '' : ` · ${task.assignee.name}`}
        </Text>
      )}
    </Box>
  );
}

function Legend({ projected }: { projected: boolean }) {
  const states: TaskState[] = ['open', 'overdue', 'planned', 'done', 'waived'];
  return (
    <Group gap="md" aria-label="Legend" role="group">
      {states.map((state) => (
        <Group key={state} gap={6} wrap="nowrap">
          <Box
            w={18}
            h={10}
            style={{ background: STATE_COLOURS[state], borderRadius: 3 }}
            aria-hidden
          />
          <Text size="xs">
            {STATE_MARKS[state]} {TASK_STATE_LABELS[state]}
          </Text>
        </Group>
      ))}
      {projected && (
        <Group gap={6} wrap="nowrap">
          <Box
            w={18}
            h={10}
            style={{ border: '2px dashed var(--mantine-color-gray-7)', borderRadius: 3 }}
            aria-hidden
          />
          <Text size="xs">Projected: counts from a date not agreed yet</Text>
        </Group>
      )}
    </Group>
  );
}
