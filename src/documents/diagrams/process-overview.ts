import { personalise, roleName, systemName } from '../../blueprint/personalise.js';
import type {
  TLane,
  TPersonalisation,
  TProcessDefinition,
  TStage,
  TTask,
} from '../../blueprint/schema.js';
import type { DiagramMarks, TaskMark } from './marks.js';
import type { Diagram } from './page.js';
import {
  arrowMarker,
  document,
  documentIcon,
  FOOTER_HEIGHT,
  fitToCanvas,
  footer,
  header,
  lineHeight,
  type MarkState,
  stateIcon,
  type TextStyle,
  textBlock,
  wrapped,
} from './parts.js';
import { el, type SvgNode } from './svg.js';
import { textWidth } from './text.js';
import {
  INK,
  LANE_TINT,
  MUTED,
  PAPER,
  RULE,
  readableOnWhite,
  STATE_COLOURS,
  textOn,
  tint,
} from './theme.js';

/**
 * The Process Overview Diagram: the definition drawn as a service blueprint. A column per
 * sub-process, a swim lane per blueprint lane with the lines of interaction, visibility and
 * internal interaction between them, a box per task with its roles and systems, the flow from
 * task to task, and the documents as the physical evidence above the client's actions. The
 * layout is computed from the data: a column is as wide as its busiest lane needs, chosen so the
 * whole drawing prints as large as it can on A3 and 11×17.
 */

export type ProcessOverviewOptions = {
  definition: TProcessDefinition;
  personalisation: TPersonalisation;
  organisationName: string;
  /** The date printed in the footer (YYYY-MM-DD). */
  generatedOn: string;
  /** One closeout's progress, drawn over the tasks. */
  marks?: DiagramMarks;
};

export const LANES: { lane: TLane; label: string }[] = [
  { lane: 'client', label: 'Client actions' },
  { lane: 'onstage', label: 'Onstage' },
  { lane: 'backstage', label: 'Backstage' },
  { lane: 'support', label: 'Support systems' },
];

/** The line drawn under each lane but the last, in blueprint notation. */
export const LANE_LINES: Partial<Record<TLane, { label: string; dash: string | null }>> = {
  client: { label: 'Line of interaction', dash: null },
  onstage: { label: 'Line of visibility', dash: '6 3' },
  backstage: { label: 'Line of internal interaction', dash: '2 2' },
};

export const EVIDENCE_LABEL = 'Physical evidence';

const PAD = 14;
const LABEL_W = 80;
const BOX_W = 96;
const BOX_PAD = 4;
const GAP_X = 12;
const GAP_Y = 9;
const COL_PAD = 6;
const LANE_PAD = 7;
const EMPTY_LANE_H = 22;
const TEXT_W = BOX_W - 2 * BOX_PAD;

const NAME: TextStyle = { size: 8.5, fill: INK };
const META: TextStyle = { size: 7, fill: MUTED };
const NUMBER: TextStyle = { size: 6.5, weight: 'bold', fill: MUTED };
const MARK: TextStyle = { size: 6.5, weight: 'bold' };
const DOC: TextStyle = { size: 6.5, fill: INK };
const STAGE_CODE: TextStyle = { size: 7.5, weight: 'bold' };
const STAGE_NAME: TextStyle = { size: 8.5, weight: 'bold' };
const LANE_LABEL: TextStyle = { size: 8.5, weight: 'bold', fill: INK };
const LINE_LABEL: TextStyle = { size: 6.5, italic: true, fill: INK };

type BoxContent = {
  task: TTask;
  number: string;
  flags: string;
  name: string[];
  roles: string[];
  systems: string[];
  mark: { state: MarkState; words: string[]; colour: string } | null;
  height: number;
};

const MARK_TEXT_W = TEXT_W - 12;

