import { z } from 'zod';
import { IMPORT_ENTITIES, IMPORT_FORMATS } from '../../integrations/csv/formats.js';

/**
 * The CSV import API's contract: upload a file, choose its format and which column holds which
 * field (with a preview of what the first rows would give), start it, follow its progress and
 * download the rows it refused. Shared with the web app, so it imports nothing from the server.
 */

const ZId = z.uuid();
const ZMoment = z.iso.datetime({ offset: true });

export const ZImportEntity = z.enum(IMPORT_ENTITIES);
export type TImportEntity = z.infer<typeof ZImportEntity>;

export const ZImportFormat = z.enum(IMPORT_FORMATS);
export type TImportFormat = z.infer<typeof ZImportFormat>;

export const ZImportStatus = z.enum(['uploaded', 'queued', 'running', 'succeeded', 'failed']);
export type TImportStatus = z.infer<typeof ZImportStatus>;

/** Which column of the file holds each field: field key → column name as the file writes it. */
export const ZColumnMapping = z
  .record(z.string().min(1).max(100), z.string().max(500))
  .meta({ description: 'Field key → the column name in the file.' });
export type TColumnMapping = z.infer<typeof ZColumnMapping>;

/** A row the import refused (or a cell of it), as the error report lists it. */
export const ZImportRowError = z.object({
  /** The line of the file the row starts on; line 1 names the columns. */
  line: z.number().int(),
  /** The file's column at fault; null when the whole row is. */
  column: z.string().nullable(),
  message: z.string(),
});
export type TImportRowError = z.infer<typeof ZImportRowError>;

/** A field the mapping does not serve yet, or a column it names that the file lacks. */
export const ZMappingProblem = z.object({ field: z.string(), message: z.string() });

export const ZImportProgress = z.object({
  bytesRead: z.number().int(),
  fileBytes: z.number().int(),
  rowsRead: z.number().int(),
  /** bytesRead ÷ fileBytes, 0 to 1. */
  fraction: z.number(),
});

export const ZImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows whose record already held exactly these values. */
  unchanged: z.number().int(),
  /** Rows refused; the error report says why. */
  failed: z.number().int(),
});

export const ZImportSummary = z.object({
  id: ZId,
  entity: ZImportEntity,
  format: ZImportFormat,
  /** The source the imported records get: `csv`, or the PSA the export came from. */
  source: z.enum(['csv', 'connectwise', 'autotask', 'halopsa']),
  fileName: z.string(),
  status: ZImportStatus,
  progress: ZImportProgress,
  counts: ZImportCounts,
  /** What happened, in a sentence, once the import has run (or why it failed). */
  message: z.string().nullable(),
  createdBy: z.string(),
  createdAt: ZMoment,
  startedAt: ZMoment.nullable(),
  finishedAt: ZMoment.nullable(),
});
export type TImportSummary = z.infer<typeof ZImportSummary>;

export const ZPreviewRow = z.object({
  line: z.number().int(),
  /** The row's cells, in the order of `columns`. */
  values: z.array(z.string()),
  /** What importing the row with the current mapping would refuse; empty when it would import. */
  errors: z.array(ZImportRowError),
});

export const ZImportDetail = ZImportSummary.extend({
  mapping: ZColumnMapping,
  /** Until the import has run: the file's column names. Null once the file is gone. */
  columns: z.array(z.string()).nullable(),
  /** Until the import has run: its first 10 rows as the mapping reads them. */
  preview: z.array(ZPreviewRow).nullable(),
  /** What still keeps the import from starting; empty when it can start. */
  mappingProblems: z.array(ZMappingProblem),
  /** The first rows refused, in file order; all of them are in the error report. */
  firstErrors: z.array(ZImportRowError),
});
export type TImportDetail = z.infer<typeof ZImportDetail>;

export const ZImportPage = z.object({
  items: z.array(ZImportSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TImportPage = z.infer<typeof ZImportPage>;

export const ZListImportsQuery = z.object({
  entity: ZImportEntity.optional(),
  status: ZImportStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListImportsQuery = z.infer<typeof ZListImportsQuery>;

export const ZCreateImportQuery = z.object({
  entity: ZImportEntity,
  /** Without it, the format is told from the file's column names. */
  format: ZImportFormat.optional(),
  fileName: z.string().trim().min(1).max(255).default('import.csv'),
});
export type TCreateImportQuery = z.infer<typeof ZCreateImportQuery>;

export const ZUpdateImportRequest = z
  .object({
    /** Changing the format without a mapping replaces the mapping with the format's suggestion. */
    format: ZImportFormat,
    mapping: ZColumnMapping,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Send the format, the mapping or both.');
export type TUpdateImportRequest = z.infer<typeof ZUpdateImportRequest>;

export const ZImportParams = z.object({ importId: ZId });

export const ZImportField = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum([
    'text',
    'date',
    'datetime',
    'boolean',
    'money',
    'integer',
    'email',
    'uuid',
    'choice',
  ]),
  required: z.boolean(),
  description: z.string(),
  /** For a choice: the values Closeout keeps. */
  values: z.array(z.string()).optional(),
});

export const ZImportFormats = z.object({
  entities: z.array(
    z.object({
      entity: ZImportEntity,
      label: z.string(),
      fields: z.array(ZImportField),
      /** Groups of fields of which at least one must be mapped. */
      requireOneOf: z.array(z.array(z.string())),
      formats: z.array(
        z.object({
          format: ZImportFormat,
          label: z.string(),
          source: z.string(),
          /** Per field, the column names this format recognises, the preferred one first. */
          columns: z.record(z.string(), z.array(z.string())),
        }),
      ),
    }),
  ),
});
export type TImportFormats = z.infer<typeof ZImportFormats>;
