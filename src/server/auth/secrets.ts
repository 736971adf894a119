import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are stored as argon2id hashes (the library's default algorithm); session and API
 * tokens are long random values stored as SHA-256, which is enough for 256 bits of randomness
 * and keeps the per-request lookup cheap.
 */

export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

/**
 * Verified against when the email is unknown, so that a wrong email takes as long as a wrong
 * password and the response time does not tell which accounts exist.
 */
let decoyHash: Promise<string> | undefined;
export const verifyDecoyPassword = async (password: string): Promise<false> => {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await decoyHash, password);
  return false;
};

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random password without look-alike characters (0/O, 1/l/I), for the first administrator. */
export const generatePassword = (length = 20): string =>
  Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export const API_TOKEN_PREFIX = 'co_';

export const newApiToken = (): string =>
  `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/** What a user sees of a token after creation: enough to tell tokens apart, not to use one. */
export const apiTokenDisplayPrefix = (token: string): string => token.slice(0, 10);