function markOf(mark: TaskMark | undefined): BoxContent['mark'] {
  if (mark === undefined) return null;
  if (mark.status === 'done') return { state: 'done', words: ['Done'], colour: STATE_COLOURS.done };
  if (mark.status === 'waived') {
    return { state: 'waived', words: ['Waived'], colour: STATE_COLOURS.waived };
  }
  const words = ['Open', mark.overdue ? 'overdue' : null, mark.blocking ? 'holds up a gate' : null]
    .filter((word) => word !== null)
    .join(' \u00b7 ');
  const state: MarkState = mark.overdue ? 'overdue' : mark.blocking ? 'blocking' : 'open';
  return { state, words: wrapped(words, MARK_TEXT_W, MARK).lines, colour: STATE_COLOURS[state] };
}

function boxContent(
  definition: TProcessDefinition,
  task: TTask,
  marks: DiagramMarks | undefined,
): BoxContent {
  const name = wrapped(task.name, TEXT_W, NAME, 8);
  const roleNames = task.roles.map((key) => roleName(definition, key));
  const roles = wrapped(roleNames.join(', '), TEXT_W, { ...META, italic: true }, 2);
  const systemNames = task.systems.map((key) => systemName(definition, key));
  const systems =
    systemNames.length === 0
      ? { lines: [], height: 0 }
      : wrapped(`in ${systemNames.join(', ')}`, TEXT_W, META, 2);
  const flags = [task.gate ? 'GATE' : null, task.required ? null : 'OPTIONAL']
    .filter((flag) => flag !== null)
    .join(' ');
  const mark = marks === undefined ? null : markOf(marks.tasks[task.key]);
  const height =
    BOX_PAD +
    lineHeight(NUMBER.size) +
    2 +
    name.height +
    (roles.lines.length > 0 ? 2 + roles.height : 0) +
    systems.height +
    (mark === null ? 0 : 3 + Math.max(mark.words.length * lineHeight(MARK.size), 9)) +
    BOX_PAD;
  return {
    task,
    number: task.number,
    flags,
    name: name.lines,
    roles: roles.lines,
    systems: systems.lines,
    mark,
    height,
  };
}

type EvidenceItem = { key: string; name: string[]; from: string[]; height: number };

/** The documents a sub-process's tasks produce, in the order the tasks first name them. */
function evidenceOf(definition: TProcessDefinition, tasks: TTask[]): EvidenceItem[] {
  const keys = [...new Set(tasks.flatMap((task) => task.documents))];
  return keys.map((key) => {
    const name = definition.documents.find((document) => document.key === key)?.name ?? key;
    const producers = tasks.filter((task) => task.documents.includes(key)).map((t) => t.number);
    const lines = wrapped(name, TEXT_W - 16, DOC, 3);
    const from = wrapped(
      `${producers.length === 1 ? 'task' : 'tasks'} ${producers.join(', ')}`,
      TEXT_W - 16,
      META,
      2,
    );
    return {
      key,
      name: lines.lines,
      from: from.lines,
      height: Math.max(15, lines.height + from.height),
    };
  });
}

/** Rows of `perRow` items laid out in order; a row is as tall as its tallest item. */
function rows<T extends { height: number }>(items: T[], perRow: number, gap: number) {
  const placed: { item: T; column: number; top: number }[] = [];
  let top = 0;
  for (let start = 0; start < items.length; start += perRow) {
    const row = items.slice(start, start + perRow);
    row.forEach((item, column) => {
      placed.push({ item, column, top });
    });
    top += Math.max(...row.map((item) => item.height)) + gap;
  }
  return { placed, height: Math.max(0, top - gap) };
}

type Column = {
  stage: TStage;
  boxes: Record<TLane, BoxContent[]>;
  evidence: EvidenceItem[];
};

type Layout = {
  perRow: number[];
  columnWidths: number[];
  stageHeaderHeight: number;
  evidenceHeight: number;
  laneHeights: Record<TLane, number>;
  width: number;
  height: number;
};

const columnWidth = (perRow: number) => perRow * BOX_W + (perRow - 1) * GAP_X + 2 * COL_PAD;

