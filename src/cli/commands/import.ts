import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import type { Actor } from '../../domain/model.js';
import { ImportFileError } from '../../integrations/csv/errors.js';
import {
  type ColumnMapping,
  detectFormat,
  ENTITY_DEFINITIONS,
  FORMAT_DEFINITIONS,
  IMPORT_ENTITIES,
  IMPORT_FORMATS,
  type ImportEntity,
  type ImportFormat,
  mappingProblems,
  suggestMapping,
} from '../../integrations/csv/formats.js';
import { readCsvHead } from '../../integrations/csv/parse.js';
import type { ImportProgress } from '../../integrations/csv/run.js';
import { importErrorsCsv } from '../../server/imports/error-report.js';
import { executeImport, failImport, registerLocalImport } from '../../server/imports/run.js';
import { resolveOrganisation, withDatabase } from '../database.js';
import { CliError, EXIT, messageFor } from '../output.js';

/**
 * `closeout import <entity> <file>`: the same import as the web app's, run in this process on
 * a file of this machine. Progress goes to stderr (a bar on a terminal, a line per tenth
 * otherwise), the summary to stdout. Exit code 0 when every row was imported, 4 when the import
 * ran but refused some rows (listed with --errors), 2 when the command or the file is wrong.
 */

const CLI_ACTOR: Actor = { kind: 'system', name: 'Command line (closeout import)' };

