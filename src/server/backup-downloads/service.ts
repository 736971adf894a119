import { randomBytes, randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connection.js';
import { type AuditEventInput, recordAuditEvents } from '../../db/repositories/audit.js';
import {
  backupCopies,
  backupDownloadLinks,
  backupDownloads,
  storedFiles,
} from '../../db/schema.js';
import { AppError, illegal, invalid, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import {
  fileFacts,
  insertStoredFile,
  presentStoredFile,
  type StoredFileRow,
} from '../../files/records.js';
import type { TStoredFile } from '../../files/schema.js';
import { openStoredFile, removeStoredFile, saveFile } from '../../files/store.js';
import { sha256 } from '../auth/secrets.js';
import { type CloseoutFacts, requireChangeable, requireCloseout } from '../evidence/subjects.js';
import {
  DEFAULT_LINK_HOURS,
  MAX_LINK_HOURS,
  type TBackupDownload,
  type TBackupDownloadLink,
  type TBackupDownloadState,
} from './schema.js';

/**
 * A backup copy handed over by download: the archive uploaded once (checked against the size
 * and SHA-256 recorded for the copy), expiring links whose tokens are kept only as hashes, and
 * a record of every download. Time is the app's clock (`new Date()`), so tests can move it.
 */

export type BackupFileSettings = { dataDir: string; maxBackupUploadBytes: number };

type BackupCopyRow = typeof backupCopies.$inferSelect;
type LinkRow = typeof backupDownloadLinks.$inferSelect;
type DownloadRow = typeof backupDownloads.$inferSelect;

/** Which copy a staff request is about: always within its closeout and organisation. */
type CopyRequest = { db: Database; orgId: string; closeoutId: string; copyId: string };

/** Where a link's token downloads the archive, below the public address. */
export const downloadPath = (token: string) => `/api/v1/backup-downloads/${token}`;

const HOUR_MS = 3_600_000;

async function requireCopy(
  db: DbExecutor,
  orgId: string,
  closeoutId: string,
  copyId: string,
  options: { lock?: boolean } = {},
): Promise<{ closeout: CloseoutFacts; copy: BackupCopyRow }> {
  const closeout = await requireCloseout(db, orgId, closeoutId);
  const query = db
    .select()
    .from(backupCopies)
    .where(
      and(
        eq(backupCopies.orgId, orgId),
        eq(backupCopies.closeoutId, closeout.id),
        eq(backupCopies.id, copyId),
      ),
    );
  const [copy] = options.lock === true ? await query.for('update') : await query;
  if (copy === undefined) throw notFound('This backup copy');
  return { closeout, copy };
}

/** The audit event of a change to a copy's archive or its links. */
async function recordCopyEvent(
  tx: DbExecutor,
  copy: BackupCopyRow,
  event: Pick<AuditEventInput, 'action' | 'actor' | 'before' | 'after'>,
): Promise<void> {
  await recordAuditEvents(tx, [
    {
      orgId: copy.orgId,
      closeoutId: copy.closeoutId,
      entityType: 'backup_copy',
      entityId: copy.id,
      ...event,
    },
  ]);
}

function requireDownloadMedium(copy: BackupCopyRow): void {
  if (copy.medium !== 'download_link') {
    throw illegal(
      `"${copy.description}" is handed over by another medium than a download link; record a copy for download to upload an archive.`,
    );
  }
}

const linkStatus = (link: LinkRow, now: Date): TBackupDownloadLink['status'] =>
  link.revokedAt !== null ? 'revoked' : link.expiresAt <= now ? 'expired' : 'active';

const presentLink = (link: LinkRow, now: Date): TBackupDownloadLink => ({
  id: link.id,
  createdAt: link.createdAt.toISOString(),
  createdBy: link.createdBy,
  expiresAt: link.expiresAt.toISOString(),
  revokedAt: link.revokedAt?.toISOString() ?? null,
  status: linkStatus(link, now),
});

const presentDownload = (row: DownloadRow): TBackupDownload => ({
  id: row.id,
  linkId: row.linkId,
  downloadedAt: row.downloadedAt.toISOString(),
  downloadedBy: row.downloadedBy,
  actorKind: row.actorKind,
  ip: row.ip,
  userAgent: row.userAgent,
  completed: row.completed,
});

async function archiveOf(db: DbExecutor, copy: BackupCopyRow): Promise<StoredFileRow | null> {
  if (copy.fileId === null) return null;
  const [row] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.orgId, copy.orgId), eq(storedFiles.id, copy.fileId)));
  return row ?? null;
}

