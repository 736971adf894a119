import type { Database } from '../../db/connection.js';
import { loadCloseoutDocumentData, transferReceiptPdf } from '../../documents/closeout/index.js';
import { AppError } from '../../domain/errors.js';
import type { PortalAuth } from './auth.js';
import { loadOwnCloseout } from './service.js';

/**
 * The signed receipt of the transfer of responsibility, for the client and for the MSP: the
 * same document the closeout's Documents tab offers, available once the client signed in the
 * portal.
 */

export type Receipt = { fileName: string; pdf: Buffer };

async function receiptOf(db: Database, orgId: string, closeoutId: string): Promise<Receipt> {
  const data = await loadCloseoutDocumentData({ db, orgId, closeoutId });
  const acceptance = data.closeout.responsibilityAcceptance;
  if (acceptance === null || acceptance.signature === null) {
    throw new AppError(
      'not_found',
      acceptance === null
        ? 'The transfer of responsibility is not signed yet, so there is no receipt.'
        : 'The transfer was recorded from a signed paper, not signed in the portal: the paper is the receipt.',
    );
  }
  return {
    fileName: `${data.closeout.reference}-responsibility-receipt.pdf`,
    // Dated at the signature, so every download of the receipt is the same file.
    pdf: await transferReceiptPdf(data, { generatedAt: new Date(acceptance.acceptedAt) }),
  };
}

export async function portalReceipt(
  db: Database,
  auth: PortalAuth,
  closeoutId: string,
): Promise<Receipt> {
  const { closeout } = await loadOwnCloseout(db, auth, closeoutId);
  return receiptOf(db, closeout.orgId, closeout.id);
}

export async function staffReceipt(options: {
  db: Database;
  orgId: string;
  closeoutId: string;
}): Promise<Receipt> {
  return receiptOf(options.db, options.orgId, options.closeoutId);
}
