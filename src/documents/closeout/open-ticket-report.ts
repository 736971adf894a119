import type { TicketReview } from '../../domain/model.js';
import { formatDay, formatMoment } from '../pdf/index.js';
import { type DocumentOptions, processSteps, startCloseoutDocument } from './common.js';
import type { CloseoutDocumentData } from './data.js';
import { CLOSEOUT_DOCUMENT_INFO } from './kinds.js';

const INFO = CLOSEOUT_DOCUMENT_INFO['open-ticket-report'];

const DISPOSITION = { complete: 'Complete', cancel: 'Cancel' } as const;
const OUTCOME = { completed: 'Completed', cancelled: 'Cancelled' } as const;

function clientResponse(review: TicketReview): string {
  if (review.clientQuestion) return `Question: ${review.clientQuestion}`;
  if (review.clientAgreed) {
    return `Agreed${review.clientAgreedAt ? ` ${formatDay(review.clientAgreedAt)}` : ''}`;
  }
  return 'Not yet';
}

/** Every ticket of the review with its disposition, the client's response and the outcome. */
export function openTicketReportPdf(
  data: CloseoutDocumentData,
  options: DocumentOptions = {},
): Promise<Buffer> {
  const { closeout } = data;
  const reviews = closeout.ticketReviews;
  const count = (predicate: (review: TicketReview) => boolean) =>
    String(reviews.filter(predicate).length);
  const pdf = startCloseoutDocument(data, INFO, options);
  pdf.keyValues([
    ['Client', data.client.name],
    ['Tickets pulled', formatMoment(closeout.ticketsPulledAt)],
    ['Termination date', formatDay(closeout.meeting.agreement?.terminationDate)],
    ['Tickets under review', String(reviews.length)],
    ['To complete', count((review) => review.disposition === 'complete')],
    ['To cancel', count((review) => review.disposition === 'cancel')],
    ['Without disposition', count((review) => review.disposition === null)],
    ['Agreed by the client', count((review) => review.clientAgreed)],
    ['Resolved', count((review) => review.outcome !== null)],
  ]);
  pdf.heading('Tickets');
  pdf.table(
    [
      { header: 'Ticket', weight: 0.9 },
      { header: 'Title', weight: 2 },
      { header: 'Disposition', weight: 1 },
      { header: 'Reason', weight: 2 },
      { header: 'Client', weight: 1.4 },
      { header: 'Outcome', weight: 1.2 },
    ],
    reviews.map((review) => [
      review.ticketNumber,
      review.title,
      review.disposition ? DISPOSITION[review.disposition] : 'Not decided',
      review.reason || '—',
      clientResponse(review),
      review.outcome
        ? `${OUTCOME[review.outcome]}${review.outcomeAt ? ` ${formatDay(review.outcomeAt)}` : ''}`
        : 'Open',
    ]),
    { emptyText: 'The client had no open tickets.' },
  );
  const notes = reviews.filter((review) => review.handoverNote.trim() !== '');
  if (notes.length > 0) {
    pdf.heading('Handover notes for cancelled work', 2);
    pdf.table(
      [
        { header: 'Ticket', weight: 0.9 },
        { header: 'Note', weight: 5 },
      ],
      notes.map((review) => [review.ticketNumber, review.handoverNote]),
    );
  }
  processSteps(pdf, data, INFO.definitionKey);
  return pdf.end();
}
