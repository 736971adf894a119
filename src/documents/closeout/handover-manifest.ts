import { formatMoment } from '../pdf/index.js';
import { type DocumentOptions, processSteps, startCloseoutDocument } from './common.js';
import type { CloseoutDocumentData } from './data.js';
import { backupCopies, byAt } from './handover.js';
import { CLOSEOUT_DOCUMENT_INFO } from './kinds.js';

const INFO = CLOSEOUT_DOCUMENT_INFO['handover-manifest'];

/**
 * What was handed over to the client, by whom and confirmed when. It names credentials but
 * never holds their values: the data it is built from carries none.
 */
export function handoverManifestPdf(
  data: CloseoutDocumentData,
  options: DocumentOptions = {},
): Promise<Buffer> {
  const { closeout } = data;
  const items = closeout.handoverItems;
  const vault = new Map(data.handoverSecrets.map((secret) => [secret.handoverItemId, secret]));
  const pdf = startCloseoutDocument(data, INFO, options);
  pdf.keyValues([
    ['Client', data.client.name],
    ['Deactivation session', formatMoment(closeout.sessionHeldAt)],
    [
      'Credentials',
      `${items.filter((item) => item.confirmedAt).length} of ${items.length} confirmed by the client`,
    ],
    [
      'Backup copies',
      `${closeout.backupCopies.filter((copy) => copy.receivedAt).length} of ${closeout.backupCopies.length} received by the client`,
    ],
  ]);
  pdf.paragraph(
    'This manifest records what was handed over. It contains no passwords or other secret ' +
      'values; those reach the client only through the client portal or in the session itself.',
    { muted: true },
  );
  pdf.heading('Administration credentials');
  pdf.table(
    [
      { header: 'System', weight: 1.4 },
      { header: 'Credential', weight: 1.6 },
      { header: 'Handed over', weight: 1.6 },
      { header: 'Confirmed by the client', weight: 1.6 },
      { header: 'Client portal', weight: 1.4 },
    ],
    items.map((item) => {
      const secret = vault.get(item.id);
      return [
        item.systemName,
        `${item.credentialLabel}${item.notes ? `\n${item.notes}` : ''}`,
        byAt(item.handedOverBy, item.handedOverAt),
        byAt(item.confirmedBy, item.confirmedAt),
        secret
          ? `Issued ${formatMoment(secret.issuedAt)}${secret.clientRevealedAt ? `; revealed ${formatMoment(secret.clientRevealedAt)}` : '; not revealed yet'}`
          : '—',
      ];
    }),
    { emptyText: 'No credentials are listed.' },
  );
  pdf.heading('Backup data');
  backupCopies(pdf, closeout.backupCopies, 'No backup copy is listed.');
  processSteps(pdf, data, INFO.definitionKey);
  return pdf.end();
}