/** The copy's archive, its links (newest first) and its downloads (newest first). */
export async function backupDownloadState(options: CopyRequest): Promise<TBackupDownloadState> {
  const { db, orgId } = options;
  const { copy } = await requireCopy(db, orgId, options.closeoutId, options.copyId);
  const now = new Date();
  const [archive, links, downloads] = await Promise.all([
    archiveOf(db, copy),
    db
      .select()
      .from(backupDownloadLinks)
      .where(
        and(eq(backupDownloadLinks.orgId, orgId), eq(backupDownloadLinks.backupCopyId, copy.id)),
      )
      .orderBy(desc(backupDownloadLinks.createdAt), desc(backupDownloadLinks.id)),
    recordedDownloadsOf({ db, orgId, closeoutId: copy.closeoutId, backupCopyId: copy.id }),
  ]);
  return {
    archive: archive === null ? null : presentStoredFile(archive),
    links: links.map((link) => presentLink(link, now)),
    downloads,
  };
}

/**
 * Stores the archive of a copy recorded for download. The copy was recorded with its size and
 * SHA-256 (from the backup tool); the upload must be exactly that file, or it is refused and
 * nothing is kept. A second upload replaces the first (links stay valid: they name the copy).
 */
export async function uploadBackupArchive(
  options: CopyRequest & {
    files: BackupFileSettings;
    fileName: string;
    body: Readable;
    declaredBytes: number | undefined;
    actor: Actor;
  },
): Promise<TBackupDownloadState> {
  const { db, files, orgId, actor } = options;
  const { closeout, copy } = await requireCopy(db, orgId, options.closeoutId, options.copyId);
  requireChangeable(closeout);
  requireDownloadMedium(copy);
  if (options.declaredBytes !== undefined && options.declaredBytes !== copy.sizeBytes) {
    throw mismatch('size', options.declaredBytes, copy);
  }
  const fileId = randomUUID();
  const saved = await saveFile({
    dataDir: files.dataDir,
    orgId,
    fileId,
    purpose: 'backup_copy',
    fileName: options.fileName,
    source: options.body,
    maxBytes: files.maxBackupUploadBytes,
    declaredBytes: options.declaredBytes,
  });
  let replaced: StoredFileRow | null = null;
  try {
    if (saved.sizeBytes !== copy.sizeBytes) throw mismatch('size', saved.sizeBytes, copy);
    if (saved.sha256 !== copy.sha256) throw mismatch('sha256', saved.sha256, copy);
    await db.transaction(async (tx) => {
      const { copy: locked } = await requireCopy(tx, orgId, closeout.id, copy.id, { lock: true });
      replaced = await archiveOf(tx, locked);
      const inserted = await insertStoredFile(tx, {
        id: fileId,
        orgId,
        closeoutId: closeout.id,
        purpose: 'backup_copy',
        subjectId: copy.id,
        saved,
        uploadedBy: actor.name,
      });
      await tx
        .update(backupCopies)
        .set({ fileId })
        .where(and(eq(backupCopies.orgId, orgId), eq(backupCopies.id, copy.id)));
      if (replaced !== null) {
        await tx
          .delete(storedFiles)
          .where(and(eq(storedFiles.orgId, orgId), eq(storedFiles.id, replaced.id)));
      }
      await recordCopyEvent(tx, copy, {
        action: 'upload_backup_archive',
        actor,
        before: replaced === null ? null : { archive: fileFacts(replaced) },
        after: { copy: copy.description, archive: fileFacts(inserted) },
      });
    });
  } catch (error) {
    await removeStoredFile(files.dataDir, orgId, fileId);
    throw error;
  }
  const previous = replaced as StoredFileRow | null;
  if (previous !== null) await removeStoredFile(files.dataDir, orgId, previous.id);
  return backupDownloadState({ db, orgId, closeoutId: closeout.id, copyId: copy.id });
}

