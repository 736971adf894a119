import { and, eq } from 'drizzle-orm';
import type { SendMailOptions } from 'nodemailer';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { mails, organisations } from '../../db/schema.js';
import { messageOf } from '../../domain/errors.js';
import { decideRetry } from '../../jobs/retry.js';
import type { JobHandler, RetryHint } from '../../jobs/types.js';
import { LOGO_CID, logoAttachment, refersToLogo, withoutLogo } from './logo.js';
import { redactLinks, SIGN_IN_KINDS } from './redact.js';
import { isTransientSmtpError, type Mailer } from './transport.js';

type MailRow = typeof mails.$inferSelect;

const ZSendMailPayload = z.object({ mailId: z.uuid() });

/** Tells the job runner whether another attempt can help (see `decideRetry`). */
export class MailDeliveryError extends Error implements RetryHint {
  readonly retryable: boolean;
  readonly retryAfterMs = null;

  constructor(message: string, retryable: boolean) {
    super(message);
    this.name = 'MailDeliveryError';
    this.retryable = retryable;
  }
}

async function organisationLogo(db: Database, orgId: string): Promise<string | null> {
  const [organisation] = await db
    .select({ personalisation: organisations.personalisation })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return organisation?.personalisation.logo ?? null;
}

/** The message as nodemailer sends it: the logo inline by CID, an `.ics` as a calendar invite. */
async function message(db: Database, mailer: Mailer, mail: MailRow): Promise<SendMailOptions> {
  const logo = refersToLogo(mail.html)
    ? logoAttachment(await organisationLogo(db, mail.orgId))
    : null;
  return {
    from: mailer.from,
    to: mail.toName === '' ? mail.toAddress : { name: mail.toName, address: mail.toAddress },
    subject: mail.subject,
    text: mail.text,
    html: logo === null ? withoutLogo(mail.html) : mail.html,
    attachments: [
      ...(logo === null ? [] : [{ ...logo, cid: LOGO_CID, contentDisposition: 'inline' as const }]),
      ...mail.attachments.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: attachment.content,
      })),
    ],
  };
}

async function update(db: Database, mail: MailRow, changes: Partial<MailRow>): Promise<void> {
  await db
    .update(mails)
    .set(changes)
    .where(and(eq(mails.orgId, mail.orgId), eq(mails.id, mail.id)));
}

/**
 * The `send_mail` job: delivers one stored mail over SMTP, or, without `SMTP_URL`, leaves it in
 * the outbox. A transient SMTP failure keeps the mail queued for the runner's next attempt; a
 * permanent one, or the last attempt, marks it failed with the server's answer.
 */
export function sendMailJob(mailer: Mailer): JobHandler {
  return async ({ db, job }) => {
    const { mailId } = ZSendMailPayload.parse(job.payload);
    const [mail] = await db
      .select()
      .from(mails)
      .where(and(eq(mails.orgId, job.orgId), eq(mails.id, mailId)));
    // Deleted with its organisation, or already delivered by an earlier run of this job.
    if (mail === undefined || mail.status !== 'queued') return { status: mail?.status ?? 'gone' };
    if (mailer.transport === null) {
      await update(db, mail, { status: 'outbox' });
      return { status: 'outbox' };
    }
    const outgoing = await message(db, mailer, mail);
    let messageId: string;
    try {
      messageId = (await mailer.transport.sendMail(outgoing)).messageId;
    } catch (error) {
      const failure = new MailDeliveryError(messageOf(error), isTransientSmtpError(error));
      const retry = decideRetry(failure, job.attempts, job.maxAttempts).retry;
      await update(db, mail, { status: retry ? 'queued' : 'failed', lastError: failure.message });
      throw failure;
    }
    await update(db, mail, {
      status: 'sent',
      sentAt: new Date(),
      messageId,
      lastError: null,
      ...(SIGN_IN_KINDS.includes(mail.kind) ? redactLinks(mail) : {}),
    });
    return { status: 'sent', messageId };
  };
}
