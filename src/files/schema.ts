import { z } from 'zod';

/** A stored file as the API presents it; shared with the web app, so it imports nothing else. */

export const ZStoredFilePurpose = z.enum(['task_evidence', 'handover_evidence', 'backup_copy']);

export const ZStoredFile = z
  .object({
    id: z.uuid(),
    purpose: ZStoredFilePurpose,
    /** The task, handover item or backup copy the file belongs to. */
    subjectId: z.uuid(),
    fileName: z.string(),
    /** Told from the file's content, not from what the uploader's browser said. */
    contentType: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    uploadedAt: z.iso.datetime({ offset: true }),
    uploadedBy: z.string(),
  })
  .meta({ id: 'StoredFile' });
export type TStoredFile = z.infer<typeof ZStoredFile>;

/** How an upload names its file: the body is the file itself. */
export const ZUploadQuery = z.object({
  fileName: z.string().trim().min(1, 'Required').max(255),
});
export type TUploadQuery = z.infer<typeof ZUploadQuery>;

/**
 * The extensions of each kind of file Closeout tells from its leading bytes (src/files/kinds.ts),
 * the first the one a name without an extension gets.
 */
export const FILE_KIND_EXTENSIONS = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg', 'jfif'],
  gif: ['gif'],
  webp: ['webp'],
  office: ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'],
  legacy_office: ['doc', 'xls', 'ppt', 'msg'],
  zip: ['zip'],
  text: ['txt', 'csv', 'eml', 'log', 'md'],
  '7z': ['7z'],
  rar: ['rar'],
  tar: ['tar'],
  gzip: ['gz', 'tgz'],
  bzip2: ['bz2', 'tbz2'],
  xz: ['xz', 'txz'],
  zstd: ['zst', 'tzst'],
  age: ['age'],
  pgp: ['asc', 'gpg', 'pgp'],
} as const satisfies Record<string, readonly string[]>;
export type FileKindKey = keyof typeof FILE_KIND_EXTENSIONS;

/**
 * Evidence is something a colleague opens to check a step: documents, screenshots, exports,
 * saved emails. A backup copy is one archive, compressed or encrypted, never loose files: the
 * client receives one file whose checksum it can verify.
 */
export const KINDS_BY_PURPOSE: Record<
  z.infer<typeof ZStoredFilePurpose>,
  readonly FileKindKey[]
> = {
  task_evidence: ['pdf', 'png', 'jpeg', 'gif', 'webp', 'office', 'legacy_office', 'zip', 'text'],
  handover_evidence: [
    'pdf',
    'png',
    'jpeg',
    'gif',
    'webp',
    'office',
    'legacy_office',
    'zip',
    'text',
  ],
  backup_copy: ['zip', '7z', 'rar', 'tar', 'gzip', 'bzip2', 'xz', 'zstd', 'age', 'pgp'],
};

/** The extensions a purpose accepts, e.g. for a file picker's `accept`. */
export const acceptedExtensions = (
  purpose: z.infer<typeof ZStoredFilePurpose>,
): readonly string[] => KINDS_BY_PURPOSE[purpose].flatMap((kind) => FILE_KIND_EXTENSIONS[kind]);
