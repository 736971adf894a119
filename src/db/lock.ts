import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../domain/errors.js';

export const LOCK_FILE_NAME = 'closeout.lock';

export type DataDirLock = {
  readonly path: string;
  /** Removes the lock file; safe to call more than once. */
  release(): void;
};

/** Lock files this process holds, so a lock naming our own pid is told apart from a stale one. */
const heldLocks = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function readHolder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * A holder is live when its process runs, unless that process is this one and does not hold
 * the lock: a restarted container reuses the same pid (often 1) as the process that crashed.
 */
function isHeldByLiveProcess(path: string, pid: number): boolean {
  if (pid === process.pid) return heldLocks.has(path);
  return isAlive(pid);
}

/**
 * Writes the pid to a private file and links it into place: the lock appears atomically and
 * complete, so another process never reads a half-written one.
 */
function tryCreate(path: string): boolean {
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, `${process.pid}\n`);
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function removeIfOurs(path: string): void {
  heldLocks.delete(path);
  if (readHolder(path) !== process.pid) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Takes the data directory for this process: PGlite must never be opened by two processes at
 * once. A lock left by a process that is gone is taken over. `dataDir` is named in the refusal as
 * given, so the user recognises the path they configured.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = resolve(join(dataDir, LOCK_FILE_NAME));
  // Two rounds: a stale lock is removed once; losing the race to re-create it means a live holder.
  for (let round = 0; round < 2; round += 1) {
    if (tryCreate(path)) {
      heldLocks.add(path);
      const releaseOnExit = () => removeIfOurs(path);
      process.once('exit', releaseOnExit);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          process.removeListener('exit', releaseOnExit);
          removeIfOurs(path);
        },
      };
    }
    const holder = readHolder(path);
    if (holder !== null && isHeldByLiveProcess(path, holder)) {
      throw new AppError(
        'locked',
        `The data directory ${dataDir} is in use by another Closeout process (pid ${holder}). Stop it, or set CLOSEOUT_DATA_DIR to another directory.`,
      );
    }
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new AppError(
    'locked',
    `The data directory ${dataDir} is being taken by another Closeout process. Try again.`,
  );
}
