import { z } from 'zod';
import { CLOSEOUT_DOCUMENT_KINDS } from '../../documents/closeout/kinds.js';
import { PAPERS } from '../../documents/pdf/papers.js';
import { ZCloseoutParams } from '../closeouts/schema.js';

export const ZCloseoutDocumentKind = z.enum(CLOSEOUT_DOCUMENT_KINDS);
export type TCloseoutDocumentKind = z.infer<typeof ZCloseoutDocumentKind>;

export const ZPaper = z.enum(PAPERS);

/** One document of a closeout: its title from the definition and whether it can be made now. */
export const ZCloseoutDocument = z.object({
  kind: ZCloseoutDocumentKind,
  title: z.string(),
  description: z.string(),
  available: z.boolean(),
  /** Why it cannot be made yet; null when it can. */
  unavailableReason: z.string().nullable(),
});
export type TCloseoutDocument = z.infer<typeof ZCloseoutDocument>;

export const ZCloseoutDocumentList = z.object({ documents: z.array(ZCloseoutDocument) });
export type TCloseoutDocumentList = z.infer<typeof ZCloseoutDocumentList>;

export const ZCloseoutDocumentParams = ZCloseoutParams.extend({ document: ZCloseoutDocumentKind });

export const ZCloseoutDocumentQuery = z.object({
  /** A4 or US Letter; A4 by default. */
  paper: ZPaper.default('a4'),
});
export type TCloseoutDocumentQuery = z.infer<typeof ZCloseoutDocumentQuery>;
