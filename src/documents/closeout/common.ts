import { roleName, systemName } from '../../blueprint/personalise.js';
import type { TTrigger } from '../../blueprint/schema.js';
import type { Attendee, TransitionContact } from '../../domain/model.js';
import { type BrandedPdf, createBrandedPdf, type Paper } from '../pdf/index.js';
import type { CloseoutDocumentData, DocumentContact } from './data.js';

export type DocumentOptions = {
  paper?: Paper;
  /** When the document is generated; the footer prints it. Defaults to now. */
  generatedAt?: Date;
};

/**
 * A closeout document: the title is the definition's own name for the document when the
 * definition names it, so an organisation that renames "Closeout report" sees its word.
 */
export function startCloseoutDocument(
  data: CloseoutDocumentData,
  document: { definitionKey: string; fallbackTitle: string },
  options: DocumentOptions,
): BrandedPdf {
  return createBrandedPdf({
    organisation: data.organisation,
    title: documentTitle(data, document),
    subtitle: `${data.client.name} — closeout ${data.closeout.reference}`,
    definitionRef: { key: data.definition.key, version: data.definition.version },
    paper: options.paper ?? 'a4',
    generatedAt: options.generatedAt ?? new Date(),
  });
}

export function documentTitle(
  data: Pick<CloseoutDocumentData, 'definition'>,
  document: { definitionKey: string; fallbackTitle: string },
): string {
  return (
    data.definition.documents.find((candidate) => candidate.key === document.definitionKey)?.name ??
    document.fallbackTitle
  );
}

/**
 * The process steps the definition ties to a document, with who does them and in which systems,
 * as a short section: where the document sits in the process, in the organisation's own names.
 */
export function processSteps(pdf: BrandedPdf, data: CloseoutDocumentData, documentKey: string) {
  const tasks = data.definition.tasks.filter((task) => task.documents.includes(documentKey));
  if (tasks.length === 0) return;
  pdf.heading('In the process', 2);
  pdf.table(
    [
      { header: 'Task', weight: 0.5 },
      { header: 'Step', weight: 3 },
      { header: 'Who', weight: 1.5 },
      { header: 'Systems', weight: 1.5 },
    ],
    tasks.map((task) => [
      task.number,
      task.name,
      task.roles.map((role) => roleName(data.definition, role)).join(', '),
      task.systems.map((system) => systemName(data.definition, system)).join(', ') || '—',
    ]),
  );
}

/** The names of the roles that do the tasks reaching a milestone, in the organisation's words. */
export function rolesReaching(data: CloseoutDocumentData, milestone: string, kind?: string) {
  const keys = data.definition.tasks
    .filter((task) => task.completedWhen === milestone)
    .flatMap((task) => task.roles)
    .filter(
      (key) =>
        kind === undefined || data.definition.roles.find((role) => role.key === key)?.kind === kind,
    );
  return [...new Set(keys)].map((key) => roleName(data.definition, key));
}

const TRIGGER_WORDS: Record<TTrigger, string> = {
  client_notice: 'the client gave notice of cancelling the service',
  provider_termination: 'we are ending the service agreement',
  mutual: 'we and the client decided together to end the service agreement',
};

/** How the closeout began, as a clause: "the client gave notice of cancelling the service". */
export function triggerInWords(trigger: TTrigger): string {
  return TRIGGER_WORDS[trigger];
}

export function decisionMaker(data: CloseoutDocumentData): DocumentContact | null {
  return data.contacts.find((contact) => contact.isDecisionMaker) ?? data.contacts[0] ?? null;
}

/** The meeting's attendees: name, address and which side each came from. */
export function attendeeTable(
  pdf: BrandedPdf,
  data: CloseoutDocumentData,
  emptyText?: string,
): void {
  pdf.table(
    [
      { header: 'Name', weight: 2 },
      { header: 'Email', weight: 2 },
      { header: 'For', weight: 2 },
    ],
    data.closeout.meeting.attendees.map((attendee) => [
      attendee.name,
      attendee.email ?? '—',
      attendeeSide(data, attendee),
    ]),
    { emptyText },
  );
}

/** Which side an attendee came from, by name. */
function attendeeSide(data: CloseoutDocumentData, attendee: Attendee): string {
  switch (attendee.organisation) {
    case 'provider':
      return data.organisation.name;
    case 'client':
      return data.client.name;
    case 'incoming_provider':
      return 'Incoming provider';
  }
}

export function transitionContactInWords(contact: TransitionContact): string {
  const who =
    contact.kind === 'own_it'
      ? "the client's own IT"
      : `the incoming provider${contact.organisation ? ` ${contact.organisation}` : ''}`;
  const reach = [contact.email, contact.phone].filter(Boolean).join(', ');
  return `${contact.name} (${who})${reach ? ` — ${reach}` : ''}`;
}

export function money(amount: number): string {
  return amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

/**
 * Text a person typed (an agenda, minutes) in the document: lines starting with "#" become
 * sub-headings, "-", "*" or "1." lines become bullets, the rest paragraphs.
 */
export function writtenText(pdf: BrandedPdf, text: string, emptyText: string): void {
  if (text.trim() === '') {
    pdf.paragraph(emptyText, { muted: true });
    return;
  }
  let bullets: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (bullets.length > 0) pdf.bullets(bullets);
    if (paragraph.length > 0) pdf.paragraph(paragraph.join(' '));
    bullets = [];
    paragraph = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const bullet = /^(?:[-*•]|\d+[.)])\s+(.*)$/.exec(line);
    if (line === '') flush();
    else if (line.startsWith('#')) {
      flush();
      pdf.heading(line.replace(/^#+\s*/, ''), 2);
    } else if (bullet) {
      if (paragraph.length > 0) flush();
      bullets.push(bullet[1] ?? '');
    } else {
      if (bullets.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
}
