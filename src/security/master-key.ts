import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../domain/errors.js';

/** The key file the first start creates beside the data when no CLOSEOUT_MASTER_KEY is set. */
export const MASTER_KEY_FILE = 'master.key';

/** 32 bytes, written as 64 hex characters or base64. */
export function parseMasterKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'validation',
      `${origin} must hold a 256-bit key: 64 hex characters or 44 base64 characters (make one with: openssl rand -hex 32).`,
      { field: 'CLOSEOUT_MASTER_KEY' },
    );
  }
  return key;
}

/**
 * The master key: CLOSEOUT_MASTER_KEY when set (for deployments that keep it in a secret
 * store), else `master.key` in the data directory, created on first start with mode 0600 so
 * only the server's user can read it.
 */
export function loadMasterKey(options: { masterKey: string | undefined; dataDir: string }): Buffer {
  if (options.masterKey !== undefined)
    return parseMasterKey(options.masterKey, 'CLOSEOUT_MASTER_KEY');
  const path = join(options.dataDir, MASTER_KEY_FILE);
  if (existsSync(path)) return parseMasterKey(readFileSync(path, 'utf8'), path);
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}
