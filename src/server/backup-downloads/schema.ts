import { z } from 'zod';
import { ZStoredFile } from '../../files/schema.js';

/** The contract of backup copies handed over by download link; shared with the web app. */

export { type TUploadQuery, ZUploadQuery } from '../../files/schema.js';

const ZId = z.uuid();
const ZMoment = z.iso.datetime({ offset: true });

export const DEFAULT_LINK_HOURS = 7 * 24;
export const MAX_LINK_HOURS = 30 * 24;

export const ZBackupCopyFileParams = z.object({ closeoutId: ZId, copyId: ZId });
export const ZDownloadLinkParams = ZBackupCopyFileParams.extend({ linkId: ZId });
export const ZDownloadTokenParams = z.object({ token: z.string().min(20).max(200) });

export const ZCreateDownloadLinkRequest = z.object({
  /** How long the link works: a week unless said otherwise, at most 30 days. */
  ttlHours: z
    .number()
    .int()
    .min(1, 'A link works for at least an hour.')
    .max(MAX_LINK_HOURS, 'A link works for at most 30 days.')
    .default(DEFAULT_LINK_HOURS),
});
export type TCreateDownloadLinkRequest = z.input<typeof ZCreateDownloadLinkRequest>;

export const ZDownloadLinkStatus = z.enum(['active', 'expired', 'revoked']);

export const ZBackupDownloadLink = z
  .object({
    id: ZId,
    createdAt: ZMoment,
    createdBy: z.string(),
    expiresAt: ZMoment,
    revokedAt: ZMoment.nullable(),
    status: ZDownloadLinkStatus,
  })
  .meta({ id: 'BackupDownloadLink' });
export type TBackupDownloadLink = z.infer<typeof ZBackupDownloadLink>;

/** A new link with its token: the only time the token is shown, only its hash is kept. */
export const ZCreatedDownloadLink = ZBackupDownloadLink.extend({
  token: z.string(),
  /** The address to give the client: the public download. */
  url: z.url(),
});
export type TCreatedDownloadLink = z.infer<typeof ZCreatedDownloadLink>;

export const ZBackupDownload = z
  .object({
    id: ZId,
    /** The link it came through; null for a download by staff. */
    linkId: ZId.nullable(),
    downloadedAt: ZMoment,
    downloadedBy: z.string(),
    actorKind: z.enum(['user', 'client_contact']),
    ip: z.string(),
    userAgent: z.string(),
    /** Every byte was sent; false while running or when the download broke off. */
    completed: z.boolean(),
  })
  .meta({ id: 'BackupDownload' });
export type TBackupDownload = z.infer<typeof ZBackupDownload>;

/** A backup copy's download hand-over: the archive, its links, and every download. */
export const ZBackupDownloadState = z.object({
  archive: ZStoredFile.nullable(),
  links: z.array(ZBackupDownloadLink),
  downloads: z.array(ZBackupDownload),
});
export type TBackupDownloadState = z.infer<typeof ZBackupDownloadState>;
