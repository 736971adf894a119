import { personalise } from '../../blueprint/personalise.js';
import type { TPersonalisation, TProcessDefinition } from '../../blueprint/schema.js';
import type { Diagram } from './page.js';
import { CANVAS } from './page.js';
import {
  arrowMarker,
  document,
  FOOTER_HEIGHT,
  fitToCanvas,
  footer,
  header,
  lineHeight,
  textBlock,
  wrapped,
} from './parts.js';
import { el, type SvgNode } from './svg.js';
import { INK, LANE_TINT, MUTED, PAPER, RULE, readableOnWhite, textOn, tint } from './theme.js';

/**
 * The Life Cycle Diagram: where closeout sits in the managed-service life cycle of the
 * blueprint series, from onboarding through service delivery, reviews and governance to
 * cancellation, and back to onboarding when a client returns. The modules the organisation's
 * process covers are found from its sub-process codes and drawn in its colour; the modules it
 * hands over to (the Service Improvement Program for retention) are drawn linked.
 */

export type LifeCycleOptions = {
  definition: TProcessDefinition;
  personalisation: TPersonalisation;
  organisationName: string;
  generatedOn: string;
};

type Module = { code: string; name: string };

/** The managed-services blueprint series, phase by phase. */
export const LIFE_CYCLE: { phase: string; modules: Module[] }[] = [
  { phase: 'Sale and onboarding', modules: [{ code: '01', name: 'Onboarding and Activation' }] },
  {
    phase: 'Service delivery',
    modules: [
      { code: '03', name: 'Incident Management' },
      { code: '04', name: 'Service Desk' },
      { code: '05', name: 'Proactive Management: patching and backup' },
    ],
  },
  {
    phase: 'Reviews and improvement',
    modules: [
      { code: '08', name: 'Client Reviews and Satisfaction' },
      { code: '8e', name: 'Service Improvement Program' },
    ],
  },
  { phase: 'Governance and change', modules: [{ code: '10', name: 'Governance and Change' }] },
  {
    phase: 'Cancellation',
    modules: [
      { code: '11a', name: 'Client Service Closeout' },
      { code: '11b', name: 'Service Deactivation' },
    ],
  },
];

const normalise = (code: string) => code.toLowerCase().replace(/^0+(?=\d)/, '');

/** The modules the definition's sub-processes belong to: "11a.03" is module 11a. */
export function coveredModules(definition: TProcessDefinition): Set<string> {
  return new Set(definition.stages.map((stage) => normalise(stage.code.split('.')[0] ?? '')));
}