const ZImportOptions = z.object({
  format: z.enum(IMPORT_FORMATS).optional(),
  map: z.array(z.string()).default([]),
  org: z.string().optional(),
  errors: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

function entityOf(name: string): ImportEntity {
  const entity = name.toLowerCase().replaceAll('-', '_');
  if (!(IMPORT_ENTITIES as readonly string[]).includes(entity)) {
    throw new CliError(
      `"${name}" cannot be imported; choose one of ${IMPORT_ENTITIES.join(', ')}.`,
    );
  }
  return entity as ImportEntity;
}

/** `--map "Ticket #=external_id"`: the field is after the last `=`, so a column may contain one. */
function withOverrides(
  entity: ImportEntity,
  suggested: ColumnMapping,
  overrides: string[],
): ColumnMapping {
  const fields = new Set(ENTITY_DEFINITIONS[entity].fields.map((field) => field.key));
  const mapping = { ...suggested };
  for (const override of overrides) {
    const split = override.lastIndexOf('=');
    const column = override.slice(0, split).trim();
    const field = override.slice(split + 1).trim();
    if (split <= 0 || field === '') {
      throw new CliError(`--map ${override}: write it as "column=field", e.g. "Subject=title".`);
    }
    if (!fields.has(field)) {
      throw new CliError(
        `--map ${override}: ${ENTITY_DEFINITIONS[entity].label} have no field "${field}"; they have ${[...fields].join(', ')}.`,
      );
    }
    mapping[field] = column;
  }
  return mapping;
}

async function requireFile(path: string): Promise<number> {
  const stats = await stat(path).catch(() => null);
  if (stats === null) throw new CliError(`There is no file at ${path}.`);
  if (!stats.isFile()) throw new CliError(`${path} is not a file.`);
  return stats.size;
}

const BAR_WIDTH = 30;
const count = (value: number) => value.toLocaleString('en-US');

/** A bar redrawn in place on a terminal; otherwise a line each time another tenth is done. */
function progressReporter(): { report(progress: ImportProgress): void; end(): void } {
  const terminal = process.stderr.isTTY === true;
  let lastTenth = 0;
  let drawn = false;
  return {
    report(progress) {
      const fraction =
        progress.fileBytes === 0 ? 1 : Math.min(1, progress.bytesRead / progress.fileBytes);
      const percent = `${Math.floor(fraction * 100)} %`.padStart(5);
      if (terminal) {
        const filled = Math.round(fraction * BAR_WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
        process.stderr.write(`\r${bar} ${percent}  ${count(progress.rowsRead)} rows`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${percent}  ${count(progress.rowsRead)} rows read\n`);
      }
    },
    end() {
      if (drawn) process.stderr.write('\n');
    },
  };
}

type ImportSummary = {
  importId: string;
  entity: ImportEntity;
  format: ImportFormat;
  source: string;
  file: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  seconds: number;
  errorsFile: string | null;
};

function summaryText(summary: ImportSummary): string {
  const { label } = FORMAT_DEFINITIONS[summary.format];
  const refusedNote =
    summary.failed === 0
      ? ''
      : summary.errorsFile === null
        ? '  (run again with --errors <file.csv> for the list)'
        : `  (listed in ${summary.errorsFile})`;
  const lines: [string, number, string][] = [
    ['created', summary.created, ''],
    ['updated', summary.updated, ''],
    ['unchanged', summary.unchanged, ''],
    ['refused', summary.failed, refusedNote],
  ];
  const width = Math.max(...lines.map(([, value]) => count(value).length));
  return [
    `Imported ${summary.entity.replace('_', ' ')} from ${basename(summary.file)} (${label}) in ${summary.seconds.toFixed(1)} s: ${count(summary.rowsRead)} rows.`,
    ...lines.map(
      ([what, value, note]) => `  ${what.padEnd(10)} ${count(value).padStart(width)}${note}`,
    ),
  ].join('\n');
}

/** Records the import, runs it in this process and writes the error report when asked. */
async function importFile(options: {
  db: Database;
  orgId: string;
  file: string;
  fileBytes: number;
  entity: ImportEntity;
  format: ImportFormat;
  mapping: ColumnMapping;
  errorsFile: string | null;
}): Promise<ImportSummary> {
  const { db, orgId, file, entity, format, errorsFile } = options;
  const importId = await registerLocalImport({
    db,
    orgId,
    entity,
    format,
    fileName: basename(file),
    fileBytes: options.fileBytes,
    mapping: options.mapping,
    actor: CLI_ACTOR,
  });
  const progress = progressReporter();
  const started = performance.now();
  let result: Awaited<ReturnType<typeof executeImport>>;
  try {
    result = await executeImport({
      db,
      orgId,
      importId,
      path: file,
      actor: CLI_ACTOR,
      onProgress: progress.report,
    });
  } catch (error) {
    // A broken file has failed the import already; anything else would leave it running.
    if (!(error instanceof ImportFileError)) {
      await failImport({
        db,
        orgId,
        importId,
        actor: CLI_ACTOR,
        message: `The import stopped: ${messageFor(error)}`,
      });
    }
    throw error;
  } finally {
    progress.end();
  }
  const seconds = (performance.now() - started) / 1000;
  if (errorsFile !== null) {
    const report = await importErrorsCsv({ db, orgId, importId });
    await pipeline(report.csv, createWriteStream(errorsFile));
  }
  return {
    importId,
    entity,
    format,
    source: result.source,
    file,
    rowsRead: result.progress.rowsRead,
    ...result.counts,
    seconds: Math.round(seconds * 1000) / 1000,
    errorsFile,
  };
}

export async function importCommand(
  entityName: string,
  file: string,
  options: Record<string, unknown>,
): Promise<string> {
  const parsed = ZImportOptions.parse(options);
  const entity = entityOf(entityName);
  const fileBytes = await requireFile(file);
  const { columns } = await readCsvHead(file, 0);
  const format = parsed.format ?? detectFormat(entity, columns);
  const mapping = withOverrides(entity, suggestMapping(entity, columns, format), parsed.map);
  const problems = mappingProblems(entity, mapping, columns);
  if (problems.length > 0) {
    throw new CliError(
      [
        `${basename(file)} cannot be imported as ${ENTITY_DEFINITIONS[entity].label.toLowerCase()} (${FORMAT_DEFINITIONS[format].label}) yet:`,
        ...problems.map((problem) => `  ${problem.field}: ${problem.message}`),
        `Name the column of a field with --map "<column>=<field>". The file's columns: ${columns.join(', ')}.`,
      ].join('\n'),
    );
  }

  const summary = await withDatabase(async ({ db }) => {
    const organisation = await resolveOrganisation(db, parsed.org);
    return importFile({
      db,
      orgId: organisation.id,
      file,
      fileBytes,
      entity,
      format,
      mapping,
      errorsFile: parsed.errors ?? null,
    });
  });

  if (summary.failed > 0) process.exitCode = EXIT.rowsRefused;
  return parsed.json ? JSON.stringify(summary, null, 2) : summaryText(summary);
}
