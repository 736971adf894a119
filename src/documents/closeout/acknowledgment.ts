import { formatDay } from '../pdf/index.js';
import {
  type DocumentOptions,
  decisionMaker,
  processSteps,
  rolesReaching,
  startCloseoutDocument,
  triggerInWords,
} from './common.js';
import type { CloseoutDocumentData } from './data.js';
import { CLOSEOUT_DOCUMENT_INFO } from './kinds.js';

const INFO = CLOSEOUT_DOCUMENT_INFO['notice-acknowledgment'];

/**
 * The letter to the client acknowledging the notice: when it was received, how the closeout
 * began, the termination date, and what happens next — the definition's stages.
 */
export function acknowledgmentPdf(
  data: CloseoutDocumentData,
  options: DocumentOptions = {},
): Promise<Buffer> {
  const { closeout, client, definition } = data;
  const pdf = startCloseoutDocument(data, INFO, options);
  const addressee = decisionMaker(data);
  const letterDate = closeout.acknowledgedAt ?? options.generatedAt ?? new Date();
  pdf.keyValues([
    ['To', [addressee?.name, addressee?.title, client.name].filter(Boolean).join(', ')],
    ['Email', addressee?.email],
    ['Date', formatDay(letterDate)],
    ['Our reference', closeout.reference],
  ]);
  pdf.paragraph(`Dear ${addressee?.name ?? client.name},`);
  const termination = closeout.meeting.agreement?.terminationDate;
  if (closeout.trigger === 'client_notice') {
    pdf.paragraph(
      `Thank you for your notice, which we received on ${formatDay(closeout.noticeReceivedOn)}. ` +
        `This letter confirms that ${triggerInWords(closeout.trigger)} and that we have begun ` +
        'the closeout of your service in an orderly way.',
    );
  } else {
    pdf.paragraph(
      `This letter, recorded on ${formatDay(closeout.noticeReceivedOn)}, confirms that ` +
        `${triggerInWords(closeout.trigger)}, and that we will close out your service in an ` +
        'orderly way.',
    );
  }
  pdf.paragraph(
    termination
      ? `The agreed termination date is ${formatDay(termination)}.`
      : closeout.earliestTerminationDate
        ? `Under the notice terms of your agreements the service can end on ${formatDay(closeout.earliestTerminationDate)} at the earliest; we will agree the termination date with you in the closeout meeting.`
        : 'We will agree the termination date with you in the closeout meeting.',
  );
  pdf.heading('What happens next');
  // The letter is written in the stage that acknowledges the notice; what follows it is next.
  const acknowledgingStage = definition.tasks.find(
    (task) => task.completedWhen === 'notice_acknowledged',
  )?.stage;
  const from = definition.stages.findIndex((stage) => stage.key === acknowledgingStage) + 1;
  pdf.bullets(
    definition.stages
      .slice(from)
      .map((stage) => `${stage.code} ${stage.name}: ${stage.description}`),
  );
  pdf.paragraph(
    'Until the termination date your service continues as agreed. Please reply to this letter or ' +
      'call us if anything here is not as you expect.',
  );
  pdf.paragraph('Yours sincerely,');
  pdf.signatures([
    {
      role: [...rolesReaching(data, 'notice_acknowledged', 'staff'), data.organisation.name].join(
        ', ',
      ),
      name:
        data.timeline.find((entry) => entry.action === 'acknowledge_notice')?.actorName ??
        data.owner?.name ??
        null,
      signedAt: closeout.acknowledgedAt ? formatDay(closeout.acknowledgedAt) : null,
    },
  ]);
  processSteps(pdf, data, INFO.definitionKey);
  return pdf.end();
}
