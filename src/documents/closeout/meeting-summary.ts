import { formatDay, formatMoment } from '../pdf/index.js';
import {
  attendeeTable,
  type DocumentOptions,
  processSteps,
  startCloseoutDocument,
  transitionContactInWords,
  writtenText,
} from './common.js';
import type { CloseoutDocumentData } from './data.js';
import { CLOSEOUT_DOCUMENT_INFO } from './kinds.js';

const INFO = CLOSEOUT_DOCUMENT_INFO['meeting-summary'];

/** What the closeout meeting agreed: minutes, dates, tickets, deliverables, billing, contact. */
export function meetingSummaryPdf(
  data: CloseoutDocumentData,
  options: DocumentOptions = {},
): Promise<Buffer> {
  const { meeting } = data.closeout;
  const pdf = startCloseoutDocument(data, INFO, options);
  pdf.keyValues([
    ['Client', data.client.name],
    ['Held', formatMoment(meeting.heldAt)],
    ['Where', meeting.location],
    ['Summary sent', meeting.summarySentAt ? formatMoment(meeting.summarySentAt) : 'Not yet'],
  ]);
  pdf.heading('Attendees');
  attendeeTable(pdf, data, 'No attendees recorded.');
  const agreement = meeting.agreement;
  if (agreement) {
    pdf.heading('What we agreed');
    pdf.keyValues([
      ['Termination date', formatDay(agreement.terminationDate)],
      ['Deactivation session', formatMoment(agreement.deactivationSessionAt)],
      ['Open tickets', agreement.ticketHandling],
      ['What the client receives', agreement.deliverables],
      ['Final billing', agreement.finalBilling],
      ['Transition contact', transitionContactInWords(agreement.transitionContact)],
    ]);
  }
  pdf.heading('Minutes');
  writtenText(pdf, meeting.minutes, 'No minutes recorded.');
  processSteps(pdf, data, INFO.definitionKey);
  return pdf.end();
}
