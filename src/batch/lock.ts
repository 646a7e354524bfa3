// One run writes to a database at a time. SQLite would serialise the writes anyway; the lock
// keeps two runs from interleaving: a second run waits for the first (up to --wait), then does its
// work, and finds stored what the first stored.
//
// The lock is a file beside the database holding the owner's pid. A lock whose process is gone
// (a run killed with SIGKILL, a crash, a power loss) is taken over by the next run. The lock is
// also removed when this process exits by process.exit (a second Ctrl-C).
import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../diagnostics.ts';
import { fsReason, makeFolder } from '../files.ts';
import { DiskFullError } from '../store/db.ts';

/** Locks this process holds, so two runs inside one process (a library caller, tests) also exclude each other. */
const held = new Set<string>();

/** How often a waiting run looks at the lock again. */
const POLL_MS = 250;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeHeld(): void {
  for (const path of held) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}

let exitHook = false;

/**
 * The pid a lock names: the process the user started. A run relaunched under --single-threaded
 * (bin/single-threaded.js) is named by its launcher, which lives exactly as long as it does.
 */
function owner(): number {
  const launcher = Number(process.env.HAKUSHO_LAUNCHER_PID);
  return launcher === process.ppid ? launcher : process.pid;
}

function cannotLock(lockPath: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOSPC' || err.code === 'EDQUOT') return new DiskFullError(lockPath, err.message);
  return new InputError(
    'lock-unavailable',
    `cannot make the lock file ${lockPath} (${fsReason(err)}); a run keeps it beside the database while it writes: choose a --db in a folder you can write to`,
  );
}

export interface LockOptions {
  /** How long to wait for another run to finish, in milliseconds (default 0: not at all). */
  waitMs?: number;
  /** Called once, when another run holds the lock and this one starts to wait; `holder` names it. */
  onWait?: (holder: string) => void;
  /** Stops the waiting: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

type Attempt = { release: () => void } | { holder: string };

/** One attempt to take the lock. */
function attempt(lockPath: string): Attempt {
  if (held.has(lockPath)) return { holder: 'in this process' };
  for (let i = 0; i < 3; i++) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, String(owner()));
      } finally {
        closeSync(fd);
      }
      held.add(lockPath);
      if (!exitHook) {
        exitHook = true;
        process.on('exit', removeHeld);
      }
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          held.delete(lockPath);
          try {
            unlinkSync(lockPath);
          } catch {
            // already gone
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotLock(lockPath, e);
      let text: string;
      try {
        text = readFileSync(lockPath, 'utf8').trim();
      } catch (r) {
        if ((r as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed meanwhile: try again
        throw cannotLock(lockPath, r);
      }
      const pid = Number(text);
      // An empty lock file is one being written this instant by another run: look again once.
      if (!text && i === 0) continue;
      if (pid && pid !== owner() && alive(pid)) return { holder: `pid ${pid}` };
      // A run that was killed left its lock behind: take it over.
      try {
        unlinkSync(lockPath);
      } catch {
        // another run took it over first; the next attempt sees its lock
      }
    }
  }
  throw new InputError('locked', `could not take the lock ${lockPath}; remove it if no hakusho run is active`);
}

/**
 * Takes the run lock of the database at `dbPath`, waiting up to `waitMs` for a run that holds
 * it; resolves to the function that releases it.
 */
export async function acquireRunLock(dbPath: string, opts: LockOptions = {}): Promise<() => void> {
  const db = resolve(dbPath);
  const lockPath = `${db}.lock`;
  try {
    makeFolder(dirname(lockPath));
  } catch (e) {
    throw cannotLock(lockPath, e);
  }
  const waitMs = opts.waitMs ?? 0;
  const started = Date.now();
  let waiting = false;
  for (;;) {
    opts.signal?.throwIfAborted();
    const got = attempt(lockPath);
    if ('release' in got) return got.release;
    const waited = Date.now() - started;
    if (waited >= waitMs) {
      throw new InputError(
        'locked',
        waitMs > 0
          ? `another hakusho run (${got.holder}) is still writing to ${db} after ${Math.round(waited / 1000)} s of waiting (--wait); run again later, raise --wait, or use another --db`
          : `another hakusho run (${got.holder}) is writing to ${db}; wait for it to finish, or use another --db`,
      );
    }
    if (!waiting) {
      waiting = true;
      opts.onWait?.(got.holder);
    }
    await sleep(Math.min(POLL_MS, waitMs - waited), undefined, { signal: opts.signal });
  }
}
