import { z } from 'zod';

/**
 * The mails Closeout has sent or holds in its outbox, as Settings → Outbox reads them. Shared
 * with the web app, so it imports nothing from the server.
 */

const ZId = z.uuid();
const ZMoment = z.iso.datetime({ offset: true });

export const ZMailKind = z.enum([
  'portal_invitation',
  'sign_in_link',
  'meeting_invitation',
  'task_digest',
  'closeout_closed',
]);
export type TMailKind = z.infer<typeof ZMailKind>;

/** queued: waiting for the job runner; outbox: kept here because no SMTP server is configured. */
export const ZMailStatus = z.enum(['queued', 'sent', 'failed', 'outbox']);
export type TMailStatus = z.infer<typeof ZMailStatus>;

export const ZMailAttachmentInfo = z.object({
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});

export const ZMailSummary = z.object({
  id: ZId,
  kind: ZMailKind,
  closeoutId: ZId.nullable(),
  to: z.object({ address: z.string(), name: z.string() }),
  subject: z.string(),
  status: ZMailStatus,
  createdAt: ZMoment,
  sentAt: ZMoment.nullable(),
  /** The SMTP server's last refusal, while retrying and once failed. */
  lastError: z.string().nullable(),
  attachments: z.array(ZMailAttachmentInfo),
});
export type TMailSummary = z.infer<typeof ZMailSummary>;

export const ZMail = ZMailSummary.extend({
  text: z.string(),
  /** A whole HTML document, the organisation's logo inlined; show it in a sandboxed frame. */
  html: z.string(),
  messageId: z.string().nullable(),
});
export type TMail = z.infer<typeof ZMail>;

/** How mail leaves this server. */
export const ZMailDelivery = z.object({
  mode: z.enum(['smtp', 'outbox']),
  /** host:port of the SMTP server, without credentials; null in outbox mode. */
  server: z.string().nullable(),
  from: z.string(),
});
export type TMailDelivery = z.infer<typeof ZMailDelivery>;

export const ZMailPage = z.object({
  items: z.array(ZMailSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  delivery: ZMailDelivery,
});
export type TMailPage = z.infer<typeof ZMailPage>;

export const ZListMailsQuery = z.object({
  kind: ZMailKind.optional(),
  status: ZMailStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type TListMailsQuery = z.infer<typeof ZListMailsQuery>;

export const ZMailParams = z.object({ mailId: ZId });
