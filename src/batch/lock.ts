// One run writes to a database at a time. SQLite would serialise the writes anyway; the lock
// makes a second run stop at once with a clear message instead of interleaving with the first.
import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { InputError } from '../diagnostics.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireRunLock(dbPath: string): () => void {
  const lockPath = `${dbPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (pid && alive(pid) && pid !== process.pid) {
        throw new InputError(
          'locked',
          `another hakusho run (pid ${pid}) is writing to ${dbPath}; wait for it to finish, or use another --db`,
        );
      }
      // A run that was killed left its lock behind: take it over.
      unlinkSync(lockPath);
    }
  }
  throw new InputError('locked', `could not take the lock ${lockPath}; remove it if no hakusho run is active`);
}