function mismatch(what: 'size' | 'sha256', uploaded: number | string, copy: BackupCopyRow) {
  return what === 'size'
    ? invalid(
        'file',
        `The file is ${uploaded.toLocaleString('en')} bytes, but "${copy.description}" was recorded as ${copy.sizeBytes.toLocaleString('en')} bytes: upload the archive the copy was recorded from.`,
      )
    : invalid(
        'file',
        `The file's SHA-256 is ${uploaded}, but "${copy.description}" was recorded with ${copy.sha256}: upload the archive the copy was recorded from.`,
      );
}

/**
 * A new expiring link to download a copy's archive (a week unless `ttlHours` says otherwise,
 * at most 30 days). The token is returned once and only its hash is stored. The client portal
 * calls this too, with the client's contact as `createdBy`.
 */
export async function createBackupDownloadLink(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
  backupCopyId: string;
  createdBy: Actor;
  ttlHours?: number;
}): Promise<{ link: TBackupDownloadLink; token: string; path: string }> {
  const { db, orgId, createdBy } = options;
  const ttlHours = options.ttlHours ?? DEFAULT_LINK_HOURS;
  if (!Number.isInteger(ttlHours) || ttlHours < 1 || ttlHours > MAX_LINK_HOURS) {
    throw invalid('ttlHours', 'A link works for at least an hour and at most 30 days.');
  }
  const token = randomBytes(32).toString('base64url');
  const link = await db.transaction(async (tx) => {
    const { closeout, copy } = await requireCopy(
      tx,
      orgId,
      options.closeoutId,
      options.backupCopyId,
    );
    requireChangeable(closeout);
    requireDownloadMedium(copy);
    if (copy.fileId === null) {
      throw illegal(`Upload the archive of "${copy.description}" before creating a download link.`);
    }
    const now = new Date();
    const [inserted] = await tx
      .insert(backupDownloadLinks)
      .values({
        orgId,
        closeoutId: closeout.id,
        backupCopyId: copy.id,
        tokenHash: sha256(token),
        createdAt: now,
        createdBy: createdBy.name,
        expiresAt: new Date(now.getTime() + ttlHours * HOUR_MS),
      })
      .returning();
    await recordCopyEvent(tx, copy, {
      action: 'create_backup_download_link',
      actor: createdBy,
      before: null,
      after: { copy: copy.description, linkId: inserted!.id, expiresAt: inserted!.expiresAt },
    });
    return inserted!;
  });
  return { link: presentLink(link, new Date()), token, path: downloadPath(token) };
}

/** Revoking twice changes nothing. */
export async function revokeBackupDownloadLink(
  options: CopyRequest & { linkId: string; actor: Actor },
): Promise<TBackupDownloadLink> {
  const { db, orgId, actor } = options;
  const link = await db.transaction(async (tx) => {
    const { copy } = await requireCopy(tx, orgId, options.closeoutId, options.copyId);
    const [found] = await tx
      .select()
      .from(backupDownloadLinks)
      .where(
        and(
          eq(backupDownloadLinks.orgId, orgId),
          eq(backupDownloadLinks.backupCopyId, copy.id),
          eq(backupDownloadLinks.id, options.linkId),
        ),
      );
    if (found === undefined) throw notFound('This download link');
    if (found.revokedAt !== null) return found;
    const [revoked] = await tx
      .update(backupDownloadLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(backupDownloadLinks.orgId, orgId), eq(backupDownloadLinks.id, found.id)))
      .returning();
    await recordCopyEvent(tx, copy, {
      action: 'revoke_backup_download_link',
      actor,
      before: { linkId: found.id, revokedAt: null },
      after: { linkId: found.id, revokedAt: revoked!.revokedAt },
    });
    return revoked!;
  });
  return presentLink(link, new Date());
}

