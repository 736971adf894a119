import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { openDatabase } from './connection.js';
import { acquireDataDirLock, LOCK_FILE_NAME } from './lock.js';

/** The pid of a process that has run and exited, so no live process holds it. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

let dataDir: string;
let lockPath: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'closeout-lock-'));
  lockPath = join(dataDir, LOCK_FILE_NAME);
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the data directory lock', () => {
  it('writes the pid of the holder into closeout.lock and removes it on release', () => {
    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('refuses a second holder with a message naming the directory and the holder', () => {
    const lock = acquireDataDirLock(dataDir);
    try {
      let refusal: unknown;
      try {
        acquireDataDirLock(dataDir);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({
        code: 'locked',
        message: `The data directory ${dataDir} is in use by another Closeout process (pid ${process.pid}). Stop it, or set CLOSEOUT_DATA_DIR to another directory.`,
      });
    } finally {
      lock.release();
    }
  });

  it('refuses while another live process holds the lock', () => {
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(lockPath, `${process.ppid}\n`);
    expect(() => acquireDataDirLock(dataDir)).toThrow(`(pid ${process.ppid})`);
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.ppid));
  });

  it('takes over a lock left by a process that is gone', () => {
    const gone = deadPid();
    writeFileSync(lockPath, `${gone}\n`);
    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('takes over a lock naming this process that this process does not hold (a restarted container)', () => {
    writeFileSync(lockPath, `${process.pid}\n`);
    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock file without a pid', () => {
    writeFileSync(lockPath, 'garbage');
    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('is released when the holding process exits without releasing it', () => {
    const holder = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { acquireDataDirLock } = await import('./src/db/lock.ts');
         acquireDataDirLock(${JSON.stringify(dataDir)});
         console.log('held');`,
      ],
      { encoding: 'utf8' },
    );
    expect(holder.stderr).toBe('');
    expect(holder.stdout.trim()).toBe('held');
    expect(existsSync(lockPath)).toBe(false);
  });

  it('does not remove a lock that another process has taken over since', () => {
    const lock = acquireDataDirLock(dataDir);
    writeFileSync(lockPath, `${process.ppid}\n`);
    lock.release();
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.ppid));
  });
});

describe('opening PGlite in a data directory', () => {
  it('is refused while the directory is locked, before PGlite touches it', async () => {
    const lock = acquireDataDirLock(dataDir);
    try {
      await expect(openDatabase({ dataDir })).rejects.toMatchObject({
        code: 'locked',
        message: `The data directory ${dataDir} is in use by another Closeout process (pid ${process.pid}). Stop it, or set CLOSEOUT_DATA_DIR to another directory.`,
      });
      expect(readdirSync(dataDir)).toEqual([LOCK_FILE_NAME]);
    } finally {
      lock.release();
    }
  });
});
