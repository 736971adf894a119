import { acknowledgmentPdf } from './acknowledgment.js';
import { closeoutReportPdf } from './closeout-report.js';
import type { DocumentOptions } from './common.js';
import type { CloseoutDocumentData } from './data.js';
import { handoverManifestPdf } from './handover-manifest.js';
import type { CloseoutDocumentKind } from './kinds.js';
import { meetingAgendaPdf } from './meeting-agenda.js';
import { meetingSummaryPdf } from './meeting-summary.js';
import { openTicketReportPdf } from './open-ticket-report.js';
import { sessionAgendaPdf } from './session-agenda.js';
import { transferReceiptPdf } from './transfer-receipt.js';

export type { DocumentOptions } from './common.js';
export { documentTitle } from './common.js';
export type { CloseoutDocumentData } from './data.js';
export {
  CLOSEOUT_DOCUMENT_INFO,
  CLOSEOUT_DOCUMENT_KINDS,
  type CloseoutDocumentKind,
} from './kinds.js';
export { loadCloseoutDocumentData } from './load.js';
export {
  acknowledgmentPdf,
  closeoutReportPdf,
  handoverManifestPdf,
  meetingAgendaPdf,
  meetingSummaryPdf,
  openTicketReportPdf,
  sessionAgendaPdf,
  transferReceiptPdf,
};

/** The function that writes each document. */
export const CLOSEOUT_DOCUMENT_WRITERS: Record<
  CloseoutDocumentKind,
  (data: CloseoutDocumentData, options?: DocumentOptions) => Promise<Buffer>
> = {
  'notice-acknowledgment': acknowledgmentPdf,
  'meeting-agenda': meetingAgendaPdf,
  'meeting-summary': meetingSummaryPdf,
  'open-ticket-report': openTicketReportPdf,
  'session-agenda': sessionAgendaPdf,
  'handover-manifest': handoverManifestPdf,
  'responsibility-transfer': transferReceiptPdf,
  'closeout-report': closeoutReportPdf,
};