/** Every download of a copy, newest first: through a link, the portal, or by staff. */
export async function recordedDownloadsOf(options: {
  db: DbExecutor;
  orgId: string;
  closeoutId: string;
  backupCopyId: string;
}): Promise<TBackupDownload[]> {
  const rows = await options.db
    .select()
    .from(backupDownloads)
    .where(
      and(
        eq(backupDownloads.orgId, options.orgId),
        eq(backupDownloads.closeoutId, options.closeoutId),
        eq(backupDownloads.backupCopyId, options.backupCopyId),
      ),
    )
    .orderBy(desc(backupDownloads.downloadedAt), asc(backupDownloads.id));
  return rows.map(presentDownload);
}

export type StartedDownload = {
  file: TStoredFile;
  stream: ReadStream;
  /** Call once every byte was sent. */
  complete: () => Promise<void>;
};

export type Downloader = {
  name: string;
  kind: 'user' | 'client_contact';
  ip: string;
  userAgent: string;
};

async function startDownload(
  db: Database,
  dataDir: string,
  target: { orgId: string; closeoutId: string; copyId: string; linkId: string | null },
  archive: StoredFileRow,
  downloader: Downloader,
): Promise<StartedDownload> {
  const stream = await openStoredFile(dataDir, target.orgId, archive.id);
  const [download] = await db
    .insert(backupDownloads)
    .values({
      orgId: target.orgId,
      closeoutId: target.closeoutId,
      backupCopyId: target.copyId,
      linkId: target.linkId,
      downloadedAt: new Date(),
      downloadedBy: downloader.name,
      actorKind: downloader.kind,
      ip: downloader.ip,
      userAgent: downloader.userAgent.slice(0, 500),
    })
    .returning({ id: backupDownloads.id });
  return {
    file: presentStoredFile(archive),
    stream,
    complete: async () => {
      await db
        .update(backupDownloads)
        .set({ completed: true })
        .where(and(eq(backupDownloads.orgId, target.orgId), eq(backupDownloads.id, download!.id)));
    },
  };
}

/**
 * The public download through a link's token: 404 for a token that never existed, 410 for one
 * that expired or was revoked, so the client knows to ask for a new link.
 */
export async function startLinkDownload(options: {
  db: Database;
  dataDir: string;
  token: string;
  downloader: Omit<Downloader, 'name' | 'kind'>;
}): Promise<StartedDownload> {
  const { db } = options;
  const [found] = await db
    .select({ link: backupDownloadLinks, copy: backupCopies })
    .from(backupDownloadLinks)
    .innerJoin(
      backupCopies,
      and(
        eq(backupCopies.id, backupDownloadLinks.backupCopyId),
        eq(backupCopies.orgId, backupDownloadLinks.orgId),
      ),
    )
    .where(eq(backupDownloadLinks.tokenHash, sha256(options.token)));
  if (found === undefined) throw notFound('This download link');
  const { link, copy } = found;
  if (link.revokedAt !== null) {
    throw new AppError('gone', 'This download link was revoked. Ask your provider for a new one.', {
      field: 'token',
    });
  }
  if (link.expiresAt <= new Date()) {
    throw new AppError(
      'gone',
      `This download link expired on ${link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Ask your provider for a new one.`,
      { field: 'token' },
    );
  }
  const archive = await archiveOf(db, copy);
  if (archive === null) {
    throw new AppError('gone', 'The backup archive is no longer available for download.', {
      field: 'token',
    });
  }
  return startDownload(
    db,
    options.dataDir,
    { orgId: link.orgId, closeoutId: link.closeoutId, copyId: copy.id, linkId: link.id },
    archive,
    { ...options.downloader, name: 'Holder of the download link', kind: 'client_contact' },
  );
}

/** Staff download the archive themselves (to check it, or to copy it elsewhere): recorded too. */
export async function startStaffDownload(
  options: CopyRequest & { dataDir: string; downloader: Downloader },
): Promise<StartedDownload> {
  const { db, orgId } = options;
  const { copy } = await requireCopy(db, orgId, options.closeoutId, options.copyId);
  const archive = await archiveOf(db, copy);
  if (archive === null) throw notFound(`The archive of "${copy.description}"`);
  return startDownload(
    db,
    options.dataDir,
    { orgId, closeoutId: copy.closeoutId, copyId: copy.id, linkId: null },
    archive,
    options.downloader,
  );
}
