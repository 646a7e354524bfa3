// The run lock: one run per database; a second one waits (up to --wait) for the first; a lock
// left by a killed run is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock } from '../../src/batch/lock.ts';
import { inProcess, runBatch } from '../../src/batch/run.ts';
import { ROOT, tmp } from './helpers.ts';
import { whitepaperJa } from '../../pipelines/version.ts';

/** The pid of a process that has exited: what a killed run leaves in its lock. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('acquireRunLock', () => {
  it('writes its pid, makes a second holder in the same process wait, and is gone once released', async () => {
    const db = join(tmp('lock'), 'sub/h.sqlite');
    const release = await acquireRunLock(db);
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
    await expect(acquireRunLock(db)).rejects.toMatchObject({ rule: 'locked', message: expect.stringMatching(/another hakusho run \(in this process\) is writing to/) });
    const waits: string[] = [];
    const second = acquireRunLock(db, { waitMs: 10_000, onWait: (h) => waits.push(h) });
    await new Promise((r) => setTimeout(r, 300));
    expect(waits).toEqual(['in this process']);
    release();
    release(); // twice is harmless
    const releaseSecond = await second;
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
    releaseSecond();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('refuses a lock held by another live process, naming it, at once or after --wait', async () => {
    const db = join(tmp('lock'), 'h.sqlite');
    writeFileSync(`${db}.lock`, String(process.ppid));
    await expect(acquireRunLock(db)).rejects.toMatchObject({
      rule: 'locked',
      message: `another hakusho run (pid ${process.ppid}) is writing to ${db}; wait for it to finish, or use another --db`,
    });
    const started = Date.now();
    await expect(acquireRunLock(db, { waitMs: 1200 })).rejects.toMatchObject({
      message: `another hakusho run (pid ${process.ppid}) is still writing to ${db} after 1 s of waiting (--wait); run again later, raise --wait, or use another --db`,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.ppid));
  });

  it('takes the lock once the other run removes it', async () => {
    const db = join(tmp('lock'), 'h.sqlite');
    writeFileSync(`${db}.lock`, String(process.ppid));
    setTimeout(() => unlinkSync(`${db}.lock`), 500);
    const release = await acquireRunLock(db, { waitMs: 30_000 });
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over the lock of a run that was killed, and an empty one', async () => {
    const db = join(tmp('lock'), 'h.sqlite');
    writeFileSync(`${db}.lock`, String(deadPid()));
    (await acquireRunLock(db))();
    writeFileSync(`${db}.lock`, '');
    const release = await acquireRunLock(db);
    expect(readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('says in one line why no lock can be made', async () => {
    const dir = tmp('lock');
    writeFileSync(join(dir, 'file'), '');
    mkdirSync(join(dir, 'h.sqlite.lock'));
    await expect(acquireRunLock(join(dir, 'file/h.sqlite'))).rejects.toMatchObject({
      rule: 'lock-unavailable',
      message: `cannot make the lock file ${join(dir, 'file/h.sqlite.lock')} (a part of the path is a file, not a folder); a run keeps it beside the database while it writes: choose a --db in a folder you can write to`,
    });
    await expect(acquireRunLock(join(dir, 'h.sqlite'))).rejects.toMatchObject({ rule: 'lock-unavailable', message: expect.stringMatching(/\(it is a folder\)/) });
    // node's recursive mkdir never returns for this one.
    await expect(acquireRunLock('/proc/hakusho-test/h.sqlite')).rejects.toMatchObject({ rule: 'lock-unavailable' });
  });
});

describe('runBatch and the lock', () => {
  it('stops before it touches the database when another run holds the lock and it may not wait', async () => {
    const db = join(tmp('lock'), 'h.sqlite');
    writeFileSync(`${db}.lock`, String(process.ppid));
    await expect(runBatch({ pipeline: whitepaperJa(), paths: [join(ROOT, 'corpus')], db, jobs: 1, force: false, processor: inProcess })).rejects.toThrow(/another hakusho run/);
    expect(existsSync(db)).toBe(false);
  });
});
