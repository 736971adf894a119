import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretVault } from './envelope.js';
import { loadMasterKey, MASTER_KEY_FILE } from './master-key.js';

const secret = { privateKey: 'pk-Very-Secret-123', clientId: 'b0e2…' };

/** The sealed secret with one bit of its wrapped data key flipped. */
function withWrappedKeyAltered(sealedText: string): string {
  const sealed = JSON.parse(sealedText);
  const [iv, tag, key] = sealed.key.split('.');
  const flipped = Buffer.from(key, 'base64url');
  flipped[5] = (flipped[5] ?? 0) ^ 0x80;
  sealed.key = [iv, tag, flipped.toString('base64url')].join('.');
  return JSON.stringify(sealed);
}

describe('SecretVault', () => {
  const vault = new SecretVault(randomBytes(32));

  it('opens what it sealed, and never holds the plaintext in the sealed text', () => {
    const sealed = vault.seal(secret);
    expect(sealed).not.toContain('Very-Secret');
    expect(vault.open(sealed)).toEqual(secret);
  });

  it('uses a fresh data key each time, so the same secret seals differently', () => {
    const first = JSON.parse(vault.seal(secret));
    const second = JSON.parse(vault.seal(secret));
    expect(first.key).not.toBe(second.key);
    expect(first.data).not.toBe(second.data);
  });

  it('refuses a sealed secret that was altered', () => {
    const sealed = JSON.parse(vault.seal(secret));
    const [iv, tag, data] = sealed.data.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    sealed.data = [iv, tag, flipped.toString('base64url')].join('.');
    expect(() => vault.open(JSON.stringify(sealed))).toThrow(/altered/);
  });

  it('refuses a sealed secret whose wrapped data key was altered', () => {
    expect(() => vault.open(withWrappedKeyAltered(vault.seal(secret)))).toThrow(/altered/);
  });

  it('refuses a secret sealed under another master key, saying so', () => {
    const other = new SecretVault(randomBytes(32));
    expect(() => other.open(vault.seal(secret))).toThrow(/another master key/);
  });

  it('refuses a wrong master key that claims the right fingerprint', () => {
    const sealed = JSON.parse(vault.seal(secret));
    const impostor = new SecretVault(randomBytes(32));
    sealed.kid = impostor.keyId;
    expect(() => impostor.open(JSON.stringify(sealed))).toThrow(/altered/);
  });

  it('refuses what is not a sealed secret at all', () => {
    expect(() => vault.open('{"v":1}')).toThrow(/altered/);
    expect(() => vault.open('plain text')).toThrow(/altered/);
  });
});

describe('SecretVault.rewrap', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const before = new SecretVault(oldKey);
  const rotating = new SecretVault(newKey, { previousKeys: [oldKey] });
  const after = new SecretVault(newKey);

  it('wraps the data key under the new master key and leaves the encrypted data as it was', () => {
    const sealed = before.seal(secret);
    const rewrapped = rotating.rewrap(sealed);
    expect(JSON.parse(rewrapped)).toMatchObject({
      kid: after.keyId,
      data: JSON.parse(sealed).data,
    });
    expect(JSON.parse(rewrapped).key).not.toBe(JSON.parse(sealed).key);
    expect(after.open(rewrapped)).toEqual(secret);
    expect(() => before.open(rewrapped)).toThrow(/another master key/);
    expect(SecretVault.keyIdOf(rewrapped)).toBe(after.keyId);
  });

  it('leaves a secret already under the new key as it is, so a resumed rotation is safe', () => {
    const sealed = after.seal(secret);
    expect(rotating.rewrap(sealed)).toBe(sealed);
    const once = rotating.rewrap(before.seal(secret));
    expect(rotating.rewrap(once)).toBe(once);
  });

  it('opens secrets under either key while rotating, and seals only under the new one', () => {
    expect(rotating.open(before.seal(secret))).toEqual(secret);
    expect(rotating.open(after.seal(secret))).toEqual(secret);
    expect(SecretVault.keyIdOf(rotating.seal(secret))).toBe(after.keyId);
  });

  it('refuses to rewrap a secret of an unknown key, or one whose wrapped key was altered', () => {
    const stranger = new SecretVault(randomBytes(32)).seal(secret);
    expect(() => rotating.rewrap(stranger)).toThrow(/another master key/);
    expect(() => rotating.rewrap(withWrappedKeyAltered(before.seal(secret)))).toThrow(/altered/);
  });
});

describe('loadMasterKey', () => {
  it('creates the key file on first start, readable by its owner only, and reads it after', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'closeout-key-')), 'data');
    const created = loadMasterKey({ masterKey: undefined, dataDir });
    const path = join(dataDir, MASTER_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(created.toString('hex'));
    expect(loadMasterKey({ masterKey: undefined, dataDir }).equals(created)).toBe(true);
  });

  it('prefers CLOSEOUT_MASTER_KEY, in hex or base64, and refuses a short one', () => {
    const key = randomBytes(32);
    const dataDir = mkdtempSync(join(tmpdir(), 'closeout-key-'));
    expect(loadMasterKey({ masterKey: key.toString('hex'), dataDir }).equals(key)).toBe(true);
    expect(loadMasterKey({ masterKey: key.toString('base64'), dataDir }).equals(key)).toBe(true);
    expect(() => loadMasterKey({ masterKey: 'abcd', dataDir })).toThrow(/256-bit key/);
  });
});
