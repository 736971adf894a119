import type { TMailKind, TMailStatus } from '../../../../src/server/mails/schema.js';

/** The words the outbox uses for the API's enumerations. */

export const MAIL_KIND_LABELS: Record<TMailKind, string> = {
  portal_invitation: 'Portal invitation',
  sign_in_link: 'Portal sign-in link',
  meeting_invitation: 'Meeting invitation',
  task_digest: 'Daily task digest',
  closeout_closed: 'Closeout ended',
};

export const MAIL_STATUS_LABELS: Record<TMailStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  outbox: 'In the outbox',
};

export const MAIL_STATUS_COLORS: Record<TMailStatus, string> = {
  queued: 'gray',
  sent: 'teal',
  failed: 'red',
  outbox: 'blue',
};
