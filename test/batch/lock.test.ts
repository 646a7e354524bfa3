// The run lock: one run per database; a lock left by a killed run is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock } from '../../src/batch/lock.ts';
import { inProcess, runBatch } from '../../src/batch/run.ts';
import { InputError } from '../../src/diagnostics.ts';
import { ROOT, tmp } from './helpers.ts';

/** The pid of a process that has exited: what a killed run leaves in its lock. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('acquireRunLock', () => {
  it('writes its pid, refuses a second holder in the same process, and is gone once released', () => {
    const db = join(tmp('lock'), 'sub/h.sqlite');
    const release = acquireRunLock(db);
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => acquireRunLock(db)).toThrow(InputError);
    expect(() => acquireRunLock(db)).toThrow(/another hakusho run \(in this process\) is writing to/);
    release();
    release(); // twice is harmless
    expect(existsSync(`${db}.lock`)).toBe(false);
    acquireRunLock(db)();
  });

  it('refuses a lock held by another live process, naming it', () => {
    const db = join(tmp('lock'), 'h.sqlite');
    writeFileSync(`${db}.lock`, String(process.ppid));
    const err = (() => {
      try {
        acquireRunLock(db);
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(err).toMatchObject({ rule: 'locked', message: `another hakusho run (pid ${process.ppid}) is writing to ${db}; wait for it to finish, or use another --db` });
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.ppid));
  });

  it('takes over the lock of a run that was killed, and an empty one', () => {
    const db = join(tmp('lock'), 'h.sqlite');
    writeFileSync(`${db}.lock`, String(deadPid()));
    acquireRunLock(db)();
    writeFileSync(`${db}.lock`, '');
    const release = acquireRunLock(db);
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});

describe('runBatch and the lock', () => {
  it('stops before it touches the database when another run holds the lock', async () => {
    const db = join(tmp('lock'), 'h.sqlite');
    writeFileSync(`${db}.lock`, String(process.ppid));
    await expect(runBatch({ paths: [join(ROOT, 'corpus')], db, jobs: 1, force: false, processor: inProcess })).rejects.toThrow(/another hakusho run/);
    expect(existsSync(db)).toBe(false);
  });
});