function measure(columns: Column[], perRow: number[], chrome: number): Layout {
  const columnWidths = perRow.map(columnWidth);
  const stageHeaderHeight = Math.max(
    ...columns.map(
      (column, index) =>
        8 +
        lineHeight(STAGE_CODE.size) +
        wrapped(column.stage.name, (columnWidths[index] ?? BOX_W) - 12, STAGE_NAME, 3).height,
    ),
  );
  const evidenceHeight =
    2 * LANE_PAD +
    Math.max(
      EMPTY_LANE_H,
      ...columns.map((column, index) => rows(column.evidence, perRow[index] ?? 1, 6).height),
    );
  const laneHeights = Object.fromEntries(
    LANES.map(({ lane }) => [
      lane,
      2 * LANE_PAD +
        Math.max(
          EMPTY_LANE_H,
          ...columns.map(
            (column, index) => rows(column.boxes[lane], perRow[index] ?? 1, GAP_Y).height,
          ),
        ),
    ]),
  ) as Record<TLane, number>;
  const width = 2 * PAD + LABEL_W + columnWidths.reduce((sum, value) => sum + value, 0);
  const height =
    chrome +
    stageHeaderHeight +
    evidenceHeight +
    LANES.reduce((sum, { lane }) => sum + laneHeights[lane], 0);
  return { perRow, columnWidths, stageHeaderHeight, evidenceHeight, laneHeights, width, height };
}

/** How large the drawing prints: the scale at which it fills the printable canvas. */
const printScale = (layout: Layout) => {
  const fitted = fitToCanvas(layout.width, layout.height);
  return layout.width / fitted.width;
};

/**
 * Columns start one box wide and take another box per row where that lets the drawing print
 * larger; greedy and deterministic, so the same definition always draws the same way.
 */
function chooseLayout(columns: Column[], chrome: number): Layout {
  let best = measure(
    columns,
    columns.map(() => 1),
    chrome,
  );
  for (;;) {
    let improved: Layout | null = null;
    columns.forEach((column, index) => {
      const most = Math.max(
        1,
        ...LANES.map(({ lane }) => column.boxes[lane].length),
        column.evidence.length,
      );
      if ((best.perRow[index] ?? 1) >= most) return;
      const perRow = best.perRow.map((value, i) => (i === index ? value + 1 : value));
      const candidate = measure(columns, perRow, chrome);
      const reference = improved ?? best;
      if (
        candidate.height < reference.height &&
        printScale(candidate) >= printScale(reference) &&
        printScale(candidate) > printScale(best) + 1e-9
      ) {
        improved = candidate;
      }
    });
    if (improved === null) return best;
    best = improved;
  }
}

type Placed = { content: BoxContent; x: number; y: number };

function taskBox(placed: Placed, colour: string, hasMarks: boolean): SvgNode {
  const { content, x, y } = placed;
  const { task, mark } = content;
  const state = mark?.state;
  const stroke = mark === null ? (hasMarks ? RULE : colour) : mark.colour;
  const fill =
    state === 'done' ? tint(STATE_COLOURS.done, 0.9) : state === 'waived' ? LANE_TINT : PAPER;
  const strokeWidth = state === 'overdue' || state === 'blocking' ? 2 : task.gate ? 1.4 : 0.9;
  const children: SvgNode[] = [
    el('title', {}, `${task.number}. ${task.name}`),
    el('rect', {
      x,
      y,
      width: BOX_W,
      height: content.height,
      rx: 3,
      fill,
      stroke,
      'stroke-width': strokeWidth,
      'stroke-dasharray': state === 'waived' || !task.required ? '3 2' : null,
    }),
  ];
  let cursor = y + BOX_PAD;
  children.push(textBlock([content.number], x + BOX_PAD, cursor, NUMBER));
  if (content.flags !== '') {
    children.push(
      textBlock([content.flags], x + BOX_W - BOX_PAD, cursor, {
        ...NUMBER,
        fill: readableOnWhite(colour),
        anchor: 'end',
      }),
    );
  }
  cursor += lineHeight(NUMBER.size) + 2;
  children.push(
    textBlock(content.name, x + BOX_PAD, cursor, {
      ...NAME,
      fill: state === 'waived' ? MUTED : INK,
    }),
  );
  cursor += content.name.length * lineHeight(NAME.size);
  if (content.roles.length > 0) {
    cursor += 2;
    children.push(
      textBlock(content.roles, x + BOX_PAD, cursor, {
        ...META,
        italic: true,
        fill: readableOnWhite(colour),
      }),
    );
    cursor += content.roles.length * lineHeight(META.size);
  }
  if (content.systems.length > 0) {
    children.push(textBlock(content.systems, x + BOX_PAD, cursor, META));
    cursor += content.systems.length * lineHeight(META.size);
  }
  if (mark !== null) {
    cursor += 3;
    children.push(stateIcon(mark.state, x + BOX_PAD, cursor));
    children.push(
      textBlock(mark.words, x + BOX_PAD + 12, cursor + 0.5, { ...MARK, fill: mark.colour }),
    );
  }
  return el(
    'g',
    {
      class: 'task',
      'data-task': task.key,
      'data-stage': task.stage,
      'data-state': mark?.state ?? null,
    },
    children,
  );
}

