import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { defaultTaskKey, expectEveryStageAndTask } from '../../../test/support/default-process.js';
import {
  pdfFlatText,
  pdfImages,
  pdfInfo,
  pdfPixels,
  popplerMissing,
  solidPngDataUrl,
} from '../../../test/support/poppler.js';
import { DEFAULT_DEFINITION } from '../../blueprint/default-definition.js';
import { defaultPersonalisation } from '../../blueprint/personalise.js';
import type { TPersonalisation, TProcessDefinition } from '../../blueprint/schema.js';
import { lifeCycleSvg, renderLifeCycle } from './life-cycle.js';
import { closeoutMarks, type MarkableCloseout } from './marks.js';
import { CANVAS_ASPECT, PAPERS } from './page.js';
import { diagramPdf } from './pdf.js';
import {
  EVIDENCE_LABEL,
  LANE_LINES,
  LANES,
  processOverviewSvg,
  renderProcessOverview,
} from './process-overview.js';
import { escapeXml } from './svg.js';
import { textWidth, wrapText } from './text.js';

const ORGANISATION = 'Harbour IT';
const RED_SVG_LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><rect width="40" height="10" fill="#ff0000"/></svg>',
).toString('base64')}`;

const personalisation = (overrides: Partial<TPersonalisation> = {}): TPersonalisation => ({
  ...defaultPersonalisation(ORGANISATION),
  primaryColor: '#0b7a75',
  roleNames: { technician: 'Field Engineer' },
  systemNames: { rmm: 'NinjaOne' },
  ...overrides,
});

const overview = (overrides: Partial<TPersonalisation> = {}, marks?: MarkableCloseout) =>
  renderProcessOverview({
    definition: DEFAULT_DEFINITION,
    personalisation: personalisation(overrides),
    organisationName: ORGANISATION,
    generatedOn: '2026-11-27',
    ...(marks === undefined ? {} : { marks: closeoutMarks(marks) }),
  });

const lifeCycle = (overrides: Partial<TPersonalisation> = {}, definition = DEFAULT_DEFINITION) =>
  renderLifeCycle({
    definition,
    personalisation: personalisation(overrides),
    organisationName: ORGANISATION,
    generatedOn: '2026-11-27',
  });

/** The words a task's box shows, in order, from the markup of its group. */
function visibleText(svg: string, taskKey: string): string {
  const start = svg.indexOf(`data-task="${taskKey}"`);
  expect(start, `task ${taskKey} is drawn`).toBeGreaterThan(0);
  const end = svg.indexOf('class="task"', start);
  const group = svg.slice(start, end === -1 ? undefined : end).replace(/<title>.*?<\/title>/, '');
  return [...group.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]).join(' ');
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A closeout in its open ticket review: 11a.01–02 done but one task waived, one overdue. */
function closeoutInReview(): MarkableCloseout {
  const stageIndex = DEFAULT_DEFINITION.stages.findIndex((stage) => stage.code === '11a.03');
  const reached = DEFAULT_DEFINITION.stages.slice(0, stageIndex + 1).map((stage) => stage.key);
  const review = DEFAULT_DEFINITION.stages[stageIndex];
  if (review === undefined) throw new Error('no 11a.03');
  const tasks = DEFAULT_DEFINITION.tasks
    .filter((task) => reached.includes(task.stage) && !task.entry)
    .map((task, index) => ({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      taskKey: task.key,
      stageKey: task.stage,
      name: task.name,
      lane: task.lane,
      roles: task.roles,
      required: task.required,
      dueOn: '2026-11-20',
      assigneeUserId: null,
      status: (task.stage === review.key ? 'open' : 'done') as 'open' | 'done' | 'waived',
      completedAt: null,
      completedBy: null,
      evidence: '',
      waiverReason: '',
      overdue: task.stage === review.key && task.number === '21',
    }));
  const sip = tasks.find((task) => task.name.includes('Service Improvement Program'));
  if (sip !== undefined) sip.status = 'waived';
  const ticketGate = DEFAULT_DEFINITION.gates.find((gate) => gate.milestone === 'tickets_resolved');
  if (ticketGate === undefined) throw new Error('no ticket gate');
  return {
    reference: 'C-0042',
    client: { id: '00000000-0000-4000-8000-00000000c0c0', name: 'Fabrikam <Ltd> & Co' },
    stage: { key: review.key, code: review.code, name: review.name, index: stageIndex },
    status: 'open',
    tasks,
    unmetStageGates: [
      {
        gate: ticketGate.key,
        name: ticketGate.name,
        message: ticketGate.unmetMessage,
        missing: ['Ticket T-1 is open'],
        tasks: ticketGate.tasks,
      },
    ],
    unmetClosingGates: [],
  };
}

describe('the Process Overview Diagram', () => {
  it('is well-formed SVG with a title and a description', () => {
    const { svg, markup } = overview();
    expect(
      processOverviewSvg({
        definition: DEFAULT_DEFINITION,
        personalisation: personalisation(),
        organisationName: ORGANISATION,
        generatedOn: '2026-11-27',
      }),
    ).toBe(svg);
    expect(
      lifeCycleSvg({
        definition: DEFAULT_DEFINITION,
        personalisation: personalisation(),
        organisationName: ORGANISATION,
        generatedOn: '2026-11-27',
      }),
    ).toBe(lifeCycle().svg);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(XMLValidator.validate(markup)).toBe(true);
    expect(svg).toContain('<title id="diagram-title">Process Overview Diagram: ');
    expect(svg).toMatch(/<desc id="diagram-desc">A service blueprint of /);
  });

  it('draws every task with its name, in its lane and column', () => {
    const { svg } = overview();
    for (const task of DEFAULT_DEFINITION.tasks) {
      expect(svg).toContain(`<title>${task.number}. ${escapeXml(task.name)}</title>`);
      const shown = unescapeXml(visibleText(svg, task.key));
      const firstWords = task.name.split(/\s+/).slice(0, 5).join(' ');
      expect(shown.replace(/\s+/g, ' ')).toContain(firstWords);
    }
    for (const stage of DEFAULT_DEFINITION.stages) {
      expect(svg).toContain(`<title>${stage.code} ${escapeXml(stage.name)}</title>`);
    }
  });

  it('names the lanes, the three lines and the physical evidence', () => {
    const { svg } = overview();
    for (const { label } of LANES) expect(svg).toContain(`>${label}</tspan>`);
    for (const line of Object.values(LANE_LINES)) {
      expect(svg).toContain(`>${line?.label}</tspan>`);
    }
    expect(svg).toContain('Line of interaction');
    expect(svg).toContain('Line of visibility');
    expect(svg).toContain('Line of internal interaction');
    expect(svg).toContain(`>${EVIDENCE_LABEL.split(' ')[0]}`);
    for (const document of DEFAULT_DEFINITION.documents.filter((candidate) =>
      DEFAULT_DEFINITION.tasks.some((task) => task.documents.includes(candidate.key)),
    )) {
      expect(svg).toContain(`data-document="${document.key}"`);
    }
  });

  it('draws one arrow between each two tasks in their order', () => {
    const { svg } = overview();
    const arrows = svg.match(/marker-end="url\(#flow-arrow\)"/g) ?? [];
    // One per pair of consecutive tasks, and one in the legend.
    expect(arrows.length).toBe(DEFAULT_DEFINITION.tasks.length - 1 + 1);
  });

  it('uses the organisation’s role and system names, colour and logo', () => {
    const logo = solidPngDataUrl(8, 4, [200, 30, 30]);
    const { svg } = overview({ logo });
    expect(svg).toContain('Field Engineer');
    expect(svg).not.toMatch(/>[^<]*Technician[^<]*</);
    expect(svg).toContain('NinjaOne');
    expect(svg).toContain('fill="#0b7a75"');
    expect(svg).toContain(`<image href="${logo}"`);
    expect(overview().svg).not.toContain('<image');
  });

  it('prints on A3 and 11×17 at the same aspect, the footer naming the version and date', () => {
    const diagram = overview();
    expect(diagram.width / diagram.height).toBeCloseTo(CANVAS_ASPECT, 5);
    expect(diagram.svg).toContain('process msp-11a version 1');
    expect(diagram.svg).toContain('Drawn 2026-11-27');
  });

  it('escapes what the organisation typed', () => {
    const diagram = renderProcessOverview({
      definition: DEFAULT_DEFINITION,
      personalisation: personalisation({ roleNames: { technician: 'Tech <"Ops"> & Co' } }),
      organisationName: 'A & B <IT>',
      generatedOn: '2026-11-27',
    });
    expect(XMLValidator.validate(diagram.svg)).toBe(true);
    expect(diagram.svg).toContain('A &amp; B &lt;IT&gt;');
    expect(diagram.svg).toContain('&quot;Ops&quot;');
  });

  it('lays out a definition of its own from its data', () => {
    const small: TProcessDefinition = {
      ...DEFAULT_DEFINITION,
      stages: DEFAULT_DEFINITION.stages.slice(0, 2),
      tasks: DEFAULT_DEFINITION.tasks.filter((task) =>
        DEFAULT_DEFINITION.stages.slice(0, 2).some((stage) => stage.key === task.stage),
      ),
    };
    const diagram = renderProcessOverview({
      definition: small,
      personalisation: personalisation(),
      organisationName: ORGANISATION,
      generatedOn: '2026-11-27',
    });
    expect(XMLValidator.validate(diagram.svg)).toBe(true);
    expect(diagram.svg.match(/class="task"/g)?.length).toBe(small.tasks.length);
    expect(diagram.svg.match(/class="stage"/g)?.length).toBe(2);
  });

  it('marks a closeout’s progress with a shape and a word beside each colour', () => {
    const closeout = closeoutInReview();
    const { svg } = overview({}, closeout);
    expect(XMLValidator.validate(svg)).toBe(true);
    const stateOf = (number: string) =>
      new RegExp(
        `data-task="${defaultTaskKey(number)}" data-stage="[^"]+" data-state="([a-z]+)"`,
      ).exec(svg)?.[1];
    expect(stateOf('2')).toBe('done');
    expect(stateOf('9')).toBe('waived');
    expect(stateOf('21')).toBe('overdue');
    expect(stateOf('20')).toBe('blocking');
    expect(stateOf('19')).toBe('open');
    expect(stateOf('23')).toBeUndefined();
    // The words beside each shape, wrapped to the box.
    const words = (number: string) => visibleText(svg, defaultTaskKey(number)).replace(/\s+/g, ' ');
    expect(words('21')).toMatch(/Open · overdue · holds up a gate$/);
    expect(words('20')).toMatch(/Open · holds up a gate$/);
    expect(words('2')).toMatch(/Done$/);
    expect(words('9')).toMatch(/Waived$/);
    expect(svg).toContain('11a.03  ·  CURRENT STAGE');
    expect(svg).toContain('Closeout C-0042: Fabrikam &lt;Ltd&gt; &amp; Co');
    for (const word of ['Done', 'Waived', 'Open', 'Overdue', 'Holds up a gate', 'Current stage']) {
      expect(svg).toContain(`>${word}</tspan>`);
    }
  });
});

