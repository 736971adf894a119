import { eq } from 'drizzle-orm';
import { DEFAULT_DEFINITION } from '../../blueprint/default-definition.js';
import { personalise } from '../../blueprint/personalise.js';
import type { TPersonalisation, TProcessDefinition } from '../../blueprint/schema.js';
import type { Database, DbExecutor } from '../../db/connection.js';
import { readCloseoutWithClientName } from '../../db/repositories/closeouts.js';
import { organisations, users } from '../../db/schema.js';
import type { Paper } from '../../documents/pdf/index.js';
import { planCsv } from '../../documents/project-plan/csv.js';
import { planIcs } from '../../documents/project-plan/ics.js';
import { closeoutPlan, planFileName } from '../../documents/project-plan/plan.js';
import { detailReport } from '../../documents/reports/detail-report.js';
import { detailReportPdf, taskReportPdf } from '../../documents/reports/pdf.js';
import { taskReport } from '../../documents/reports/task-report.js';
import { notFound } from '../../domain/errors.js';
import { todayUtc } from '../clock.js';
import { currentDefinition, definitionVersion } from '../process/service.js';
import type { TCloseoutPlan, TDetailReport, TTaskReport } from './schema.js';

/** A downloadable document: its bytes or text, its content type and a file name. */
export type ReportFile = { body: Buffer | string; contentType: string; fileName: string };

async function personalisationOf(db: DbExecutor, orgId: string): Promise<TPersonalisation> {
  const [organisation] = await db
    .select({ personalisation: organisations.personalisation })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (organisation === undefined) throw notFound('The organisation');
  return organisation.personalisation;
}

type ReportSource = { definition: TProcessDefinition; personalisation: TPersonalisation };

/** The version asked for (the current one by default), in the organisation's own names. */
async function reportSource(options: ReportRequest): Promise<ReportSource> {
  const { db, orgId, version } = options;
  const [definition, personalisation] = await Promise.all([
    version === undefined
      ? currentDefinition({ db, orgId })
      : definitionVersion({ db, orgId, key: DEFAULT_DEFINITION.key, version }),
    personalisationOf(db, orgId),
  ]);
  return { definition: personalise(definition, personalisation), personalisation };
}

export type ReportRequest = { db: DbExecutor; orgId: string; version?: number | undefined };

export async function detailReportFor(options: ReportRequest): Promise<TDetailReport> {
  const { definition, personalisation } = await reportSource(options);
  return detailReport(definition, personalisation.organisationName);
}

export async function taskReportFor(options: ReportRequest): Promise<TTaskReport> {
  const { definition, personalisation } = await reportSource(options);
  return taskReport(definition, personalisation.organisationName);
}

const pdfName = (report: 'detail' | 'task', process: { key: string; version: number }) =>
  `${process.key}-v${process.version}-${report}-report.pdf`;

export async function reportPdf(
  report: 'detail' | 'task',
  options: ReportRequest & { paper: Paper },
): Promise<ReportFile> {
  const { definition, personalisation } = await reportSource(options);
  const pdfOptions = { personalisation, paper: options.paper, generatedAt: new Date() };
  const body =
    report === 'detail'
      ? await detailReportPdf(
          detailReport(definition, personalisation.organisationName),
          pdfOptions,
        )
      : await taskReportPdf(taskReport(definition, personalisation.organisationName), pdfOptions);
  return { body, contentType: 'application/pdf', fileName: pdfName(report, definition) };
}

/** The closeout's plan: every task with its computed or projected date. */
export async function planFor(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
}): Promise<TCloseoutPlan> {
  const { db, orgId, closeoutId } = options;
  const loaded = await readCloseoutWithClientName(db, orgId, closeoutId);
  if (loaded === null) throw notFound('The closeout');
  const { closeout } = loaded;
  const [definition, personalisation, staff] = await Promise.all([
    definitionVersion({
      db,
      orgId,
      key: closeout.definitionKey,
      version: closeout.definitionVersion,
    }),
    personalisationOf(db, orgId),
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.orgId, orgId)),
  ]);
  return closeoutPlan({
    definition: personalise(definition, personalisation),
    closeout,
    clientName: loaded.clientName,
    organisationName: personalisation.organisationName,
    userNames: new Map(staff.map((user) => [user.id, user.name])),
    today: todayUtc(),
  });
}

export async function planFile(
  format: 'csv' | 'ics',
  options: { db: Database; orgId: string; closeoutId: string; host: string },
): Promise<ReportFile> {
  const plan = await planFor(options);
  return format === 'csv'
    ? {
        body: planCsv(plan),
        contentType: 'text/csv; charset=utf-8',
        fileName: planFileName(plan, 'csv'),
      }
    : {
        body: planIcs(plan, { generatedAt: new Date(), host: options.host }),
        contentType: 'text/calendar; charset=utf-8',
        fileName: planFileName(plan, 'ics'),
      };
}
