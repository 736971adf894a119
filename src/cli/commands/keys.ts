import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SecretVault } from '../../security/envelope.js';
import {
  MASTER_KEY_FILE,
  PENDING_MASTER_KEY_FILE,
  parseMasterKey,
  promotePendingMasterKey,
  readKeyFile,
  writePendingMasterKey,
} from '../../security/master-key.js';
import { type RewrapResult, rewrapStoredSecrets } from '../../security/rotation.js';
import { loadConfig } from '../../server/config.js';
import { withDatabase } from '../database.js';
import { CliError } from '../output.js';

const ZRotateOptions = z.object({ newKey: z.string().optional() });

const ACTOR = 'closeout keys rotate';

const summary = (result: RewrapResult, keyId: string): string => {
  const moved = result.handoverSecrets + result.psaConnections;
  const already = result.unchanged === 0 ? '' : `; ${result.unchanged} already were`;
  return `Re-wrapped ${moved} secrets under the master key ${keyId} (${result.handoverSecrets} handover secrets, ${result.psaConnections} PSA connections)${already}.`;
};

function newKeyFrom(option: string | undefined, current: Buffer): Buffer {
  const key = option === undefined ? randomBytes(32) : parseMasterKey(option, '--new-key');
  if (key.equals(current))
    throw new CliError('The new master key is the current one: choose another.');
  return key;
}

/**
 * `CLOSEOUT_MASTER_KEY` deployments: the new key goes into the environment afterwards. A key
 * made here is printed before the database changes, so a rotation that stops half-way never
 * leaves secrets under a key nobody has seen.
 */
async function rotateEnvironmentKey(currentText: string, newKey: string | undefined) {
  const current = parseMasterKey(currentText, 'CLOSEOUT_MASTER_KEY');
  const target = newKeyFrom(newKey, current);
  if (newKey === undefined) {
    process.stdout.write(
      `The new master key (store it as CLOSEOUT_MASTER_KEY now; it is not shown again):\n${target.toString('hex')}\n`,
    );
  }
  const vault = new SecretVault(target, { previousKeys: [current] });
  const result = await withDatabase(({ db }) => rewrapStoredSecrets(db, vault, ACTOR));
  return [
    summary(result, vault.keyId),
    'Set CLOSEOUT_MASTER_KEY to the new key and restart every Closeout server process: until then they cannot open the stored secrets.',
  ].join('\n');
}

/**
 * Key-file deployments, crash-safe: the new key is written beside the old one first
 * (`master.key.new`), the database is re-wrapped in one transaction, and only then does the new
 * file replace `master.key`. Stopped at any point, the next run finishes the same rotation.
 */
async function rotateKeyFile(dataDir: string, newKey: string | undefined) {
  return withDatabase(async ({ db }) => {
    const current = readKeyFile(dataDir);
    if (current === null) {
      throw new CliError(
        `There is no master key in ${join(dataDir, MASTER_KEY_FILE)} and CLOSEOUT_MASTER_KEY is not set: start the server once (it creates the key) or set CLOSEOUT_MASTER_KEY.`,
      );
    }
    const pending = readKeyFile(dataDir, PENDING_MASTER_KEY_FILE);
    if (
      pending !== null &&
      newKey !== undefined &&
      !pending.equals(parseMasterKey(newKey, '--new-key'))
    ) {
      throw new CliError(
        `An interrupted rotation to another key is waiting in ${join(dataDir, PENDING_MASTER_KEY_FILE)}: run \`closeout keys rotate\` without --new-key to finish it first.`,
      );
    }
    const target = pending ?? newKeyFrom(newKey, current);
    if (pending === null) writePendingMasterKey(dataDir, target);
    const vault = new SecretVault(target, { previousKeys: [current] });
    let result: RewrapResult;
    try {
      result = await rewrapStoredSecrets(db, vault, ACTOR);
    } catch (error) {
      // Nothing was committed under a key made in this run: forget it.
      if (pending === null) rmSync(join(dataDir, PENDING_MASTER_KEY_FILE), { force: true });
      throw error;
    }
    promotePendingMasterKey(dataDir);
    return [
      ...(pending === null ? [] : ['Finished an interrupted rotation.']),
      summary(result, vault.keyId),
      `The new master key is in ${join(dataDir, MASTER_KEY_FILE)}; it replaced the previous one. Restart any Closeout server process that shares this database.`,
    ].join('\n');
  });
}

/** `closeout keys rotate`: every data key re-wrapped under a new master key. */
export async function rotateKeysCommand(rawOptions: unknown): Promise<string> {
  const options = ZRotateOptions.parse(rawOptions);
  const config = loadConfig();
  return config.masterKey === undefined
    ? rotateKeyFile(config.dataDir, options.newKey)
    : rotateEnvironmentKey(config.masterKey, options.newKey);
}