describe('the Life Cycle Diagram', () => {
  it('highlights the modules the process covers and links the Service Improvement Program', () => {
    const { svg } = lifeCycle();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('data-module="11a" data-state="covered"');
    expect(svg).toContain('data-module="11b" data-state="covered"');
    expect(svg).toContain('data-module="8e" data-state="linked"');
    expect(svg).toContain('data-module="01" data-state="other"');
    expect(svg).toContain('A former client returns: onboarding again');
    for (const stage of DEFAULT_DEFINITION.stages) expect(svg).toContain(stage.name);
  });

  it('follows the definition: a process without an 11b stage only refers to 11b', () => {
    const only11a: TProcessDefinition = {
      ...DEFAULT_DEFINITION,
      stages: DEFAULT_DEFINITION.stages.filter((stage) => stage.code.startsWith('11a')),
    };
    const { svg } = lifeCycle({}, only11a);
    expect(svg).toContain('data-module="11a" data-state="covered"');
    expect(svg).toContain('data-module="11b" data-state="linked"');
    expect(svg).toContain('data-module="10" data-state="other"');
  });

  it('carries the organisation’s names, colour and logo', () => {
    const { svg } = lifeCycle({ logo: RED_SVG_LOGO });
    expect(svg).toContain('Field Engineer');
    expect(svg).toContain('NinjaOne');
    expect(svg).toContain('#0b7a75');
    expect(svg).toContain(`<image href="${RED_SVG_LOGO}"`);
  });
});

