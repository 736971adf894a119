import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { recordAuditEvents } from '../../db/repositories/audit.js';
import { mails, organisations } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/model.js';
import { showLogo } from '../../integrations/email/logo.js';
import { enqueueMailDelivery } from '../../integrations/email/queue.js';
import { smtpServerOf } from '../../integrations/email/transport.js';
import type { ServerConfig } from '../config.js';
import type { TListMailsQuery, TMail, TMailDelivery, TMailPage, TMailSummary } from './schema.js';

type MailRow = typeof mails.$inferSelect;

export function mailDelivery(config: Pick<ServerConfig, 'smtpUrl' | 'mailFrom'>): TMailDelivery {
  return config.smtpUrl === undefined
    ? { mode: 'outbox', server: null, from: config.mailFrom }
    : { mode: 'smtp', server: smtpServerOf(config.smtpUrl), from: config.mailFrom };
}

function presentSummary(row: MailRow): TMailSummary {
  return {
    id: row.id,
    kind: row.kind,
    closeoutId: row.closeoutId,
    to: { address: row.toAddress, name: row.toName },
    subject: row.subject,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    lastError: row.lastError,
    attachments: row.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      sizeBytes: Buffer.byteLength(attachment.content, 'utf8'),
    })),
  };
}

export async function listMails(options: {
  db: Database;
  orgId: string;
  query: TListMailsQuery;
  delivery: TMailDelivery;
}): Promise<TMailPage> {
  const { db, orgId, query } = options;
  const conditions: SQL[] = [eq(mails.orgId, orgId)];
  if (query.kind !== undefined) conditions.push(eq(mails.kind, query.kind));
  if (query.status !== undefined) conditions.push(eq(mails.status, query.status));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(mails)
      .where(where)
      .orderBy(desc(mails.createdAt), desc(mails.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(mails).where(where),
  ]);
  return {
    items: rows.map(presentSummary),
    total: total?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    delivery: options.delivery,
  };
}

async function requireMail(db: Database, orgId: string, mailId: string): Promise<MailRow> {
  const [row] = await db
    .select()
    .from(mails)
    .where(and(eq(mails.orgId, orgId), eq(mails.id, mailId)));
  if (row === undefined) throw notFound('The mail');
  return row;
}

/** One mail in full, its HTML as the reader sees it (the logo inlined). */
export async function getMail(options: {
  db: Database;
  orgId: string;
  mailId: string;
}): Promise<TMail> {
  const { db, orgId, mailId } = options;
  const row = await requireMail(db, orgId, mailId);
  const [organisation] = await db
    .select({ personalisation: organisations.personalisation })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return {
    ...presentSummary(row),
    text: row.text,
    html: showLogo(row.html, organisation?.personalisation.logo ?? null),
    messageId: row.messageId,
  };
}

/** A failed mail is queued again with a fresh set of attempts. */
export async function resendMail(options: {
  db: Database;
  orgId: string;
  mailId: string;
  actor: Actor;
}): Promise<TMail> {
  const { db, orgId, mailId, actor } = options;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(mails)
      .where(and(eq(mails.orgId, orgId), eq(mails.id, mailId)))
      .for('update');
    if (row === undefined) throw notFound('The mail');
    if (row.status !== 'failed') {
      throw new AppError('conflict', 'Only a mail that failed can be sent again.', {
        field: 'mailId',
      });
    }
    await tx
      .update(mails)
      .set({ status: 'queued', lastError: null })
      .where(and(eq(mails.orgId, orgId), eq(mails.id, mailId)));
    await enqueueMailDelivery(tx, row);
    await recordAuditEvents(tx, [
      {
        orgId,
        closeoutId: row.closeoutId,
        entityType: 'mail',
        entityId: row.id,
        action: 'resend_mail',
        actor,
        before: { status: row.status, lastError: row.lastError },
        after: { status: 'queued', lastError: null },
      },
    ]);
  });
  return getMail({ db, orgId, mailId });
}
