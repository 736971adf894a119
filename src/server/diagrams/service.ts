import type { TProcessDefinition } from '../../blueprint/schema.js';
import type { Database } from '../../db/connection.js';
import { renderLifeCycle } from '../../documents/diagrams/life-cycle.js';
import { closeoutMarks } from '../../documents/diagrams/marks.js';
import type { Diagram } from '../../documents/diagrams/page.js';
import { diagramPdf, pdfFileSuffix } from '../../documents/diagrams/pdf.js';
import { renderProcessOverview } from '../../documents/diagrams/process-overview.js';
import { todayUtc } from '../clock.js';
import { ZCloseoutDetail } from '../closeouts/schema.js';
import { getCloseoutDetail } from '../closeouts/service.js';
import { getOrganisation } from '../organisation/service.js';
import { currentDefinition, definitionVersion } from '../process/service.js';
import type { TDiagramFormat, TDiagramPaper } from './schema.js';

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

async function organisationOf(db: Database, orgId: string) {
  const organisation = await getOrganisation({ db, orgId });
  return { name: organisation.name, personalisation: organisation.personalisation };
}

async function file(options: {
  diagram: Diagram;
  format: TDiagramFormat;
  paper: TDiagramPaper;
  baseName: string;
  author: string;
  today: string;
}): Promise<DiagramFile> {
  const { diagram, format, paper, baseName, author, today } = options;
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
      author,
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

export async function processOverviewFile(
  options: Request & { version: number | undefined },
): Promise<DiagramFile> {
  const { db, orgId, version, format, paper } = options;
  const [definition, organisation] = await Promise.all([
    versionOrCurrent(db, orgId, version),
    organisationOf(db, orgId),
  ]);
  const today = todayUtc();
  const diagram = renderProcessOverview({
    definition,
    personalisation: organisation.personalisation,
    organisationName: organisation.name,
    generatedOn: today,
  });
  return file({
    diagram,
    format,
    paper,
    baseName: `${definition.key}-v${definition.version}-process-overview`,
    author: organisation.name,
    today,
  });
}

export async function lifeCycleFile(
  options: Request & { version: number | undefined },
): Promise<DiagramFile> {
  const { db, orgId, version, format, paper } = options;
  const [definition, organisation] = await Promise.all([
    versionOrCurrent(db, orgId, version),
    organisationOf(db, orgId),
  ]);
  const today = todayUtc();
  const diagram = renderLifeCycle({
    definition,
    personalisation: organisation.personalisation,
    organisationName: organisation.name,
    generatedOn: today,
  });
  return file({
    diagram,
    format,
    paper,
    baseName: `${slug(organisation.name)}-life-cycle`,
    author: organisation.name,
    today,
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
  const today = todayUtc();
  const diagram = renderProcessOverview({
    definition,
    personalisation: organisation.personalisation,
    organisationName: organisation.name,
    generatedOn: today,
    marks: closeoutMarks(detail),
  });
  return file({
    diagram,
    format,
    paper,
    baseName: `closeout-${slug(detail.reference)}-blueprint`,
    author: organisation.name,
    today,
  });
}