/** Modules the definition refers to without covering them, e.g. "(module 8e)" or "(8e)". */
export function linkedModules(definition: TProcessDefinition): Set<string> {
  const text = [
    definition.description,
    ...definition.documents.map((document) => document.name),
    ...definition.tasks.map((task) => task.name),
  ].join('\n');
  const codes = [...text.matchAll(/(?:module\s+|\()(\d{1,2}[a-z]?)\b/gi)].map((match) =>
    normalise(match[1] ?? ''),
  );
  const covered = coveredModules(definition);
  return new Set(codes.filter((code) => !covered.has(code)));
}

const PAD = 14;

export function renderLifeCycle(options: LifeCycleOptions): Diagram {
  const { personalisation, organisationName, generatedOn } = options;
  const definition = personalise(options.definition, personalisation);
  const colour = personalisation.primaryColor;
  const accent = readableOnWhite(colour);
  const covered = coveredModules(definition);
  const linked = linkedModules(definition);
  const { width, height } = fitToCanvas(CANVAS.width, CANVAS.height);
  const title = 'Life Cycle Diagram: the managed-service life cycle';
  const top = header({
    width,
    title,
    subtitle: `${organisationName} \u00b7 where ${definition.name} sits, from onboarding to closeout and return`,
    aside: [organisationName, `Version ${definition.version}`],
    personalisation,
    organisationName,
  });

  const staff = definition.roles.filter((role) => role.kind !== 'system').map((role) => role.name);
  const lists: { heading: string; items: string[] }[] = [
    {
      heading: `${definition.name}: sub-processes`,
      items: definition.stages.map((stage) => `${stage.code} ${stage.name}`),
    },
    { heading: 'Roles', items: staff },
    { heading: 'Systems', items: definition.systems.map((system) => system.name) },
  ];
  const longest = Math.max(...lists.map((list) => list.items.length));
  // The panel takes what its lists need, up to a third of the page; the life cycle the rest.
  const panelHeight = Math.min(height / 3, 40 + Math.ceil(longest / 2) * lineHeight(8.5));
  const phaseTop = top.height + 40;
  const gap = 34;
  const phaseWidth = (width - 2 * PAD - gap * (LIFE_CYCLE.length - 1)) / LIFE_CYCLE.length;
  const phaseHeight = height - FOOTER_HEIGHT - 10 - panelHeight - 50 - phaseTop;
  const rowsPerPhase = Math.max(...LIFE_CYCLE.map((phase) => phase.modules.length));
  const moduleHeight = Math.min(80, (phaseHeight - 34) / rowsPerPhase - 10);
  const nodes: SvgNode[] = [];
  const flowY = phaseTop + 34 + moduleHeight / 2;

  LIFE_CYCLE.forEach(({ phase, modules }, index) => {
    const x = PAD + index * (phaseWidth + gap);
    const isCloseout = modules.some((module) => covered.has(normalise(module.code)));
    nodes.push(
      el('rect', {
        x,
        y: phaseTop,
        width: phaseWidth,
        height: phaseHeight,
        rx: 6,
        fill: isCloseout ? tint(colour, 0.88) : LANE_TINT,
        stroke: isCloseout ? colour : RULE,
        'stroke-width': isCloseout ? 2 : 0.8,
      }),
      textBlock(
        wrapped(phase, phaseWidth - 16, { size: 10, weight: 'bold' }).lines,
        x + 8,
        phaseTop + 9,
        { size: 10, weight: 'bold', fill: isCloseout ? accent : INK },
      ),
    );
    modules.forEach((module, row) => {
      const code = normalise(module.code);
      const state = covered.has(code) ? 'covered' : linked.has(code) ? 'linked' : 'other';
      const mx = x + 8;
      const my = phaseTop + 34 + row * (moduleHeight + 10);
      const fill = state === 'covered' ? colour : PAPER;
      const ink = state === 'covered' ? textOn(colour) : INK;
      const label = wrapped(module.name, phaseWidth - 32, { size: 9, weight: 'bold' }, 2).lines;
      nodes.push(
        el(
          'g',
          { class: 'module', 'data-module': module.code, 'data-state': state },
          el(
            'title',
            {},
            `${module.code} ${module.name}${state === 'covered' ? ' (in this process)' : state === 'linked' ? ' (linked from this process)' : ''}`,
          ),
          el('rect', {
            x: mx,
            y: my,
            width: phaseWidth - 16,
            height: moduleHeight,
            rx: 4,
            fill,
            stroke: state === 'other' ? RULE : colour,
            'stroke-width': state === 'other' ? 0.8 : 2,
            'stroke-dasharray': state === 'linked' ? '5 3' : null,
          }),
          textBlock(
            [
              state === 'covered'
                ? `${module.code}  \u00b7  IN THIS PROCESS`
                : state === 'linked'
                  ? `${module.code}  \u00b7  LINKED`
                  : module.code,
            ],
            mx + 8,
            my + 6,
            {
              size: 8,
              weight: 'bold',
              fill: state === 'other' ? MUTED : ink === INK ? accent : ink,
            },
          ),
          textBlock(label, mx + 8, my + 6 + lineHeight(8) + 2, {
            size: 9,
            weight: 'bold',
            fill: ink,
          }),
          state === 'covered' &&
            textBlock(
              definition.stages
                .filter((stage) => normalise(stage.code.split('.')[0] ?? '') === code)
                .map(
                  (stage) =>
                    wrapped(`${stage.code} ${stage.name}`, phaseWidth - 32, { size: 7.5 }, 1)
                      .lines[0] ?? '',
                )
                .slice(0, Math.max(0, Math.floor((moduleHeight - 36) / lineHeight(7.5)))),
              mx + 8,
              my + 10 + lineHeight(8) + label.length * lineHeight(9),
              { size: 7.5, fill: ink },
            ),
        ),
      );
    });
    if (index > 0) {
      const x1 = x - gap + 3;
      nodes.push(
        el('path', {
          d: `M${x1} ${flowY}H${x - 3}`,
          stroke: INK,
          'stroke-width': 1.6,
          'marker-end': 'url(#life-arrow)',
        }),
      );
    }
  });

  // A returning client starts again at onboarding; the closeout's retention work hands over to
  // the Service Improvement Program.
  const loopY = phaseTop + phaseHeight + 26;
  const firstX = PAD + phaseWidth / 2;
  const lastX = PAD + (LIFE_CYCLE.length - 1) * (phaseWidth + gap) + phaseWidth / 2;
  nodes.push(
    el('path', {
      d: `M${lastX} ${phaseTop + phaseHeight}V${loopY}H${firstX}V${phaseTop + phaseHeight + 2}`,
      fill: 'none',
      stroke: accent,
      'stroke-width': 1.8,
      'stroke-dasharray': '7 4',
      'marker-end': 'url(#life-arrow-accent)',
    }),
    el('rect', {
      x: (firstX + lastX) / 2 - 160,
      y: loopY - 8,
      width: 320,
      height: 16,
      fill: PAPER,
    }),
    textBlock(
      ['A former client returns: onboarding again (Client Return Rate)'],
      (firstX + lastX) / 2,
      loopY - 5.5,
      {
        size: 9,
        weight: 'bold',
        fill: accent,
        anchor: 'middle',
      },
    ),
  );
  const improvementIndex = LIFE_CYCLE.findIndex((phase) =>
    phase.modules.some((module) => linked.has(normalise(module.code))),
  );
  if (improvementIndex >= 0) {
    const fromX = PAD + (LIFE_CYCLE.length - 1) * (phaseWidth + gap) + phaseWidth / 2;
    const toX = PAD + improvementIndex * (phaseWidth + gap) + phaseWidth / 2;
    const y = phaseTop - 10;
    nodes.push(
      el('path', {
        d: `M${fromX} ${phaseTop}V${y}H${toX}V${phaseTop - 1}`,
        fill: 'none',
        stroke: accent,
        'stroke-width': 1.4,
        'stroke-dasharray': '4 3',
        'marker-end': 'url(#life-arrow-accent)',
      }),
      textBlock(['Retention: a Service Improvement Program'], (fromX + toX) / 2, y - 11, {
        size: 8.5,
        fill: accent,
        anchor: 'middle',
      }),
    );
  }

  // The organisation's own process: its sub-processes, roles and systems by their own names.
  const panelTop = loopY + 24;
  const columnWidth = (width - 2 * PAD - 24) / 3;
  nodes.push(
    el('rect', {
      x: PAD,
      y: panelTop,
      width: width - 2 * PAD,
      height: panelHeight,
      rx: 6,
      fill: PAPER,
      stroke: colour,
      'stroke-width': 1.2,
    }),
  );
  lists.forEach(({ heading, items }, index) => {
    const x = PAD + 12 + index * (columnWidth + 0);
    const available = panelHeight - 36;
    const perColumn = Math.max(1, Math.floor(available / lineHeight(8.5)));
    const columns = Math.ceil(items.length / perColumn);
    const itemWidth = (columnWidth - 12) / Math.max(1, columns) - 6;
    nodes.push(
      el(
        'g',
        { class: 'panel-list' },
        textBlock(
          wrapped(heading, columnWidth - 12, { size: 9.5, weight: 'bold' }, 1).lines,
          x,
          panelTop + 10,
          { size: 9.5, weight: 'bold', fill: accent },
        ),
        Array.from({ length: columns }, (_, column) =>
          textBlock(
            items
              .slice(column * perColumn, (column + 1) * perColumn)
              .map((item) => wrapped(item, itemWidth, { size: 8.5 }, 1).lines[0] ?? ''),
            x + column * (itemWidth + 6),
            panelTop + 28,
            { size: 8.5, fill: INK },
          ),
        ),
      ),
    );
  });

  const description = [
    `The managed-service life cycle for ${organisationName}: ${LIFE_CYCLE.map((phase) => `${phase.phase} (${phase.modules.map((module) => module.code).join(', ')})`).join(', then ')}, and back to onboarding when a client returns.`,
    `This process, ${definition.name}, covers modules ${[...covered].join(' and ')}`,
    linked.size > 0 ? `and links to ${[...linked].join(', ')}.` : '.',
  ].join(' ');

  return document({
    width,
    height,
    title,
    description,
    logo: top.logo,
    children: [
      el('defs', {}, arrowMarker('life-arrow', INK), arrowMarker('life-arrow-accent', accent)),
      top.nodes,
      nodes,
      footer({
        y: height - FOOTER_HEIGHT,
        width,
        left: `${organisationName} \u00b7 ${definition.name} \u00b7 process ${definition.key} version ${definition.version}`,
        right: `Drawn ${generatedOn} by Closeout`,
      }),
    ],
  });
}

export const lifeCycleSvg = (options: LifeCycleOptions): string => renderLifeCycle(options).svg;
