import { roleName } from '../../blueprint/personalise.js';
import { formatMoment } from '../pdf/index.js';
import {
  type DocumentOptions,
  processSteps,
  rolesReaching,
  startCloseoutDocument,
  transitionContactInWords,
} from './common.js';
import type { CloseoutDocumentData } from './data.js';
import { backupCopies, itemsBySystem } from './handover.js';
import { CLOSEOUT_DOCUMENT_INFO } from './kinds.js';

const INFO = CLOSEOUT_DOCUMENT_INFO['session-agenda'];

/**
 * The deactivation session's agenda: each system's credentials to walk through, the backup
 * copies to hand over, and the acceptance of responsibility that ends it.
 */
export function sessionAgendaPdf(
  data: CloseoutDocumentData,
  options: DocumentOptions = {},
): Promise<Buffer> {
  const { closeout, definition } = data;
  const agreement = closeout.meeting.agreement;
  const pdf = startCloseoutDocument(data, INFO, options);
  const stage = definition.stages.find((candidate) =>
    definition.tasks.some(
      (task) => task.stage === candidate.key && task.completedWhen === 'session_held',
    ),
  );
  pdf.keyValues([
    ['Client', data.client.name],
    ['When', formatMoment(closeout.sessionHeldAt ?? agreement?.deactivationSessionAt ?? null)],
    ['Stage', stage ? `${stage.code} ${stage.name}` : null],
    [
      'Transition contact',
      agreement ? transitionContactInWords(agreement.transitionContact) : null,
    ],
  ]);
  const technical = data.contacts.filter((contact) => contact.isTechnicalContact);
  pdf.heading('Who takes part');
  pdf.bullets([
    ...rolesReaching(data, 'session_held', 'staff').map(
      (role) => `${role} (${data.organisation.name})`,
    ),
    ...technical.map(
      (contact) =>
        `${contact.name}${contact.title ? `, ${contact.title}` : ''} (${data.client.name})`,
    ),
    ...rolesReaching(data, 'credentials_confirmed', 'client').map(
      (role) => `${role} (${data.client.name})`,
    ),
  ]);
  pdf.heading('1. Administration credentials, system by system');
  const groups = itemsBySystem(closeout.handoverItems);
  if (groups.length === 0) pdf.paragraph('No credentials are listed.', { muted: true });
  for (const [system, items] of groups) {
    pdf.heading(system, 2);
    pdf.bullets(
      items.map(
        (item) =>
          `${item.credentialLabel}${item.notes ? ` — ${item.notes}` : ''}: hand over, then the client signs in with it and confirms`,
      ),
    );
  }
  pdf.heading('2. Backup data');
  backupCopies(pdf, closeout.backupCopies, 'No backup copy is listed.');
  pdf.heading('3. Transfer of responsibility');
  const signers = definition.tasks
    .filter((task) => task.completedWhen === 'responsibility_accepted')
    .flatMap((task) => task.roles.map((role) => roleName(definition, role)));
  pdf.paragraph(
    `${signers.join(', ') || 'The client'} signs the transfer of system-administration ` +
      `responsibility from ${data.organisation.name} to ${data.client.name}, effective from the ` +
      'moment stated in it.',
  );
  processSteps(pdf, data, INFO.definitionKey);
  return pdf.end();
}
