import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { storedFiles } from '../../db/schema.js';
import type { Actor } from '../../domain/model.js';
import {
  fileFacts,
  insertStoredFile,
  presentStoredFile,
  requireStoredFile,
  type StoredFileRow,
} from '../../files/records.js';
import type { TStoredFile } from '../../files/schema.js';
import { openStoredFile, removeStoredFile, saveFile } from '../../files/store.js';
import type { TEvidenceList } from './schema.js';
import {
  type EvidenceSubject,
  requireCloseout,
  requireMayChange,
  resolveSubject,
} from './subjects.js';

/**
 * Evidence files of a closeout's tasks (the 11b checklist among them) and handover items: the
 * bytes under the data directory, their facts in `stored_files`, an audit event per upload and
 * removal with the file's facts only.
 */

export type FileSettings = { dataDir: string; maxUploadBytes: number };

const ENTITY = { task_evidence: 'closeout_task', handover_evidence: 'handover_item' } as const;
const NOUN = { task_evidence: 'task', handover_evidence: 'handover' } as const;

export async function uploadEvidence(options: {
  db: Database;
  files: FileSettings;
  orgId: string;
  subject: EvidenceSubject;
  fileName: string;
  body: Readable;
  declaredBytes: number | undefined;
  actor: Actor;
}): Promise<TStoredFile> {
  const { db, files, orgId, actor } = options;
  const subject = await resolveSubject(db, orgId, options.subject);
  requireMayChange(subject, actor);
  const fileId = randomUUID();
  const saved = await saveFile({
    dataDir: files.dataDir,
    orgId,
    fileId,
    purpose: subject.purpose,
    fileName: options.fileName,
    source: options.body,
    maxBytes: files.maxUploadBytes,
    declaredBytes: options.declaredBytes,
  });
  try {
    const row = await db.transaction(async (tx) => {
      const inserted = await insertStoredFile(tx, {
        id: fileId,
        orgId,
        closeoutId: subject.closeout.id,
        purpose: subject.purpose,
        subjectId: subject.subjectId,
        saved,
        uploadedBy: actor.name,
      });
      await recordAuditEvents(tx, [
        {
          orgId,
          closeoutId: subject.closeout.id,
          entityType: ENTITY[subject.purpose],
          entityId: subject.subjectId,
          action: `attach_${NOUN[subject.purpose]}_evidence`,
          actor,
          before: null,
          after: { subject: subject.name, file: fileFacts(inserted) },
        },
      ]);
      return inserted;
    });
    return presentStoredFile(row);
  } catch (error) {
    await removeStoredFile(files.dataDir, orgId, fileId);
    throw error;
  }
}

const evidenceOf = (orgId: string, subjectId: string, purpose: StoredFileRow['purpose']) =>
  and(
    eq(storedFiles.orgId, orgId),
    eq(storedFiles.subjectId, subjectId),
    eq(storedFiles.purpose, purpose),
  );

export async function listEvidence(options: {
  db: Database;
  orgId: string;
  subject: EvidenceSubject;
}): Promise<TEvidenceList> {
  const { db, orgId } = options;
  const subject = await resolveSubject(db, orgId, options.subject);
  const rows = await db
    .select()
    .from(storedFiles)
    .where(evidenceOf(orgId, subject.subjectId, subject.purpose))
    .orderBy(asc(storedFiles.uploadedAt), asc(storedFiles.id));
  return { items: rows.map(presentStoredFile) };
}

/** Every evidence file of a closeout in one answer, so a checklist asks once, not per task. */
export async function listCloseoutEvidence(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
}): Promise<TEvidenceList> {
  const { db, orgId } = options;
  const closeout = await requireCloseout(db, orgId, options.closeoutId);
  const rows = await db
    .select()
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.orgId, orgId),
        eq(storedFiles.closeoutId, closeout.id),
        inArray(storedFiles.purpose, ['task_evidence', 'handover_evidence']),
      ),
    )
    .orderBy(asc(storedFiles.uploadedAt), asc(storedFiles.id));
  return { items: rows.map(presentStoredFile) };
}

export async function openEvidence(options: {
  db: Database;
  dataDir: string;
  orgId: string;
  subject: EvidenceSubject;
  fileId: string;
}): Promise<{ file: TStoredFile; stream: ReadStream }> {
  const { db, orgId } = options;
  const subject = await resolveSubject(db, orgId, options.subject);
  const row = await requireStoredFile(db, {
    orgId,
    fileId: options.fileId,
    subjectId: subject.subjectId,
    purpose: subject.purpose,
  });
  const stream = await openStoredFile(options.dataDir, orgId, row.id);
  return { file: presentStoredFile(row), stream };
}

export async function deleteEvidence(options: {
  db: Database;
  dataDir: string;
  orgId: string;
  subject: EvidenceSubject;
  fileId: string;
  actor: Actor;
}): Promise<void> {
  const { db, orgId, actor } = options;
  const subject = await resolveSubject(db, orgId, options.subject);
  requireMayChange(subject, actor);
  await db.transaction(async (tx) => {
    const row = await requireStoredFile(tx, {
      orgId,
      fileId: options.fileId,
      subjectId: subject.subjectId,
      purpose: subject.purpose,
    });
    await tx
      .delete(storedFiles)
      .where(and(eq(storedFiles.orgId, orgId), eq(storedFiles.id, row.id)));
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: subject.closeout.id,
        entityType: ENTITY[subject.purpose],
        entityId: subject.subjectId,
        action: `remove_${NOUN[subject.purpose]}_evidence`,
        actor,
        before: { subject: subject.name, file: fileFacts(row) },
        after: null,
      },
    ]);
  });
  // Only once the row is gone: a file on disk without a row is harmless, the reverse is not.
  await removeStoredFile(options.dataDir, orgId, options.fileId);
}
