import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

/**
 * How mail leaves Closeout: over SMTP when `SMTP_URL` is set, otherwise not at all — it stays in
 * the local outbox an administrator reads in Settings.
 */

export type SmtpTransport = Transporter<SMTPTransport.SentMessageInfo>;

export type Mailer = {
  /** Null without `SMTP_URL`: mails are kept in the outbox. */
  transport: SmtpTransport | null;
  /** The From of every mail. */
  from: string;
  /** Where mail goes, without credentials (`smtp.example.com:587`); null for the outbox. */
  server: string | null;
};

/** Waiting longer for a mail server helps no one; the job is tried again later instead. */
const TIMEOUT_MS = 30_000;

/** The SMTP server of `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…`), for display. */
export function smtpServerOf(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const port = url.port === '' ? (url.protocol === 'smtps:' ? '465' : '587') : url.port;
  return `${url.hostname}:${port}`;
}

export function createMailer(options: { smtpUrl: string | undefined; mailFrom: string }): Mailer {
  if (options.smtpUrl === undefined)
    return { transport: null, from: options.mailFrom, server: null };
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  } as SMTPTransport.Options);
  return { transport, from: options.mailFrom, server: smtpServerOf(options.smtpUrl) };
}

/**
 * Whether trying again later can help: a 4xx reply (greylisting, a full queue) or a network
 * failure can; a 5xx reply (unknown recipient, refused message) or bad credentials cannot.
 */
export function isTransientSmtpError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return true;
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return responseCode >= 400 && responseCode < 500;
  return !(code === 'EAUTH' || code === 'EENVELOPE' || code === 'EMESSAGE');
}
