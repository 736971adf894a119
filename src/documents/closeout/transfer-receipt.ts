import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import type { ResponsibilityAcceptance } from '../../domain/model.js';
import { formatMoment, type SignatureParty } from '../pdf/index.js';
import {
  type DocumentOptions,
  processSteps,
  rolesReaching,
  startCloseoutDocument,
} from './common.js';
import type { CloseoutDocumentData } from './data.js';
import { CLOSEOUT_DOCUMENT_INFO } from './kinds.js';

const INFO = CLOSEOUT_DOCUMENT_INFO['responsibility-transfer'];

/** How the acceptance was given, as lines of fact under the signature. */
export function signatureFacts(acceptance: ResponsibilityAcceptance): string[] {
  const { signature } = acceptance;
  if (signature === null) {
    return [`Signed on paper; recorded by ${acceptance.recordedBy}.`];
  }
  return [
    `Signed in the client portal as ${signature.email}.`,
    `IP address: ${signature.ip}`,
    `Browser: ${signature.userAgent}`,
  ];
}

/** The statement the client accepted: in the portal the exact words shown to the signer. */
export function acceptanceStatement(
  data: CloseoutDocumentData,
  acceptance: ResponsibilityAcceptance,
) {
  return (
    acceptance.signature?.statement ??
    `${data.client.name} accepts responsibility for the administration of its systems from ` +
      `${formatMoment(acceptance.effectiveFrom)}. From that moment ${data.organisation.name} ` +
      'no longer administers them.'
  );
}

/**
 * The receipt of the transfer of system-administration responsibility to the client: who
 * accepted it, in what capacity, from when, and how the signature was given — in the portal
 * (with its IP address and browser) or on paper recorded by staff. Also the portal's download.
 */
export async function transferReceiptPdf(
  data: CloseoutDocumentData,
  options: DocumentOptions = {},
): Promise<Buffer> {
  const acceptance = data.closeout.responsibilityAcceptance;
  if (acceptance === null) {
    throw new AppError(
      'conflict',
      'The client has not accepted responsibility for system administration yet.',
    );
  }
  const pdf = startCloseoutDocument(data, INFO, options);
  pdf.keyValues([
    ['Client', data.client.name],
    ['Accepted by', acceptance.acceptedByName],
    ['Title', acceptance.acceptedByTitle],
    ['Accepted at', formatMoment(acceptance.acceptedAt)],
    ['Effective from', formatMoment(acceptance.effectiveFrom)],
    [
      'Signed',
      acceptance.signature
        ? 'Electronically, in the client portal'
        : `On paper; recorded by ${acceptance.recordedBy}`,
    ],
  ]);
  pdf.heading('Statement');
  pdf.paragraph(acceptanceStatement(data, acceptance));
  if (acceptance.signature) {
    pdf.heading('Signature facts', 2);
    pdf.keyValues([
      [
        'SHA-256 of the statement',
        { mono: createHash('sha256').update(acceptance.signature.statement, 'utf8').digest('hex') },
      ],
      ['Portal account', acceptance.signature.email],
      ['IP address', acceptance.signature.ip],
      ['Browser', acceptance.signature.userAgent],
      ['Signed at', formatMoment(acceptance.acceptedAt)],
    ]);
  }
  pdf.heading('Signatures');
  const parties: SignatureParty[] = [
    {
      role: [...rolesReaching(data, 'responsibility_accepted'), data.client.name].join(', '),
      name: acceptance.acceptedByName,
      title: acceptance.acceptedByTitle,
      signedAt: formatMoment(acceptance.acceptedAt),
      facts: signatureFacts(acceptance),
    },
    {
      role: [...rolesReaching(data, 'session_held', 'staff'), data.organisation.name].join(', '),
      name: acceptance.signature ? (data.owner?.name ?? null) : acceptance.recordedBy,
      signedAt: acceptance.signature ? null : formatMoment(acceptance.acceptedAt),
      facts: [
        acceptance.signature ? 'Countersigns for the provider.' : 'Recorded the signed paper.',
      ],
    },
  ];
  pdf.signatures(parties);
  processSteps(pdf, data, INFO.definitionKey);
  return pdf.end();
}