/** A curve from one box to the next, leaving and entering on the sides that face each other. */
function flowPath(from: Placed, to: Placed): string {
  const fromRight = from.x + BOX_W;
  if (to.x >= fromRight - 1) {
    const sx = fromRight;
    const sy = from.y + Math.min(from.content.height / 2, 18);
    const tx = to.x;
    const ty = to.y + Math.min(to.content.height / 2, 18);
    const bend = Math.max(8, (tx - sx) / 2);
    return `M${sx} ${sy}C${sx + bend} ${sy} ${tx - bend} ${ty} ${tx} ${ty}`;
  }
  const downwards = to.y > from.y;
  const sx = from.x + BOX_W / 2;
  const sy = downwards ? from.y + from.content.height : from.y;
  const tx = to.x + BOX_W / 2;
  const ty = downwards ? to.y : to.y + to.content.height;
  const bend = Math.max(6, Math.abs(ty - sy) / 2) * (downwards ? 1 : -1);
  return `M${sx} ${sy}C${sx} ${sy + bend} ${tx} ${ty - bend} ${tx} ${ty}`;
}

function legend(options: { x: number; y: number; colour: string; marks: boolean }): {
  node: SvgNode;
  height: number;
} {
  const { x, y, colour, marks } = options;
  const items: { draw: (x: number, y: number) => SvgNode; label: string }[] = [
    {
      draw: (ix, iy) =>
        el('path', {
          d: `M${ix} ${iy + 4.5}h16`,
          stroke: MUTED,
          'stroke-width': 0.9,
          'marker-end': 'url(#flow-arrow)',
        }),
      label: 'Flow from task to task',
    },
    {
      draw: (ix, iy) => documentIcon(ix + 3, iy - 2, readableOnWhite(colour)),
      label: 'Document (physical evidence) and the tasks that produce it',
    },
    {
      draw: (ix, iy) => textBlock(['GATE'], ix, iy, { ...NUMBER, fill: readableOnWhite(colour) }),
      label: 'An exit condition or the next stage depends on it',
    },
    {
      draw: (ix, iy) =>
        el('rect', {
          x: ix,
          y: iy,
          width: 16,
          height: 9,
          rx: 2,
          fill: PAPER,
          stroke: MUTED,
          'stroke-dasharray': '3 2',
        }),
      label: 'Optional task',
    },
  ];
  if (marks) {
    const states: { state: MarkState; label: string }[] = [
      { state: 'done', label: 'Done' },
      { state: 'waived', label: 'Waived' },
      { state: 'open', label: 'Open' },
      { state: 'overdue', label: 'Overdue' },
      { state: 'blocking', label: 'Holds up a gate' },
    ];
    for (const { state, label } of states) {
      items.push({ draw: (ix, iy) => stateIcon(state, ix + 3, iy), label });
    }
    items.push({
      draw: (ix, iy) =>
        el('rect', {
          x: ix,
          y: iy,
          width: 16,
          height: 9,
          fill: tint(colour, 0.86),
          stroke: colour,
          'stroke-width': 1.5,
        }),
      label: 'Current stage',
    });
  }
  const nodes: SvgNode[] = [textBlock(['Legend'], x, y, { size: 7.5, weight: 'bold' })];
  let cursor = x + textWidth('Legend', 7.5, 'bold') + 12;
  for (const item of items) {
    nodes.push(item.draw(cursor, y));
    nodes.push(textBlock([item.label], cursor + 21, y, { size: 7, fill: INK }));
    cursor += 21 + textWidth(item.label, 7) + 14;
  }
  return { node: el('g', { class: 'legend' }, nodes), height: 16 };
}

