import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';

/**
 * Envelope encryption with AES-256-GCM: every secret has its own random data key, and only that
 * data key is encrypted ("wrapped") with the master key. Rotating the master key then re-wraps
 * small data keys instead of re-encrypting every secret, and the master key never touches the
 * data itself.
 */

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;

const ZSealed = z.object({
  v: z.literal(1),
  /** Which master key wrapped the data key (a fingerprint, never the key). */
  kid: z.string(),
  /** The data key, encrypted with the master key: iv.tag.ciphertext, base64url. */
  key: z.string(),
  /** The secret, encrypted with the data key: iv.tag.ciphertext, base64url. */
  data: z.string(),
});

/** A master key's fingerprint, to tell which key wrapped a secret. */
export function keyId(masterKey: Buffer): string {
  return createHash('sha256').update(masterKey).digest('hex').slice(0, 16);
}

function encrypt(key: Buffer, plaintext: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

function decrypt(key: Buffer, sealed: string): Buffer {
  const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new Error('malformed ciphertext');
  }
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

export class SecretVault {
  readonly #masterKey: Buffer;
  readonly #keyId: string;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== KEY_BYTES) {
      throw new AppError('validation', `The master key must be ${KEY_BYTES} bytes.`, {
        field: 'CLOSEOUT_MASTER_KEY',
      });
    }
    this.#masterKey = masterKey;
    this.#keyId = keyId(masterKey);
  }

  /** Encrypts a JSON value under a fresh data key. */
  seal(value: unknown): string {
    const dataKey = randomBytes(KEY_BYTES);
    const sealed: z.infer<typeof ZSealed> = {
      v: 1,
      kid: this.#keyId,
      key: encrypt(this.#masterKey, dataKey),
      data: encrypt(dataKey, Buffer.from(JSON.stringify(value), 'utf8')),
    };
    return JSON.stringify(sealed);
  }

  open(sealedText: string): unknown {
    const sealed = ZSealed.parse(JSON.parse(sealedText));
    if (sealed.kid !== this.#keyId) {
      throw new AppError(
        'internal',
        'A stored secret was sealed with another master key than the one this server has. Restore the right CLOSEOUT_MASTER_KEY or key file.',
      );
    }
    try {
      const dataKey = decrypt(this.#masterKey, sealed.key);
      return JSON.parse(decrypt(dataKey, sealed.data).toString('utf8'));
    } catch (error) {
      throw new AppError('internal', 'A stored secret could not be decrypted: it was altered.', {
        cause: error,
      });
    }
  }
}
