import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';

/**
 * Everything the server reads from its environment, parsed once at start-up so a bad value
 * stops the process with a clear message instead of failing on the first request.
 */

const ZLogLevel = z.enum(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']);

const ZFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const ZServerEnvironment = z.object({
  CLOSEOUT_HOST: z.string().min(1).default('127.0.0.1'),
  CLOSEOUT_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z.string().min(1).optional(),
  CLOSEOUT_DATA_DIR: z.string().min(1).default('data'),
  CLOSEOUT_SECURE_COOKIES: ZFlag.optional(),
  CLOSEOUT_PUBLIC_URL: z.url().optional(),
  CLOSEOUT_TRUST_PROXY: ZFlag.default(false),
  LOG_LEVEL: ZLogLevel.default('info'),
  CLOSEOUT_WEB_DIR: z.string().min(1).optional(),
  CLOSEOUT_MASTER_KEY: z.string().min(1).optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  CLOSEOUT_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(102_400).default(25),
  CLOSEOUT_MAX_BACKUP_UPLOAD_MB: z.coerce.number().int().min(1).max(1_048_576).default(51_200),
});

export type LogLevel = z.infer<typeof ZLogLevel>;

export type ServerConfig = {
  host: string;
  port: number;
  /** A PostgreSQL URL; without one the embedded database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The address users reach the server at, for links in emails and documents. */
  publicUrl: string;
  /** Mark the session cookie Secure; on by default when the public URL is https. */
  secureCookies: boolean;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (for the sign-in limiter). */
  trustProxy: boolean;
  logLevel: LogLevel;
  version: string;
  /** The built web app (`vite build`): served at the root, with every unknown page its index. */
  webDir: string;
  /** Seals stored secrets; without it, `master.key` in `dataDir` (created on first start). */
  masterKey: string | undefined;
  /** `smtp://user:pass@host:587` or `smtps://…`; without it mails stay in the local outbox. */
  smtpUrl: string | undefined;
  /** The From of every mail, e.g. `Contoso IT <closeout@contoso-it.example>`. */
  mailFrom: string;
  /** The largest evidence file accepted, in bytes. */
  maxUploadBytes: number;
  /** The largest backup archive accepted for a download link, in bytes. */
  maxBackupUploadBytes: number;
};

const readVersion = (): string => {
  // The same relative path holds from src/server (tsx, vitest) and from dist/server (built).
  const packageJson: unknown = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  );
  return z.object({ version: z.string() }).parse(packageJson).version;
};

export const APP_VERSION = readVersion();

/** Where `npm run build` puts the web app, from src/server (tsx, vitest) and dist/server alike. */
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type LoadConfigOptions = {
  env?: Record<string, string | undefined>;
  /** Values given on the command line win over the environment. */
  overrides?: Partial<ServerConfig>;
};

export const loadConfig = ({
  env = process.env,
  overrides = {},
}: LoadConfigOptions = {}): ServerConfig => {
  // A variable set to nothing (`DATABASE_URL=`) means the default, as it does in most tools.
  const setValues = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = ZServerEnvironment.safeParse(setValues);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path.join('.'));
    throw new AppError(
      'validation',
      `The setting ${setting} is not valid: ${issue?.message ?? 'unknown'}.`,
      { field: setting },
    );
  }
  const values = parsed.data;
  const host = overrides.host ?? values.CLOSEOUT_HOST;
  const port = overrides.port ?? values.CLOSEOUT_PORT;
  const publicUrl =
    overrides.publicUrl ?? values.CLOSEOUT_PUBLIC_URL ?? `http://localhost:${String(port)}`;
  return {
    host,
    port,
    databaseUrl: values.DATABASE_URL,
    dataDir: values.CLOSEOUT_DATA_DIR,
    publicUrl,
    secureCookies: values.CLOSEOUT_SECURE_COOKIES ?? publicUrl.startsWith('https:'),
    trustProxy: values.CLOSEOUT_TRUST_PROXY,
    logLevel: values.LOG_LEVEL,
    version: APP_VERSION,
    webDir: values.CLOSEOUT_WEB_DIR ?? DEFAULT_WEB_DIR,
    masterKey: values.CLOSEOUT_MASTER_KEY,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM ?? `Closeout <closeout@${new URL(publicUrl).hostname}>`,
    maxUploadBytes: values.CLOSEOUT_MAX_UPLOAD_MB * 1024 * 1024,
    maxBackupUploadBytes: values.CLOSEOUT_MAX_BACKUP_UPLOAD_MB * 1024 * 1024,
    ...overrides,
  };
};
