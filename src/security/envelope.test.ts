import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretVault } from './envelope.js';
import { loadMasterKey, MASTER_KEY_FILE } from './master-key.js';

const secret = { privateKey: 'pk-Very-Secret-123', clientId: 'b0e2…' };

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

  it('refuses a secret sealed under another master key, saying so', () => {
    const other = new SecretVault(randomBytes(32));
    expect(() => other.open(vault.seal(secret))).toThrow(/another master key/);
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
