import type { TPersonalisation } from '../../blueprint/schema.js';
import { CANVAS_ASPECT, type Diagram } from './page.js';
import { el, SVG_NAMESPACE, type SvgChild, type SvgNode, serialiseSvg } from './svg.js';
import { type FontWeight, textWidth, wrapText } from './text.js';
import { FONT_FAMILY, INK, MUTED, PAPER, readableOnWhite, STATE_COLOURS } from './theme.js';

/** Drawing pieces both diagrams share: text blocks, the header with the logo, the footer. */

export type TextStyle = {
  size: number;
  weight?: FontWeight;
  italic?: boolean;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
};

export const lineHeight = (size: number) => size * 1.22;

/** Lines of text whose first baseline sits one ascent below `y`. */
export function textBlock(lines: string[], x: number, y: number, style: TextStyle): SvgNode {
  const height = lineHeight(style.size);
  return el(
    'text',
    {
      x,
      y: y + style.size * 0.9,
      'font-size': style.size,
      'font-weight': style.weight === 'bold' ? 'bold' : null,
      'font-style': style.italic === true ? 'italic' : null,
      fill: style.fill ?? INK,
      'text-anchor': style.anchor ?? null,
    },
    lines.map((line, index) => el('tspan', { x, dy: index === 0 ? 0 : height }, line)),
  );
}

export function wrapped(text: string, width: number, style: TextStyle, maxLines?: number) {
  const lines = wrapText({
    text,
    maxWidth: width,
    fontSize: style.size,
    ...(style.weight === undefined ? {} : { weight: style.weight }),
    ...(maxLines === undefined ? {} : { maxLines }),
  });
  return { lines, height: lines.length * lineHeight(style.size) };
}

export type Header = { nodes: SvgNode[]; height: number; logo: Diagram['logo'] };

const LOGO_MAX = { width: 150, height: 40 };

/** The organisation's logo, name and colour over the diagram's title. */
export function header(options: {
  width: number;
  title: string;
  subtitle: string;
  aside: string[];
  personalisation: TPersonalisation;
  organisationName: string;
}): Header {
  const { width, title, subtitle, aside, personalisation, organisationName } = options;
  const pad = 14;
  const height = 58;
  const logo =
    personalisation.logo === null
      ? null
      : {
          href: personalisation.logo,
          x: pad,
          y: 9,
          width: LOGO_MAX.width,
          height: LOGO_MAX.height,
        };
  const textX = logo === null ? pad : pad + LOGO_MAX.width + 14;
  const colour = personalisation.primaryColor;
  const asideWidth = Math.max(0, ...aside.map((line) => textWidth(line, 8.5)));
  const titleWidth = width - textX - pad - asideWidth - 20;
  const nodes: SvgNode[] = [
    el('rect', { x: 0, y: 0, width, height, fill: PAPER }),
    logo === null
      ? null
      : el('image', {
          href: logo.href,
          x: logo.x,
          y: logo.y,
          width: logo.width,
          height: logo.height,
          preserveAspectRatio: 'xMinYMid meet',
          'aria-label': `${organisationName} logo`,
        }),
    textBlock(
      wrapText({ text: title, maxWidth: titleWidth, fontSize: 16, weight: 'bold', maxLines: 1 }),
      textX,
      10,
      {
        size: 16,
        weight: 'bold',
        fill: readableOnWhite(colour),
      },
    ),
    textBlock(
      wrapText({ text: subtitle, maxWidth: titleWidth, fontSize: 9, maxLines: 2 }),
      textX,
      31,
      {
        size: 9,
        fill: INK,
      },
    ),
    textBlock(aside, width - pad, 12, { size: 8.5, fill: INK, anchor: 'end' }),
    el('rect', { x: 0, y: height - 4, width, height: 4, fill: colour }),
  ].filter((node): node is SvgNode => node !== null);
  return { nodes, height, logo };
}

/** Process key, version and the date: which drawing this is, once printed. */
export function footer(options: {
  y: number;
  width: number;
  left: string;
  right: string;
}): SvgNode {
  const { y, width, left, right } = options;
  return el(
    'g',
    { class: 'footer' },
    el('line', { x1: 14, x2: width - 14, y1: y, y2: y, stroke: MUTED, 'stroke-width': 0.5 }),
    textBlock([left], 14, y + 4, { size: 7.5, fill: MUTED }),
    textBlock([right], width - 14, y + 4, { size: 7.5, fill: MUTED, anchor: 'end' }),
  );
}
export const FOOTER_HEIGHT = 20;

