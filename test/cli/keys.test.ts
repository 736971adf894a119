import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { insertCloseout } from '../../src/db/repositories/closeouts.js';
import { auditEvents, handoverSecrets, psaConnections } from '../../src/db/schema.js';
import { SecretVault } from '../../src/security/envelope.js';
import {
  loadMasterKey,
  MASTER_KEY_FILE,
  PENDING_MASTER_KEY_FILE,
  writePendingMasterKey,
} from '../../src/security/master-key.js';
import { rewrapStoredSecrets } from '../../src/security/rotation.js';
import { buildCloseout, insertClient, insertOrganisation } from '../support/factories.js';
import { runCli } from './run-cli.js';

/** `closeout keys rotate` on the embedded database, as an operator runs it. */

const HANDOVER_SECRET = { username: 'admin', password: 'Fw-Admin-Pass-42', mfaRecoveryCodes: [] };
const PSA_SECRETS = { privateKey: 'psa-private-key-77' };

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function newDataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'closeout-keys-'));
  directories.push(directory);
  return directory;
}

/** A handover secret and a PSA connection's secrets, sealed under `vault`. */
async function plantSecrets(dataDir: string, vault: SecretVault) {
  const { db, close } = await openDatabase({ dataDir });
  try {
    const org = await insertOrganisation(db);
    const client = await insertClient(db, org.id);
    const closeout = buildCloseout({ orgId: org.id, clientId: client.id });
    const itemId = randomUUID();
    await insertCloseout(db, {
      ...closeout,
      handoverItems: [
        {
          id: itemId,
          managedSystemId: null,
          systemName: 'FortiGate 60F',
          credentialLabel: 'admin',
          notes: '',
          handedOverAt: null,
          handedOverBy: null,
          confirmedAt: null,
          confirmedBy: null,
        },
      ],
    });
    const now = new Date();
    await db.insert(handoverSecrets).values({
      handoverItemId: itemId,
      orgId: org.id,
      closeoutId: closeout.id,
      sealed: vault.seal(HANDOVER_SECRET),
      updatedAt: now,
      updatedBy: 'Tom Technician',
      issuedAt: now,
    });
    await db.insert(psaConnections).values({
      orgId: org.id,
      vendor: 'itflow',
      name: 'ITFlow',
      settings: {},
      sealedSecrets: vault.seal(PSA_SECRETS),
    });
    return { orgId: org.id };
  } finally {
    await close();
  }
}

async function storedSecrets(dataDir: string) {
  const { db, close } = await openDatabase({ dataDir });
  try {
    const [handover] = await db.select().from(handoverSecrets);
    const [psa] = await db.select().from(psaConnections);
    const rotations = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'rotate_master_key'));
    return { handover: handover!.sealed, psa: psa!.sealedSecrets, rotations };
  } finally {
    await close();
  }
}

const keyFile = (dataDir: string, file = MASTER_KEY_FILE) =>
  Buffer.from(readFileSync(join(dataDir, file), 'utf8').trim(), 'hex');

function expectOpenOnlyWith(
  stored: { handover: string; psa: string },
  current: Buffer,
  previous: Buffer,
) {
  const vault = new SecretVault(current);
  expect(vault.open(stored.handover)).toEqual(HANDOVER_SECRET);
  expect(vault.open(stored.psa)).toEqual(PSA_SECRETS);
  expect(() => new SecretVault(previous).open(stored.handover)).toThrow(/another master key/);
}

const dataPart = (sealed: string) => JSON.parse(sealed).data as string;

