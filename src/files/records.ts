import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '../db/connection.js';
import { storedFiles } from '../db/schema.js';
import { notFound } from '../domain/errors.js';
import type { TStoredFile } from './schema.js';
import type { SavedFile } from './store.js';

/** The `stored_files` rows behind uploads: always read by organisation first. */

export type StoredFileRow = typeof storedFiles.$inferSelect;

export const presentStoredFile = (row: StoredFileRow): TStoredFile => ({
  id: row.id,
  purpose: row.purpose,
  subjectId: row.subjectId,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  uploadedAt: row.uploadedAt.toISOString(),
  uploadedBy: row.uploadedBy,
});

/** What an audit event keeps of a file: its facts, never its content. */
export const fileFacts = (row: StoredFileRow) => ({
  fileId: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
});

export async function requireStoredFile(
  db: DbExecutor,
  where: { orgId: string; fileId: string; subjectId: string; purpose: StoredFileRow['purpose'] },
): Promise<StoredFileRow> {
  const [row] = await db
    .select()
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.orgId, where.orgId),
        eq(storedFiles.id, where.fileId),
        eq(storedFiles.subjectId, where.subjectId),
        eq(storedFiles.purpose, where.purpose),
      ),
    );
  if (row === undefined) throw notFound('The file');
  return row;
}

/** The row of a file `saveFile` just stored, under the id it was saved as. */
export async function insertStoredFile(
  db: DbExecutor,
  file: {
    id: string;
    orgId: string;
    closeoutId: string;
    purpose: StoredFileRow['purpose'];
    subjectId: string;
    saved: SavedFile;
    uploadedBy: string;
  },
): Promise<StoredFileRow> {
  const { saved } = file;
  const [row] = await db
    .insert(storedFiles)
    .values({
      id: file.id,
      orgId: file.orgId,
      closeoutId: file.closeoutId,
      purpose: file.purpose,
      subjectId: file.subjectId,
      fileName: saved.fileName,
      contentType: saved.contentType,
      sizeBytes: saved.sizeBytes,
      sha256: saved.sha256,
      uploadedBy: file.uploadedBy,
    })
    .returning();
  return row!;
}
