// One run writes to a database at a time. SQLite would serialise the writes anyway; the lock
// makes a second run stop at once with a clear message instead of interleaving with the first.
//
// The lock is a file beside the database holding the owner's pid. A lock whose process is gone
// (a run killed with SIGKILL, a crash, a power loss) is taken over by the next run. The lock is
// also removed when this process exits by process.exit (a second Ctrl-C).
import { openSync, closeSync, mkdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../diagnostics.ts';

/** Locks this process holds, so two runs inside one process (a library caller, tests) also exclude each other. */
const held = new Set<string>();

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

export function acquireRunLock(dbPath: string): () => void {
  const lockPath = resolve(`${dbPath}.lock`);
  const busy = (who: string) =>
    new InputError('locked', `another hakusho run (${who}) is writing to ${dbPath}; wait for it to finish, or use another --db`);
  if (held.has(lockPath)) throw busy('in this process');
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(owner()));
      closeSync(fd);
      held.add(lockPath);
      if (!exitHook) {
        exitHook = true;
        process.on('exit', removeHeld);
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(lockPath);
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = Number(readFileSync(lockPath, 'utf8').trim());
      } catch {
        continue; // removed meanwhile: try again
      }
      // An empty lock file is one being written this instant by another run.
      if (!pid && attempt === 0) continue;
      if (pid && pid !== owner() && alive(pid)) throw busy(`pid ${pid}`);
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