describe('closeout keys rotate with the key file', { timeout: 120_000 }, () => {
  it('re-wraps every data key under a new key file, leaving the encrypted data as it was', async () => {
    const dataDir = newDataDir();
    const oldKey = loadMasterKey({ masterKey: undefined, dataDir });
    await plantSecrets(dataDir, new SecretVault(oldKey));
    const before = await storedSecrets(dataDir);

    const rotated = await runCli(['keys', 'rotate'], { CLOSEOUT_DATA_DIR: dataDir });
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('Re-wrapped 2 secrets under the master key');
    expect(rotated.stdout).toContain('(1 handover secrets, 1 PSA connections)');

    const newKey = keyFile(dataDir);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(statSync(join(dataDir, MASTER_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, PENDING_MASTER_KEY_FILE))).toBe(false);
    const after = await storedSecrets(dataDir);
    expectOpenOnlyWith(after, newKey, oldKey);
    expect(dataPart(after.handover)).toBe(dataPart(before.handover));
    expect(dataPart(after.psa)).toBe(dataPart(before.psa));
    expect(after.rotations).toHaveLength(1);
    expect(after.rotations[0]).toMatchObject({
      actorKind: 'system',
      after: { keyId: new SecretVault(newKey).keyId, rewrappedSecrets: 2 },
    });
  });

  it('finishes a rotation that stopped after the database moved to the new key', async () => {
    const dataDir = newDataDir();
    const oldKey = loadMasterKey({ masterKey: undefined, dataDir });
    await plantSecrets(dataDir, new SecretVault(oldKey));
    const pendingKey = randomBytes(32);
    writePendingMasterKey(dataDir, pendingKey);
    const { db, close } = await openDatabase({ dataDir });
    await rewrapStoredSecrets(db, new SecretVault(pendingKey, { previousKeys: [oldKey] }), 'test');
    await close();

    const finished = await runCli(['keys', 'rotate'], { CLOSEOUT_DATA_DIR: dataDir });
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toContain('Finished an interrupted rotation.');
    expect(finished.stdout).toContain('Re-wrapped 0 secrets');
    expect(finished.stdout).toContain('2 already were');
    expect(keyFile(dataDir).equals(pendingKey)).toBe(true);
    expect(existsSync(join(dataDir, PENDING_MASTER_KEY_FILE))).toBe(false);
    expectOpenOnlyWith(await storedSecrets(dataDir), pendingKey, oldKey);
  });

  it('finishes with the pending key a rotation that stopped before the database changed', async () => {
    const dataDir = newDataDir();
    const oldKey = loadMasterKey({ masterKey: undefined, dataDir });
    await plantSecrets(dataDir, new SecretVault(oldKey));
    const pendingKey = randomBytes(32);
    writePendingMasterKey(dataDir, pendingKey);

    const other = await runCli(['keys', 'rotate', '--new-key', randomBytes(32).toString('hex')], {
      CLOSEOUT_DATA_DIR: dataDir,
    });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('An interrupted rotation to another key is waiting');

    const finished = await runCli(['keys', 'rotate'], { CLOSEOUT_DATA_DIR: dataDir });
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toContain('Re-wrapped 2 secrets');
    expect(keyFile(dataDir).equals(pendingKey)).toBe(true);
    expectOpenOnlyWith(await storedSecrets(dataDir), pendingKey, oldKey);
  });
});

describe('closeout keys rotate with CLOSEOUT_MASTER_KEY', { timeout: 120_000 }, () => {
  it('re-wraps under --new-key, or under a new key it prints before changing anything', async () => {
    const dataDir = newDataDir();
    const oldKey = randomBytes(32);
    await plantSecrets(dataDir, new SecretVault(oldKey));
    const env = { CLOSEOUT_DATA_DIR: dataDir, CLOSEOUT_MASTER_KEY: oldKey.toString('hex') };

    const same = await runCli(['keys', 'rotate', '--new-key', oldKey.toString('base64')], env);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('The new master key is the current one');

    const givenKey = randomBytes(32);
    const given = await runCli(['keys', 'rotate', '--new-key', givenKey.toString('hex')], env);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout).not.toContain(givenKey.toString('hex'));
    expect(given.stdout).toContain('Set CLOSEOUT_MASTER_KEY to the new key');
    expectOpenOnlyWith(await storedSecrets(dataDir), givenKey, oldKey);
    expect(existsSync(join(dataDir, MASTER_KEY_FILE))).toBe(false);

    const printed = await runCli(['keys', 'rotate'], {
      ...env,
      CLOSEOUT_MASTER_KEY: givenKey.toString('hex'),
    });
    expect(printed.code, printed.stderr).toBe(0);
    const madeKey = /^([0-9a-f]{64})$/m.exec(printed.stdout)?.[1];
    expect(madeKey).toBeDefined();
    expectOpenOnlyWith(await storedSecrets(dataDir), Buffer.from(madeKey!, 'hex'), givenKey);
  });

  it('refuses a current key that does not open the stored secrets, and changes nothing', async () => {
    const dataDir = newDataDir();
    const realKey = randomBytes(32);
    await plantSecrets(dataDir, new SecretVault(realKey));
    const before = await storedSecrets(dataDir);
    const refused = await runCli(['keys', 'rotate', '--new-key', randomBytes(32).toString('hex')], {
      CLOSEOUT_DATA_DIR: dataDir,
      CLOSEOUT_MASTER_KEY: randomBytes(32).toString('hex'),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('sealed with another master key');
    expect(refused.stderr).toContain('Nothing was changed.');
    const after = await storedSecrets(dataDir);
    expect(after.handover).toBe(before.handover);
    expect(after.psa).toBe(before.psa);
  });
});