export function renderProcessOverview(options: ProcessOverviewOptions): Diagram {
  const { personalisation, organisationName, generatedOn, marks } = options;
  const definition = personalise(options.definition, personalisation);
  const colour = personalisation.primaryColor;
  const columns: Column[] = definition.stages.map((stage) => {
    const tasks = definition.tasks.filter((task) => task.stage === stage.key);
    const boxes = Object.fromEntries(
      LANES.map(({ lane }) => [
        lane,
        tasks
          .filter((task) => task.lane === lane)
          .map((task) => boxContent(definition, task, marks)),
      ]),
    ) as Record<TLane, BoxContent[]>;
    return { stage, boxes, evidence: evidenceOf(definition, tasks) };
  });

  const HEADER_H = 58;
  const LEGEND_H = 16;
  const chrome = HEADER_H + 10 + 8 + LEGEND_H + 6 + FOOTER_HEIGHT + 6;
  const layout = chooseLayout(columns, chrome);
  const canvas = fitToCanvas(layout.width, layout.height);
  // The spare width goes to the columns and the spare height to the lanes, so the drawing
  // fills the paper instead of floating in it.
  const spareWidth = canvas.width - layout.width;
  const totalColumns = layout.columnWidths.reduce((sum, value) => sum + value, 0);
  const columnWidths = layout.columnWidths.map(
    (width) => width + (spareWidth * width) / totalColumns,
  );
  const spareHeight = canvas.height - layout.height;
  const laneHeights = Object.fromEntries(
    LANES.map(({ lane }) => [lane, layout.laneHeights[lane] + spareHeight / LANES.length]),
  ) as Record<TLane, number>;

  const title = `Process Overview Diagram: ${definition.name}`;
  const currentStage =
    marks?.currentStage === null || marks === undefined
      ? undefined
      : definition.stages.find((stage) => stage.key === marks.currentStage);
  const aside =
    marks === undefined
      ? [organisationName, `Version ${definition.version}`]
      : [
          `Closeout ${marks.reference}: ${marks.clientName}`,
          currentStage === undefined
            ? `Ended: ${marks.status}`
            : `Current stage: ${currentStage.code} ${currentStage.name}`,
        ];
  const top = header({
    width: canvas.width,
    title,
    subtitle: `${organisationName} \u00b7 ${definition.stages.map((stage) => stage.code).join(', ')} \u00b7 ${definition.tasks.length} tasks`,
    aside,
    personalisation,
    organisationName,
  });

  const gridTop = HEADER_H + 10;
  const gridLeft = PAD + LABEL_W;
  const columnX = columnWidths.map(
    (_, index) => gridLeft + columnWidths.slice(0, index).reduce((sum, value) => sum + value, 0),
  );
  const gridRight = gridLeft + columnWidths.reduce((sum, value) => sum + value, 0);
  const evidenceTop = gridTop + layout.stageHeaderHeight;
  const laneTops = {} as Record<TLane, number>;
  let laneCursor = evidenceTop + layout.evidenceHeight;
  for (const { lane } of LANES) {
    laneTops[lane] = laneCursor;
    laneCursor += laneHeights[lane];
  }
  const gridBottom = laneCursor;

  const background: SvgNode[] = [];
  const lines: SvgNode[] = [];
  const boxes: SvgNode[] = [];
  const evidence: SvgNode[] = [];
  const placedByTask = new Map<string, Placed>();

  LANES.forEach(({ lane }, index) => {
    if (index % 2 === 1) {
      background.push(
        el('rect', {
          x: PAD,
          y: laneTops[lane],
          width: gridRight - PAD,
          height: laneHeights[lane],
          fill: LANE_TINT,
        }),
      );
    }
  });
  columns.forEach((column, index) => {
    const x = columnX[index] ?? gridLeft;
    const width = columnWidths[index] ?? 0;
    const isCurrent = currentStage?.key === column.stage.key;
    if (isCurrent) {
      background.push(
        el('rect', {
          x,
          y: gridTop,
          width,
          height: gridBottom - gridTop,
          fill: tint(colour, 0.86),
          'fill-opacity': 0.7,
        }),
      );
    }
    const codeLines = [column.stage.code];
    const nameLines = wrapped(column.stage.name, width - 12, STAGE_NAME, 3).lines;
    const onColour = textOn(colour);
    background.push(
      el(
        'g',
        { class: 'stage', 'data-stage': column.stage.key },
        el('title', {}, `${column.stage.code} ${column.stage.name}`),
        el('rect', {
          x: x + 1,
          y: gridTop,
          width: width - 2,
          height: layout.stageHeaderHeight - 3,
          fill: colour,
        }),
        textBlock(
          isCurrent ? [`${codeLines[0]}  \u00b7  CURRENT STAGE`] : codeLines,
          x + 6,
          gridTop + 4,
          { ...STAGE_CODE, fill: onColour },
        ),
        textBlock(nameLines, x + 6, gridTop + 4 + lineHeight(STAGE_CODE.size), {
          ...STAGE_NAME,
          fill: onColour,
        }),
      ),
    );
    if (index > 0) {
      lines.push(
        el('line', {
          x1: x,
          x2: x,
          y1: evidenceTop,
          y2: gridBottom,
          stroke: RULE,
          'stroke-width': 0.6,
          'stroke-dasharray': '1 3',
        }),
      );
    }
    if (isCurrent) {
      lines.push(
        el('rect', {
          x: x + 1,
          y: gridTop,
          width: width - 2,
          height: gridBottom - gridTop,
          fill: 'none',
          stroke: colour,
          'stroke-width': 2.5,
        }),
      );
    }

    const perRow = layout.perRow[index] ?? 1;
    const gridWidth = columnWidth(perRow) - 2 * COL_PAD;
    const innerLeft = x + (width - gridWidth) / 2;
    for (const { lane } of LANES) {
      const placed = rows(column.boxes[lane], perRow, GAP_Y);
      for (const { item, column: slot, top } of placed.placed) {
        const position: Placed = {
          content: item,
          x: innerLeft + slot * (BOX_W + GAP_X),
          y: laneTops[lane] + LANE_PAD + top,
        };
        placedByTask.set(item.task.key, position);
        boxes.push(taskBox(position, colour, marks !== undefined));
      }
    }
    const docs = rows(column.evidence, perRow, 6);
    for (const { item, column: slot, top } of docs.placed) {
      const ix = innerLeft + slot * (BOX_W + GAP_X);
      const iy = evidenceTop + LANE_PAD + top;
      evidence.push(
        el(
          'g',
          { class: 'document', 'data-document': item.key },
          el('title', {}, `${item.name.join(' ')} (${item.from.join(' ')})`),
          documentIcon(ix, iy, readableOnWhite(colour)),
          textBlock(item.name, ix + 16, iy, DOC),
          textBlock(item.from, ix + 16, iy + item.name.length * lineHeight(DOC.size), META),
        ),
      );
    }
  });

  // Lane labels, the lines between lanes, and the grid's frame.
  const labels: SvgNode[] = [
    textBlock(
      wrapped(EVIDENCE_LABEL, LABEL_W - 10, LANE_LABEL).lines,
      PAD + 4,
      evidenceTop + 6,
      LANE_LABEL,
    ),
  ];
  lines.push(
    el('line', {
      x1: PAD,
      x2: gridRight,
      y1: evidenceTop + layout.evidenceHeight,
      y2: evidenceTop + layout.evidenceHeight,
      stroke: RULE,
      'stroke-width': 0.6,
    }),
  );
  for (const { lane, label } of LANES) {
    labels.push(
      el(
        'g',
        { class: 'lane', 'data-lane': lane },
        textBlock(
          wrapped(label, LABEL_W - 10, LANE_LABEL).lines,
          PAD + 4,
          laneTops[lane] + 6,
          LANE_LABEL,
        ),
      ),
    );
    const line = LANE_LINES[lane];
    if (line === undefined) continue;
    const y = laneTops[lane] + laneHeights[lane];
    lines.push(
      el(
        'g',
        { class: 'lane-line', 'data-line': line.label },
        el('line', {
          x1: PAD,
          x2: gridRight,
          y1: y,
          y2: y,
          stroke: INK,
          'stroke-width': 1.2,
          'stroke-dasharray': line.dash,
        }),
        el('rect', {
          x: PAD + 2,
          y: y - 9.5,
          width: textWidth(line.label, LINE_LABEL.size) + 4,
          height: 8.5,
          fill: PAPER,
        }),
        textBlock([line.label], PAD + 4, y - 9.5, LINE_LABEL),
      ),
    );
  }
  lines.push(
    el('rect', {
      x: PAD,
      y: evidenceTop,
      width: gridRight - PAD,
      height: gridBottom - evidenceTop,
      fill: 'none',
      stroke: RULE,
      'stroke-width': 0.8,
    }),
  );

  const order = definition.stages.flatMap((stage) =>
    definition.tasks.filter((task) => task.stage === stage.key),
  );
  const flows: SvgNode[] = [];
  for (let index = 1; index < order.length; index += 1) {
    const from = placedByTask.get(order[index - 1]?.key ?? '');
    const to = placedByTask.get(order[index]?.key ?? '');
    if (from === undefined || to === undefined) continue;
    flows.push(
      el('path', {
        d: flowPath(from, to),
        fill: 'none',
        stroke: MUTED,
        'stroke-width': 0.9,
        'stroke-opacity': 0.85,
        'marker-end': 'url(#flow-arrow)',
      }),
    );
  }

  const key = legend({ x: PAD, y: gridBottom + 8, colour, marks: marks !== undefined });
  const bottom = footer({
    y: canvas.height - FOOTER_HEIGHT,
    width: canvas.width,
    left: `${organisationName} \u00b7 ${definition.name} \u00b7 process ${definition.key} version ${definition.version}`,
    right: `Drawn ${generatedOn} by Closeout`,
  });

  const taskCount = definition.tasks.length;
  const description = [
    `A service blueprint of ${definition.name} (process ${definition.key}, version ${definition.version}) for ${organisationName}:`,
    `${definition.stages.length} sub-processes (${definition.stages.map((stage) => `${stage.code} ${stage.name}`).join('; ')}),`,
    `${taskCount} tasks in the lanes client actions, onstage, backstage and support systems,`,
    'separated by the line of interaction, the line of visibility and the line of internal interaction.',
    marks === undefined
      ? ''
      : `Marked with the progress of closeout ${marks.reference} for ${marks.clientName}.`,
  ]
    .filter((part) => part !== '')
    .join(' ');

  return document({
    width: canvas.width,
    height: canvas.height,
    title: marks === undefined ? title : `${title} (closeout ${marks.reference})`,
    description,
    logo: top.logo,
    children: [
      el('defs', {}, arrowMarker('flow-arrow', MUTED)),
      top.nodes,
      background,
      labels,
      lines,
      evidence,
      el('g', { class: 'flow' }, flows),
      el('g', { class: 'tasks' }, boxes),
      key.node,
      bottom,
    ],
  });
}

export const processOverviewSvg = (options: ProcessOverviewOptions): string =>
  renderProcessOverview(options).svg;
