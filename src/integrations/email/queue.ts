import type { DbExecutor } from '../../db/connection.js';
import { type MailAttachment, type MailKind, mails } from '../../db/schema.js';
import { enqueueJob } from '../../jobs/queue.js';

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
 * Seven attempts span about half an hour (30 s, 1, 2, 4, 8, 16 min apart): long enough for
 * greylisting or a mail server's restart, short enough that a sign-in link is still worth having.
 */
export const SEND_MAIL_ATTEMPTS = 7;

/** Queues the delivery of a stored mail (again); in the caller's transaction. */
export async function enqueueMailDelivery(
  db: DbExecutor,
  mail: { id: string; orgId: string; subject: string; toAddress: string },
): Promise<void> {
  await enqueueJob(db, {
    orgId: mail.orgId,
    kind: 'send_mail',
    summary: `Send “${mail.subject}” to ${mail.toAddress}`,
    payload: { mailId: mail.id },
    maxAttempts: SEND_MAIL_ATTEMPTS,
    dedupeKey: `send_mail:${mail.id}`,
  });
}

/**
 * Queues a mail in the caller's transaction: it goes out if and only if the change that called
 * for it was committed. The `send_mail` job delivers it over SMTP, or keeps it in the outbox.
 * Returns the mail's id.
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
  await enqueueMailDelivery(db, {
    id: queued.id,
    orgId: mail.orgId,
    subject: mail.subject,
    toAddress: mail.to.address,
  });
  return queued.id;
}
