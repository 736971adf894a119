import type { StoredFilePurpose } from '../db/schema.js';
import {
  acceptedExtensions,
  FILE_KIND_EXTENSIONS,
  type FileKindKey,
  KINDS_BY_PURPOSE,
} from './schema.js';

/**
 * What a file is, told from its leading bytes rather than from its name or the content type the
 * browser guessed: a renamed program is still a program. Each purpose accepts a list of kinds
 * (schema.ts, shared with the web app's hints); the file's name must also end in one of its
 * kind's extensions (a name without one gets the kind's first), so that what a colleague
 * downloads opens in the program its name promises.
 */

export type FileKind = {
  key: FileKindKey;
  label: string;
  /** Lower case, without the dot; the first is added to a name that has none. */
  extensions: readonly string[];
  /** The content type stored and served, by extension where one signature covers several. */
  contentType: (extension: string) => string;
  matches: (head: Buffer) => boolean;
};

/** Enough of a file to tell its kind (tar's signature sits at 257; text is judged on all of it). */
export const HEAD_BYTES = 4096;

const startsWith =
  (...signature: number[]) =>
  (head: Buffer) =>
    head.length >= signature.length && signature.every((byte, index) => head[index] === byte);

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const startsWithText = (text: string) => startsWith(...ascii(text));

const fixed = (type: string) => () => type;

/** No byte a text file never holds: NUL and control characters other than tab, line ends, ESC. */
const looksLikeText = (head: Buffer) =>
  head.length > 0 &&
  !head.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b));

const isZip = (head: Buffer) =>
  head.length >= 4 &&
  head[0] === 0x50 &&
  head[1] === 0x4b &&
  ((head[2] === 0x03 && head[3] === 0x04) ||
    (head[2] === 0x05 && head[3] === 0x06) ||
    (head[2] === 0x07 && head[3] === 0x08));

const OFFICE_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  msg: 'application/vnd.ms-outlook',
};

const TEXT_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  md: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  eml: 'message/rfc822',
};

const byExtension = (types: Record<string, string>, fallback: string) => (extension: string) =>
  types[extension] ?? fallback;

const kind = (definition: FileKind): FileKind => definition;

