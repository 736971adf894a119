import { z } from 'zod';
import { ZStoredFile } from '../../files/schema.js';

/** The evidence API's contract, shared with the web app. */

export {
  type TStoredFile,
  type TUploadQuery,
  ZStoredFile,
  ZUploadQuery,
} from '../../files/schema.js';

const ZId = z.uuid();

export const ZEvidenceList = z.object({ items: z.array(ZStoredFile) });
export type TEvidenceList = z.infer<typeof ZEvidenceList>;

export const ZCloseoutEvidenceParams = z.object({ closeoutId: ZId });
export const ZTaskEvidenceParams = z.object({ closeoutId: ZId, taskId: ZId });
export const ZTaskEvidenceFileParams = ZTaskEvidenceParams.extend({ fileId: ZId });
export const ZHandoverEvidenceParams = z.object({ closeoutId: ZId, itemId: ZId });
export const ZHandoverEvidenceFileParams = ZHandoverEvidenceParams.extend({ fileId: ZId });