/** A document icon: a page with a folded corner. */
export function documentIcon(x: number, y: number, colour: string): SvgNode {
  return el('path', {
    d: `M${x} ${y}h7l4 4v10h-11z M${x + 7} ${y}v4h4`,
    fill: PAPER,
    stroke: colour,
    'stroke-width': 0.9,
    'stroke-linejoin': 'round',
  });
}

export type MarkState = keyof typeof STATE_COLOURS;

/** The shape of each state, 9 units across, so no state is told by colour alone. */
export function stateIcon(state: MarkState, x: number, y: number): SvgNode {
  const colour = STATE_COLOURS[state];
  const cx = x + 4.5;
  const cy = y + 4.5;
  switch (state) {
    case 'done':
      return el(
        'g',
        {},
        el('circle', { cx, cy, r: 4.5, fill: colour }),
        el('path', {
          d: `M${x + 2.2} ${cy}l1.6 1.7 3-3.4`,
          fill: 'none',
          stroke: PAPER,
          'stroke-width': 1.3,
          'stroke-linecap': 'round',
          'stroke-linejoin': 'round',
        }),
      );
    case 'waived':
      return el(
        'g',
        {},
        el('circle', { cx, cy, r: 4, fill: PAPER, stroke: colour, 'stroke-width': 1 }),
        el('path', { d: `M${x + 2.3} ${cy}h4.4`, stroke: colour, 'stroke-width': 1.3 }),
      );
    case 'open':
      return el('circle', { cx, cy, r: 3.8, fill: PAPER, stroke: colour, 'stroke-width': 1.6 });
    case 'overdue':
      return el(
        'g',
        {},
        el('path', { d: `M${cx} ${y}l4.7 9h-9.4z`, fill: colour }),
        el('path', { d: `M${cx} ${y + 3}v3`, stroke: PAPER, 'stroke-width': 1.2 }),
        el('circle', { cx, cy: y + 7.6, r: 0.6, fill: PAPER }),
      );
    case 'blocking':
      return el(
        'g',
        {},
        el('path', {
          d: `M${x + 2.6} ${y}h3.8l2.6 2.6v3.8l-2.6 2.6h-3.8l-2.6-2.6v-3.8z`,
          fill: colour,
        }),
        el('path', { d: `M${x + 2} ${cy}h5`, stroke: PAPER, 'stroke-width': 1.4 }),
      );
  }
}

/** The arrowhead every flow line ends in. */
export function arrowMarker(id: string, colour: string): SvgNode {
  return el(
    'marker',
    {
      id,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 6,
      markerHeight: 6,
      markerUnits: 'strokeWidth',
      orient: 'auto',
    },
    el('path', { d: 'M0 0L10 5L0 10z', fill: colour }),
  );
}

/** Widens or heightens the drawing to the printable aspect, so it fills either paper. */
export function fitToCanvas(width: number, height: number) {
  return width / height < CANVAS_ASPECT
    ? { width: height * CANVAS_ASPECT, height }
    : { width, height: width / CANVAS_ASPECT };
}

export function document(options: {
  width: number;
  height: number;
  title: string;
  description: string;
  children: SvgChild[];
  logo: Diagram['logo'];
}): Diagram {
  const { width, height, title, description, children, logo } = options;
  const round = (value: number) => Math.round(value * 100) / 100;
  // The file states its size; inlined or drawn into a PDF, the SVG takes the size it is given.
  const root = (size: boolean) =>
    el(
      'svg',
      {
        xmlns: SVG_NAMESPACE,
        viewBox: `0 0 ${round(width)} ${round(height)}`,
        width: size ? round(width) : null,
        height: size ? round(height) : null,
        role: 'img',
        'aria-labelledby': 'diagram-title diagram-desc',
        'font-family': FONT_FAMILY,
      },
      el('title', { id: 'diagram-title' }, title),
      el('desc', { id: 'diagram-desc' }, description),
      el('rect', { x: 0, y: 0, width, height, fill: PAPER }),
      children,
    );
  const svg = serialiseSvg(root(true));
  const sizeless = serialiseSvg(root(false));
  return {
    svg,
    markup: sizeless.slice(sizeless.indexOf('<svg')),
    width,
    height,
    logo,
    title,
  };
}
