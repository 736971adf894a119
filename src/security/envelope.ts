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
type Sealed = z.infer<typeof ZSealed>;

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

const altered = (cause: unknown) =>
  new AppError('internal', 'A stored secret could not be decrypted: it was altered.', { cause });

function parseSealed(sealedText: string): Sealed {
  try {
    return ZSealed.parse(JSON.parse(sealedText));
  } catch (error) {
    throw altered(error);
  }
}

function requireKeyLength(key: Buffer): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new AppError('validation', `The master key must be ${KEY_BYTES} bytes.`, {
      field: 'CLOSEOUT_MASTER_KEY',
    });
  }
  return key;
}

export type SecretVaultOptions = {
  /**
   * Keys that may still have wrapped some data keys (during a rotation): they open secrets and
   * are re-wrapped from, but never seal anything new.
   */
  previousKeys?: readonly Buffer[];
};

export class SecretVault {
  readonly #masterKey: Buffer;
  readonly #keyId: string;
  /** Every key this vault can unwrap with, by fingerprint; the current one included. */
  readonly #ring: ReadonlyMap<string, Buffer>;

  constructor(masterKey: Buffer, options: SecretVaultOptions = {}) {
    this.#masterKey = requireKeyLength(masterKey);
    this.#keyId = keyId(masterKey);
    this.#ring = new Map(
      [masterKey, ...(options.previousKeys ?? [])].map((key) => [
        keyId(requireKeyLength(key)),
        key,
      ]),
    );
  }

  /** The current master key's fingerprint, which every newly sealed secret carries. */
  get keyId(): string {
    return this.#keyId;
  }

  /** Encrypts a JSON value under a fresh data key. */
  seal(value: unknown): string {
    const dataKey = randomBytes(KEY_BYTES);
    const sealed: Sealed = {
      v: 1,
      kid: this.#keyId,
      key: encrypt(this.#masterKey, dataKey),
      data: encrypt(dataKey, Buffer.from(JSON.stringify(value), 'utf8')),
    };
    return JSON.stringify(sealed);
  }

  open(sealedText: string): unknown {
    const sealed = parseSealed(sealedText);
    const dataKey = this.#unwrap(sealed);
    try {
      return JSON.parse(decrypt(dataKey, sealed.data).toString('utf8'));
    } catch (error) {
      throw altered(error);
    }
  }

  /** Which master key sealed this secret, by fingerprint. */
  static keyIdOf(sealedText: string): string {
    return parseSealed(sealedText).kid;
  }

  /**
   * The same secret with its data key wrapped by the current master key: the data itself is
   * neither decrypted nor re-encrypted. A secret already under the current key comes back as
   * it is.
   */
  rewrap(sealedText: string): string {
    const sealed = parseSealed(sealedText);
    if (sealed.kid === this.#keyId) return sealedText;
    const dataKey = this.#unwrap(sealed);
    const rewrapped: Sealed = {
      ...sealed,
      kid: this.#keyId,
      key: encrypt(this.#masterKey, dataKey),
    };
    return JSON.stringify(rewrapped);
  }

  #unwrap(sealed: Sealed): Buffer {
    const masterKey = this.#ring.get(sealed.kid);
    if (masterKey === undefined) {
      throw new AppError(
        'internal',
        'A stored secret was sealed with another master key than the one this server has. Restore the right CLOSEOUT_MASTER_KEY or key file, or finish an interrupted `closeout keys rotate`.',
      );
    }
    try {
      return decrypt(masterKey, sealed.key);
    } catch (error) {
      throw altered(error);
    }
  }
}
