import type { StoredFilePurpose } from '../db/schema.js';
import { AppError, invalid } from '../domain/errors.js';
import { describeAccepted, extensionOf, kindsMatching } from './kinds.js';

export type Identified = { fileName: string; contentType: string; kind: string };

const PURPOSE_NOUNS: Record<StoredFilePurpose, string> = {
  task_evidence: 'as evidence',
  handover_evidence: 'as evidence',
  backup_copy: 'as a backup archive',
};

/**
 * The kind of an uploaded file from its leading bytes, and the name it is kept under. Refused
 * (415) when the content is of no accepted kind, or when the name promises another kind.
 */
export function identifyFile(
  purpose: StoredFilePurpose,
  head: Buffer,
  fileName: string,
): Identified {
  if (head.length === 0) throw invalid('file', 'The file is empty.');
  const matching = kindsMatching(purpose, head);
  const first = matching[0];
  if (first === undefined) {
    throw new AppError(
      'unsupported_type',
      `This file's content is not of a kind Closeout accepts ${PURPOSE_NOUNS[purpose]}; send ${describeAccepted(purpose)}.`,
      { field: 'file' },
    );
  }
  const extension = extensionOf(fileName);
  if (extension === '') {
    return {
      fileName: `${fileName}.${first.extensions[0]}`,
      contentType: first.contentType(first.extensions[0]!),
      kind: first.key,
    };
  }
  const named = matching.find((candidate) => candidate.extensions.includes(extension));
  if (named === undefined) {
    throw new AppError(
      'unsupported_type',
      `The name ends in .${extension}, but the file is ${first.label}: name it .${first.extensions.join(' or .')}.`,
      { field: 'fileName' },
    );
  }
  return { fileName, contentType: named.contentType(extension), kind: named.key };
}
