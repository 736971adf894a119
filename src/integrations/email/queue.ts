import type { DbExecutor } from '../../db/connection.js';
import { type MailAttachment, type MailKind, mails } from '../../db/schema.js';

export type OutgoingMail = {
  orgId: string;
  kind: MailKind;
  closeoutId?: string | null;
  to: { address: string; name?: string };
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
};

/**
 * Queues a mail in the caller's transaction: it goes out if and only if the change that called
 * for it was committed. Returns the mail's id.
 */
export async function queueMail(db: DbExecutor, mail: OutgoingMail): Promise<string> {
  const [queued] = await db
    .insert(mails)
    .values({
      orgId: mail.orgId,
      kind: mail.kind,
      closeoutId: mail.closeoutId ?? null,
      toAddress: mail.to.address,
      toName: mail.to.name ?? '',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments ?? [],
      status: 'queued',
    })
    .returning({ id: mails.id });
  if (queued === undefined) throw new Error('The mail was not queued.');
  return queued.id;
}
