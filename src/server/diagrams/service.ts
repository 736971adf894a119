import type { TProcessDefinition } from '../../blueprint/schema.js';
import type { Database } from '../../db/connection.js';
import { renderLifeCycle } from '../../documents/diagrams/life-cycle.js';
import { closeoutMarks, type DiagramMarks } from '../../documents/diagrams/marks.js';
import type { Diagram } from '../../documents/diagrams/page.js';
import { diagramPdf, pdfFileSuffix } from '../../documents/diagrams/pdf.js';
import {
  type ProcessOverviewOptions,
  renderProcessOverview,
} from '../../documents/diagrams/process-overview.js';
import { todayUtc } from '../clock.js';
import { ZCloseoutDetail } from '../closeouts/schema.js';
import { getCloseoutDetail } from '../closeouts/service.js';
import type { TOrganisation } from '../organisation/schema.js';
import { getOrganisation } from '../organisation/service.js';
import { currentDefinition, definitionVersion } from '../process/service.js';
import type { TDiagramFormat, TDiagramPaper, TProcessDiagram } from './schema.js';

/**
 * The diagrams of an organisation's process, drawn on request from its definition and
 * personalisation (nothing is stored: a definition version never changes, and drawing takes
 * milliseconds), and of a closeout, marked with where it stands today.
 */

export type DiagramFile = { contentType: string; fileName: string; body: string | Buffer };

type Request = { db: Database; orgId: string; format: TDiagramFormat; paper: TDiagramPaper };

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase() || 'diagram';

type Organisation = Pick<TOrganisation, 'name' | 'personalisation'>;

async function organisationOf(db: Database, orgId: string): Promise<Organisation> {
  const organisation = await getOrganisation({ db, orgId });
  return { name: organisation.name, personalisation: organisation.personalisation };
}

/**
 * Draws a diagram in the organisation's names and colour, dated today, as an SVG or as a PDF
 * on the paper asked for.
 */
async function drawnFile(options: {
  render: (drawing: ProcessOverviewOptions) => Diagram;
  definition: TProcessDefinition;
  organisation: Organisation;
  marks?: DiagramMarks;
  format: TDiagramFormat;
  paper: TDiagramPaper;
  baseName: string;
}): Promise<DiagramFile> {
  const { render, definition, organisation, marks, format, paper, baseName } = options;
  const today = todayUtc();
  const diagram = render({
    definition,
    personalisation: organisation.personalisation,
    organisationName: organisation.name,
    generatedOn: today,
    marks,
  });
  if (format === 'svg') {
    return {
      contentType: 'image/svg+xml; charset=utf-8',
      fileName: `${baseName}.svg`,
      body: diagram.svg,
    };
  }
  return {
    contentType: 'application/pdf',
    fileName: `${baseName}-${pdfFileSuffix(paper).toLowerCase()}.pdf`,
    body: await diagramPdf({
      diagram,
      paper,
      author: organisation.name,
      generatedAt: new Date(`${today}T00:00:00Z`),
    }),
  };
}

async function versionOrCurrent(
  db: Database,
  orgId: string,
  version: number | undefined,
): Promise<TProcessDefinition> {
  const current = await currentDefinition({ db, orgId });
  return version === undefined || version === current.version
    ? current
    : definitionVersion({ db, orgId, key: current.key, version });
}

/** The organisation's process diagrams: how each is drawn and what its file is called. */
const PROCESS_DIAGRAMS: Record<
  TProcessDiagram,
  {
    render: (drawing: ProcessOverviewOptions) => Diagram;
    baseName: (definition: TProcessDefinition, organisation: Organisation) => string;
  }
> = {
  overview: {
    render: renderProcessOverview,
    baseName: (definition) => `${definition.key}-v${definition.version}-process-overview`,
  },
  'life-cycle': {
    render: renderLifeCycle,
    baseName: (_definition, organisation) => `${slug(organisation.name)}-life-cycle`,
  },
};

export async function processDiagramFile(
  options: Request & { diagram: TProcessDiagram; version: number | undefined },
): Promise<DiagramFile> {
  const { db, orgId, version, format, paper } = options;
  const [definition, organisation] = await Promise.all([
    versionOrCurrent(db, orgId, version),
    organisationOf(db, orgId),
  ]);
  const { render, baseName } = PROCESS_DIAGRAMS[options.diagram];
  return drawnFile({
    render,
    definition,
    organisation,
    format,
    paper,
    baseName: baseName(definition, organisation),
  });
}

/** The blueprint of the version the closeout is pinned to, marked with its progress. */
export async function closeoutDiagramFile(
  options: Request & { closeoutId: string },
): Promise<DiagramFile> {
  const { db, orgId, closeoutId, format, paper } = options;
  const detail = ZCloseoutDetail.parse(
    JSON.parse((await getCloseoutDetail({ db, orgId, closeoutId })).json),
  );
  const [definition, organisation] = await Promise.all([
    definitionVersion({
      db,
      orgId,
      key: detail.definition.key,
      version: detail.definition.version,
    }),
    organisationOf(db, orgId),
  ]);
  return drawnFile({
    render: renderProcessOverview,
    definition,
    organisation,
    marks: closeoutMarks(detail),
    format,
    paper,
    baseName: `closeout-${slug(detail.reference)}-blueprint`,
  });
}
