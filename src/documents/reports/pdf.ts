import type { TPersonalisation } from '../../blueprint/schema.js';
import { KPI_UNIT_LABELS, LANE_SHORT_LABELS, ROLE_KIND_LABELS } from '../../blueprint/wording.js';
import type { TDetailReport, TReportProcess, TTaskReport } from '../../server/reports/schema.js';
import { type BrandedPdf, createBrandedPdf, type Paper } from '../pdf/index.js';
import { usesInWords } from './uses.js';

export type ReportPdfOptions = {
  personalisation: TPersonalisation;
  paper: Paper;
  generatedAt: Date;
};

function startReport(
  title: string,
  process: TReportProcess,
  options: ReportPdfOptions,
): BrandedPdf {
  return createBrandedPdf({
    organisation: { name: process.organisationName, personalisation: options.personalisation },
    title: `${title}: ${process.name}`,
    subtitle: `${process.organisationName} · process version ${process.version}`,
    definitionRef: { key: process.key, version: process.version },
    paper: options.paper,
    generatedAt: options.generatedAt,
  });
}

/** The Detail Report as a branded PDF: roles, systems, documents and KPIs, one table each. */
export function detailReportPdf(report: TDetailReport, options: ReportPdfOptions): Promise<Buffer> {
  const pdf = startReport('Detail Report', report.process, options);
  pdf.paragraph(
    'The roles, systems, documents and KPIs of the process, and the tasks of each sub-process that use them. Task numbers refer to the Task Report.',
    { muted: true },
  );
  pdf.heading('Roles').table(
    [
      { header: 'Role', weight: 1.2 },
      { header: 'Kind', weight: 0.8 },
      { header: 'Responsibilities', weight: 3 },
      { header: 'Tasks', weight: 1.5 },
    ],
    report.roles.map((role) => [
      role.name,
      ROLE_KIND_LABELS[role.kind],
      role.description,
      usesInWords(role.uses),
    ]),
  );
  pdf.heading('Systems').table(
    [
      { header: 'System', weight: 1.2 },
      { header: 'What it is used for', weight: 3.8 },
      { header: 'Tasks', weight: 1.5 },
    ],
    report.systems.map((system) => [system.name, system.description, usesInWords(system.uses)]),
  );
  pdf.heading('Documents').table(
    [
      { header: 'Document', weight: 1.2 },
      { header: 'Description', weight: 3.8 },
      { header: 'Tasks', weight: 1.5 },
    ],
    report.documents.map((document) => [
      document.name,
      document.description,
      usesInWords(document.uses),
    ]),
  );
  pdf.heading('KPIs').table(
    [
      { header: 'KPI', weight: 1.1 },
      { header: 'Definition', weight: 2.4 },
      { header: 'How Closeout computes it', weight: 2.4 },
      { header: 'Tasks', weight: 1.2 },
    ],
    report.kpis.map((kpi) => [
      `${kpi.name}\n(${KPI_UNIT_LABELS[kpi.unit]})`,
      kpi.definition,
      kpi.formula ?? 'Not computed by Closeout.',
      usesInWords(kpi.uses),
    ]),
  );
  return pdf.end();
}

/** The Task Report as a branded PDF: a table of tasks for each sub-process. */
export function taskReportPdf(report: TTaskReport, options: ReportPdfOptions): Promise<Buffer> {
  const pdf = startReport('Task Report', report.process, options);
  pdf.paragraph(
    'Every task of the process by sub-process: the client’s actions, the onstage work the client sees, the backstage work it does not, and what the support systems do.',
    { muted: true },
  );
  for (const stage of report.stages) {
    pdf.heading(`${stage.code} ${stage.name}`);
    pdf.paragraph(stage.description, { muted: true });
    pdf.keyValues([['Sub-process due', stage.due ?? 'No fixed date']]);
    pdf.table(
      [
        { header: '#', weight: 0.4 },
        { header: 'Task', weight: 2.5 },
        { header: 'Lane', weight: 0.85 },
        { header: 'Roles', weight: 1.15 },
        { header: 'Systems', weight: 1.2 },
        { header: 'Documents', weight: 1.45 },
        { header: 'Due', weight: 1.3 },
      ],
      stage.tasks.map((task) => [
        task.number,
        [
          task.name,
          task.entry ? 'Starts the process.' : null,
          task.gate ? 'Gate: the process waits for it.' : null,
          task.required ? null : 'Optional.',
          task.appliesWhen,
        ]
          .filter((line) => line !== null)
          .join('\n'),
        LANE_SHORT_LABELS[task.lane],
        task.roles.map((role) => role.name).join(', ') || '—',
        task.systems.map((system) => system.name).join(', ') || '—',
        task.documents.map((document) => document.name).join(', ') || '—',
        task.due ?? (task.entry ? 'On receipt' : 'No fixed date'),
      ]),
    );
  }
  return pdf.end();
}
