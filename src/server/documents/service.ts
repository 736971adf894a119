import type { DbExecutor } from '../../db/connection.js';
import { loadCloseout } from '../../db/repositories/closeouts.js';
import {
  CLOSEOUT_DOCUMENT_INFO,
  CLOSEOUT_DOCUMENT_KINDS,
  CLOSEOUT_DOCUMENT_WRITERS,
  type CloseoutDocumentData,
  documentTitle,
  loadCloseoutDocumentData,
} from '../../documents/closeout/index.js';
import type { Paper } from '../../documents/pdf/index.js';
import { AppError, notFound } from '../../domain/errors.js';
import { personalisedDefinitionVersion } from '../process/service.js';
import type { TCloseoutDocument, TCloseoutDocumentKind } from './schema.js';

function describe(
  data: Pick<CloseoutDocumentData, 'closeout' | 'definition'>,
  kind: TCloseoutDocumentKind,
): TCloseoutDocument {
  const info = CLOSEOUT_DOCUMENT_INFO[kind];
  const unavailableReason = info.unavailableBecause(data.closeout);
  return {
    kind,
    title: documentTitle(data, info),
    description:
      data.definition.documents.find((document) => document.key === info.definitionKey)
        ?.description ?? '',
    available: unavailableReason === null,
    unavailableReason,
  };
}

/** The closeout's documents, each with whether it can be made now and why not. */
export async function listCloseoutDocuments(options: {
  db: DbExecutor;
  orgId: string;
  closeoutId: string;
}): Promise<TCloseoutDocument[]> {
  const { db, orgId, closeoutId } = options;
  const closeout = await loadCloseout(db, orgId, closeoutId);
  if (closeout === null) throw notFound('The closeout');
  const definition = await personalisedDefinitionVersion({
    db,
    orgId,
    key: closeout.definitionKey,
    version: closeout.definitionVersion,
  });
  return CLOSEOUT_DOCUMENT_KINDS.map((kind) => describe({ closeout, definition }, kind));
}

export type CloseoutDocumentFile = { fileName: string; body: Buffer };

/** One document as a PDF; 409 with the reason when the closeout is not that far yet. */
export async function closeoutDocumentPdf(options: {
  db: DbExecutor;
  orgId: string;
  closeoutId: string;
  kind: TCloseoutDocumentKind;
  paper: Paper;
  now: Date;
}): Promise<CloseoutDocumentFile> {
  const data = await loadCloseoutDocumentData(options);
  const document = describe(data, options.kind);
  if (document.unavailableReason !== null) {
    throw new AppError(
      'conflict',
      `${document.title} is not available yet. ${document.unavailableReason}`,
    );
  }
  const body = await CLOSEOUT_DOCUMENT_WRITERS[options.kind](data, {
    paper: options.paper,
    generatedAt: options.now,
  });
  return { fileName: `${data.closeout.reference} ${document.title}.pdf`, body };
}