const KINDS: Record<FileKindKey, FileKind> = {
  pdf: kind({
    key: 'pdf',
    label: 'a PDF document',
    extensions: FILE_KIND_EXTENSIONS.pdf,
    contentType: fixed('application/pdf'),
    matches: startsWithText('%PDF-'),
  }),
  png: kind({
    key: 'png',
    label: 'a PNG image',
    extensions: FILE_KIND_EXTENSIONS.png,
    contentType: fixed('image/png'),
    matches: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  }),
  jpeg: kind({
    key: 'jpeg',
    label: 'a JPEG image',
    extensions: FILE_KIND_EXTENSIONS.jpeg,
    contentType: fixed('image/jpeg'),
    matches: startsWith(0xff, 0xd8, 0xff),
  }),
  gif: kind({
    key: 'gif',
    label: 'a GIF image',
    extensions: FILE_KIND_EXTENSIONS.gif,
    contentType: fixed('image/gif'),
    matches: (head) => startsWithText('GIF87a')(head) || startsWithText('GIF89a')(head),
  }),
  webp: kind({
    key: 'webp',
    label: 'a WebP image',
    extensions: FILE_KIND_EXTENSIONS.webp,
    contentType: fixed('image/webp'),
    matches: (head) =>
      startsWithText('RIFF')(head) && head.subarray(8, 12).toString('latin1') === 'WEBP',
  }),
  office: kind({
    key: 'office',
    label: 'an Office document',
    extensions: FILE_KIND_EXTENSIONS.office,
    contentType: byExtension(OFFICE_TYPES, 'application/zip'),
    matches: isZip,
  }),
  legacy_office: kind({
    key: 'legacy_office',
    label: 'an Office 97–2003 document or Outlook message',
    extensions: FILE_KIND_EXTENSIONS.legacy_office,
    contentType: byExtension(OFFICE_TYPES, 'application/octet-stream'),
    matches: startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
  }),
  zip: kind({
    key: 'zip',
    label: 'a ZIP archive',
    extensions: FILE_KIND_EXTENSIONS.zip,
    contentType: fixed('application/zip'),
    matches: isZip,
  }),
  text: kind({
    key: 'text',
    label: 'a text file',
    extensions: FILE_KIND_EXTENSIONS.text,
    contentType: byExtension(TEXT_TYPES, 'text/plain; charset=utf-8'),
    matches: looksLikeText,
  }),
  '7z': kind({
    key: '7z',
    label: 'a 7-Zip archive',
    extensions: FILE_KIND_EXTENSIONS['7z'],
    contentType: fixed('application/x-7z-compressed'),
    matches: startsWith(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c),
  }),
  rar: kind({
    key: 'rar',
    label: 'a RAR archive',
    extensions: FILE_KIND_EXTENSIONS.rar,
    contentType: fixed('application/vnd.rar'),
    matches: startsWith(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07),
  }),
  tar: kind({
    key: 'tar',
    label: 'a tar archive',
    extensions: FILE_KIND_EXTENSIONS.tar,
    contentType: fixed('application/x-tar'),
    matches: (head) => head.subarray(257, 262).toString('latin1') === 'ustar',
  }),
  gzip: kind({
    key: 'gzip',
    label: 'a gzip-compressed file',
    extensions: FILE_KIND_EXTENSIONS.gzip,
    contentType: fixed('application/gzip'),
    matches: startsWith(0x1f, 0x8b),
  }),
  bzip2: kind({
    key: 'bzip2',
    label: 'a bzip2-compressed file',
    extensions: FILE_KIND_EXTENSIONS.bzip2,
    contentType: fixed('application/x-bzip2'),
    matches: startsWithText('BZh'),
  }),
  xz: kind({
    key: 'xz',
    label: 'an xz-compressed file',
    extensions: FILE_KIND_EXTENSIONS.xz,
    contentType: fixed('application/x-xz'),
    matches: startsWith(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00),
  }),
  zstd: kind({
    key: 'zstd',
    label: 'a Zstandard-compressed file',
    extensions: FILE_KIND_EXTENSIONS.zstd,
    contentType: fixed('application/zstd'),
    matches: startsWith(0x28, 0xb5, 0x2f, 0xfd),
  }),
  age: kind({
    key: 'age',
    label: 'an age-encrypted file',
    extensions: FILE_KIND_EXTENSIONS.age,
    contentType: fixed('application/octet-stream'),
    matches: startsWithText('age-encryption.org/'),
  }),
  pgp: kind({
    key: 'pgp',
    label: 'an OpenPGP-encrypted file (ASCII armour)',
    extensions: FILE_KIND_EXTENSIONS.pgp,
    contentType: fixed('application/pgp-encrypted'),
    matches: startsWithText('-----BEGIN PGP MESSAGE-----'),
  }),
};

/** "PDF, PNG, … or text": what a purpose accepts, for a refusal's message. */
export const describeAccepted = (purpose: StoredFilePurpose): string => {
  const extensions = acceptedExtensions(purpose);
  return `${extensions
    .slice(0, -1)
    .map((extension) => `.${extension}`)
    .join(', ')} or .${extensions.at(-1)}`;
};

export const extensionOf = (fileName: string): string => {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match?.[1]?.toLowerCase() ?? '';
};

/**
 * The kinds a file's leading bytes match, for this purpose. A ZIP signature matches both
 * Office documents and plain archives, so the name's extension picks between them.
 */
export const kindsMatching = (purpose: StoredFilePurpose, head: Buffer): FileKind[] =>
  KINDS_BY_PURPOSE[purpose].map((key) => KINDS[key]).filter((candidate) => candidate.matches(head));
