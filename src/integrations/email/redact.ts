import type { MailKind } from '../../db/schema.js';

/**
 * Mails whose links sign someone in. Once such a mail has left over SMTP, the stored copy keeps
 * no usable link: the database (and its backups) must not hold a way into a client's portal.
 * In outbox mode the link stays readable, because the administrator passes it on by hand.
 */
export const SIGN_IN_KINDS: readonly MailKind[] = ['portal_invitation', 'sign_in_link'];

export const REDACTED_LINK = '[link removed after sending]';

const URL_PATTERN = /https?:\/\/[^\s"'<>]+/g;
const HREF_PATTERN = /href="https?:\/\/[^"]*"/g;

export function redactLinks(mail: { text: string; html: string }): { text: string; html: string } {
  return {
    text: mail.text.replace(URL_PATTERN, REDACTED_LINK),
    html: mail.html.replace(HREF_PATTERN, 'href="#"').replace(URL_PATTERN, REDACTED_LINK),
  };
}
