import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { messageOf } from '../../domain/errors.js';
import { STAFF_ROLES } from '../../domain/model.js';
import { ImportFileError } from '../../integrations/csv/errors.js';
import { decideRetry } from '../../jobs/retry.js';
import type { JobHandler } from '../../jobs/types.js';
import { executeImport, failImport, importFileOf, requeueImport } from './run.js';

/**
 * The `csv_import` job: runs a started import from its upload, reporting progress in bytes as
 * it goes. The upload is deleted once the import has finished, either way; an attempt that fails
 * for a passing reason (the database went away) is retried from the start, which the upsert
 * makes safe.
 */

const ZActor = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    userId: z.string(),
    name: z.string(),
    roles: z.array(z.enum(STAFF_ROLES)),
  }),
  z.object({ kind: z.literal('client_contact'), contactId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('system'), name: z.string() }),
]);

const ZImportJobPayload = z.object({ importId: z.uuid(), actor: ZActor });

export const runImportJob: JobHandler = async ({ db, job, reportProgress }) => {
  const { importId, actor } = ZImportJobPayload.parse(job.payload);
  const { orgId } = job;
  const found = await importFileOf(db, orgId, importId);
  if (found === null || found.filePath === null || found.status === 'succeeded') {
    return { importId, skipped: 'The import is no longer waiting to run.' };
  }
  const path = found.filePath;
  try {
    const summary = await executeImport({
      db,
      orgId,
      importId,
      path,
      actor,
      onProgress: (progress) =>
        reportProgress({ done: progress.bytesRead, total: progress.fileBytes, unit: 'bytes' }),
    });
    await rm(path, { force: true });
    return { importId, status: summary.status, ...summary.counts };
  } catch (error) {
    if (error instanceof ImportFileError) {
      await rm(path, { force: true });
      throw error;
    }
    if (decideRetry(error, job.attempts, job.maxAttempts).retry) {
      await requeueImport({
        db,
        orgId,
        importId,
        message: `Attempt ${job.attempts} failed (${messageOf(error)}); it will be tried again.`,
      });
    } else {
      await failImport({
        db,
        orgId,
        importId,
        actor,
        message: `The import stopped: ${messageOf(error)}`,
      });
      await rm(path, { force: true });
    }
    throw error;
  }
};
