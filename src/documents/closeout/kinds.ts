import type { Closeout } from '../../domain/model.js';

/**
 * The documents Closeout fills in for a closeout, and when each can be: pure data, so the API's
 * schema and the web app share it. `definitionKey` is the definition's document the PDF is —
 * the definition's name for it is the title.
 */
export const CLOSEOUT_DOCUMENT_KINDS = [
  'notice-acknowledgment',
  'meeting-agenda',
  'meeting-summary',
  'open-ticket-report',
  'session-agenda',
  'handover-manifest',
  'responsibility-transfer',
  'closeout-report',
] as const;
export type CloseoutDocumentKind = (typeof CLOSEOUT_DOCUMENT_KINDS)[number];

export type CloseoutDocumentKindInfo = {
  definitionKey: string;
  fallbackTitle: string;
  /** Why the document cannot be produced yet, or null when it can. */
  unavailableBecause(closeout: Closeout): string | null;
};

export const CLOSEOUT_DOCUMENT_INFO: Record<CloseoutDocumentKind, CloseoutDocumentKindInfo> = {
  'notice-acknowledgment': {
    definitionKey: 'notice_acknowledgment',
    fallbackTitle: 'Notice acknowledgment',
    unavailableBecause: () => null,
  },
  'meeting-agenda': {
    definitionKey: 'meeting_agenda',
    fallbackTitle: 'Closeout meeting agenda',
    unavailableBecause: (closeout) =>
      closeout.meeting.scheduledAt === null ? 'The closeout meeting is not scheduled yet.' : null,
  },
  'meeting-summary': {
    definitionKey: 'meeting_summary',
    fallbackTitle: 'Meeting summary',
    unavailableBecause: (closeout) =>
      closeout.meeting.heldAt === null || closeout.meeting.agreement === null
        ? 'The closeout meeting has not been recorded as held yet.'
        : null,
  },
  'open-ticket-report': {
    definitionKey: 'open_ticket_report',
    fallbackTitle: 'Open ticket report',
    unavailableBecause: (closeout) =>
      closeout.ticketsPulledAt === null
        ? "The client's open tickets have not been pulled into the review yet."
        : null,
  },
  'session-agenda': {
    definitionKey: 'session_agenda',
    fallbackTitle: 'Deactivation session agenda',
    unavailableBecause: (closeout) =>
      closeout.handoverItems.length === 0 && closeout.backupCopies.length === 0
        ? 'Nothing to hand over is listed yet: add the credentials or a backup copy first.'
        : null,
  },
  'handover-manifest': {
    definitionKey: 'handover_manifest',
    fallbackTitle: 'Handover manifest',
    unavailableBecause: (closeout) =>
      closeout.handoverItems.length === 0 && closeout.backupCopies.length === 0
        ? 'Nothing to hand over is listed yet: add the credentials or a backup copy first.'
        : null,
  },
  'responsibility-transfer': {
    definitionKey: 'responsibility_transfer',
    fallbackTitle: 'Responsibility transfer receipt',
    unavailableBecause: (closeout) =>
      closeout.responsibilityAcceptance === null
        ? 'The client has not accepted responsibility for system administration yet.'
        : null,
  },
  'closeout-report': {
    definitionKey: 'closeout_report',
    fallbackTitle: 'Closeout report',
    unavailableBecause: (closeout) =>
      closeout.status === 'open'
        ? 'The final report is written once the closeout has ended.'
        : null,
  },
};
