import { formatMoment } from '../pdf/index.js';
import {
  attendeeTable,
  type DocumentOptions,
  decisionMaker,
  processSteps,
  rolesReaching,
  startCloseoutDocument,
  writtenText,
} from './common.js';
import type { CloseoutDocumentData } from './data.js';
import { CLOSEOUT_DOCUMENT_INFO } from './kinds.js';

const INFO = CLOSEOUT_DOCUMENT_INFO['meeting-agenda'];

/** The closeout meeting's agenda as the closeout keeps it, with time, place and who attends. */
export function meetingAgendaPdf(
  data: CloseoutDocumentData,
  options: DocumentOptions = {},
): Promise<Buffer> {
  const { meeting } = data.closeout;
  const pdf = startCloseoutDocument(data, INFO, options);
  pdf.keyValues([
    ['Client', data.client.name],
    ['When', formatMoment(meeting.scheduledAt)],
    ['Where', meeting.location],
    ['Closeout', data.closeout.reference],
  ]);
  pdf.heading('Attendees');
  if (meeting.attendees.length > 0) {
    attendeeTable(pdf, data);
  } else {
    const invited = decisionMaker(data);
    pdf.bullets([
      ...(invited
        ? [`${invited.name}${invited.title ? `, ${invited.title}` : ''} (${data.client.name})`]
        : []),
      ...(data.owner ? [`${data.owner.name} (${data.organisation.name})`] : []),
      ...rolesReaching(data, 'meeting_held', 'staff').map(
        (role) => `${role} (${data.organisation.name})`,
      ),
    ]);
  }
  pdf.heading('Agenda');
  writtenText(pdf, meeting.agenda, 'No agenda has been written yet.');
  processSteps(pdf, data, INFO.definitionKey);
  return pdf.end();
}
