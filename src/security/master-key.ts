import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
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

/**
 * The key a rotation is moving to, written before the database changes: if the rotation stops
 * part-way, the next `closeout keys rotate` finds it here and finishes with it.
 */
export const PENDING_MASTER_KEY_FILE = 'master.key.new';

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(path, 0o600);
}

/** Makes a rename in the directory survive a crash. */
function syncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The key file's master key, or null when this installation has none (yet). */
export function readKeyFile(dataDir: string, file = MASTER_KEY_FILE): Buffer | null {
  const path = join(dataDir, file);
  return existsSync(path) ? parseMasterKey(readFileSync(path, 'utf8'), path) : null;
}

export function writePendingMasterKey(dataDir: string, key: Buffer): void {
  writeDurably(join(dataDir, PENDING_MASTER_KEY_FILE), `${key.toString('hex')}\n`);
  syncDirectory(dataDir);
}

/** The pending key becomes the master key in one atomic rename; the previous key is gone. */
export function promotePendingMasterKey(dataDir: string): void {
  renameSync(join(dataDir, PENDING_MASTER_KEY_FILE), join(dataDir, MASTER_KEY_FILE));
  syncDirectory(dataDir);
}