describe('text wrapping', () => {
  it('keeps every line inside the width and loses no word', () => {
    const text = DEFAULT_DEFINITION.tasks.map((task) => task.name).join(' ');
    const lines = wrapText({ text, maxWidth: 90, fontSize: 8 });
    for (const line of lines) expect(textWidth(line, 8)).toBeLessThanOrEqual(90);
    expect(lines.join(' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('ends a cut text with an ellipsis', () => {
    const lines = wrapText({
      text: 'one two three four five six',
      maxWidth: 30,
      fontSize: 8,
      maxLines: 2,
    });
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('\u2026')).toBe(true);
  });
});

describe.skipIf(popplerMissing)('the diagrams as PDF', () => {
  it('prints the overview on A3 with every sub-process, task and the raster logo', async () => {
    const diagram = overview({ logo: solidPngDataUrl(60, 20, [10, 120, 200]) });
    const pdf = await diagramPdf({
      diagram,
      paper: 'a3',
      author: ORGANISATION,
      generatedAt: new Date('2026-11-27T00:00:00Z'),
    });
    const info = await pdfInfo(pdf);
    expect(info).toMatchObject({ pages: 1 });
    expect(info.width).toBeCloseTo(PAPERS.a3.width, 0);
    expect(info.height).toBeCloseTo(PAPERS.a3.height, 0);
    const text = await pdfFlatText(pdf);
    expectEveryStageAndTask(text);
    expect(text).toContain('Field Engineer');
    expect(text).toContain('Line of visibility');
    const images = await pdfImages(pdf);
    expect(images).toContainEqual(expect.objectContaining({ width: 60, height: 20 }));
  });

  it('prints the life cycle on 11×17 with an SVG logo drawn as vectors', async () => {
    const diagram = lifeCycle({ logo: RED_SVG_LOGO });
    const pdf = await diagramPdf({
      diagram,
      paper: 'tabloid',
      author: ORGANISATION,
      generatedAt: new Date('2026-11-27T00:00:00Z'),
    });
    const info = await pdfInfo(pdf);
    expect(info.width).toBeCloseTo(PAPERS.tabloid.width, 0);
    expect(info.height).toBeCloseTo(PAPERS.tabloid.height, 0);
    const text = await pdfFlatText(pdf);
    expect(text).toContain('Client Service Closeout');
    expect(text).toContain('Field Engineer');
    const logo = diagram.logo;
    if (logo === null) throw new Error('the logo has no place');
    const scale = Math.min(
      (PAPERS.tabloid.width - 72) / diagram.width,
      (PAPERS.tabloid.height - 72) / diagram.height,
    );
    const left = (PAPERS.tabloid.width - diagram.width * scale) / 2;
    const top = (PAPERS.tabloid.height - diagram.height * scale) / 2;
    const pixels = await pdfPixels(pdf, {
      x: Math.round(left + (logo.x + 5) * scale),
      y: Math.round(top + (logo.y + logo.height / 2) * scale),
      width: 10,
      height: 2,
    });
    expect(pixels.some(([r, g, b]) => r > 200 && g < 60 && b < 60)).toBe(true);
  });
});
