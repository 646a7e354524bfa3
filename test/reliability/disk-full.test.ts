// A full disk: the batch stops at the first write that does not fit, says so once (where, and
// what to do), prints the summary of what was stored and exits 1; what was stored is whole and
// kept, and the next run, given space, stores the rest. The database is made full with SQLite's
// max_page_count (HAKUSHO_TEST_MAX_PAGE_COUNT, see src/store/db.ts) and, where this machine lets
// the tests mount one, on a small tmpfs (ENOSPC from the file system itself).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTextCorpus } from '../../scripts/bench/corpus.ts';
import { hakusho, openDb, tmp } from '../batch/helpers.ts';

const FULL = /the disk or the database is full/g;

/** Checks one run that met a full disk; returns how many documents it stored. */
function expectStoppedOnce(r: { code: number | null; stdout: string; stderr: string }, db: string, total: number): number {
  expect(r.code).toBe(1);
  // Said once, with where and what to do, and no file failed for it.
  expect(r.stderr.match(FULL)).toHaveLength(1);
  expect(r.stderr).toContain(
    `hakusho run: the disk or the database is full: cannot write to ${db} (database or disk is full); free some space and run again: what is stored is kept, and the next run does the rest\n`,
  );
  expect(r.stderr).not.toMatch(/\bfailed\b|\[internal\]|\n\s+at /);
  const m = /^hakusho: (\d+) stored \(\d+ sections?, \d+ facts?\), 0 skipped, 0 failed in [\d.]+ s → (.*)$/m.exec(r.stdout);
  expect(m, r.stdout).not.toBeNull();
  expect(m![2]).toBe(db);
  const stored = Number(m![1]);
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(total);
  // Stopped at the first write that did not fit: nothing was stored after it.
  expect(r.stderr.match(/^\[\d+\/\d+\] stored /gm)).toHaveLength(stored);
  const conn = openDb(db);
  expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(conn.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: stored });
  expect(conn.prepare('SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sections s WHERE s.document_id = d.id)').get()).toEqual({ n: 0 });
  expect(conn.prepare("SELECT count(*) AS n FROM diagnostics WHERE severity = 'error'").get()).toEqual({ n: 0 });
  conn.close();
  return stored;
}

async function expectNextRunFinishes(input: string, db: string, total: number, stored: number): Promise<void> {
  const next = await hakusho(['run', input, '--db', db, '--json']);
  expect(next.code).toBe(0);
  const summary = JSON.parse(next.stdout);
  expect(summary.skipped).toHaveLength(stored);
  expect(summary.stored).toHaveLength(total - stored);
  const conn = openDb(db);
  expect(conn.prepare('SELECT count(*) AS n, count(DISTINCT sha256) AS distinct_ FROM documents').get()).toEqual({ n: total, distinct_: total });
  expect(conn.prepare('SELECT status FROM runs ORDER BY id').all()).toEqual([{ status: 'failed' }, { status: 'finished' }]);
  conn.close();
}

describe('a batch of 150 files on a database that fills up', () => {
  it('stops at the first write that does not fit, says so once, keeps what it stored; the next run does the rest', async () => {
    const dir = tmp('full');
    const input = join(dir, 'in');
    makeTextCorpus(input, 150);
    const db = join(dir, 'h.sqlite');
    // Room for some dozens of these documents after the schema.
    const r = await hakusho(['run', input, '--db', db, '--jobs', '2'], { env: { HAKUSHO_TEST_MAX_PAGE_COUNT: '400' } });
    const stored = expectStoppedOnce(r, db, 150);
    await expectNextRunFinishes(input, db, 150, stored);
  }, 120_000);
});

/** A 1 MB tmpfs, when this machine lets the tests mount one (root with CAP_SYS_ADMIN). */
const mountPoint = (() => {
  if (process.getuid?.() !== 0) return null;
  const dir = join(tmp('tmpfs'), 'mnt');
  mkdirSync(dir);
  return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]).status === 0 ? dir : null;
})();
afterAll(() => {
  if (mountPoint) spawnSync('umount', [mountPoint]);
});

describe.runIf(mountPoint)('a database on a full tmpfs', () => {
  it('stops on ENOSPC the same way, and the next run, given space, does the rest', async () => {
    const input = join(tmp('tmpfs-in'), 'in');
    makeTextCorpus(input, 40);
    const db = join(mountPoint!, 'h.sqlite');
    const r = await hakusho(['run', input, '--db', db, '--jobs', '2']);
    const stored = expectStoppedOnce(r, db, 40);
    // The other commands on the full disk: they read it; what they cannot write, they say in one line.
    for (const [command, out, ...rest] of [['report', join(mountPoint!, 'report.html')], ['export', join(mountPoint!, 'all.json'), '--format', 'json']]) {
      const r = await hakusho([command!, '--out', out!, ...rest, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`hakusho ${command}: cannot write ${out}: the disk is full; choose another --out\n`);
    }
    for (const args of [['query', 'SELECT count(*) FROM documents'], ['search', 'バックアップ'], ['diff', '1', '2'], ['export', '--format', 'csv']]) {
      const r = await hakusho([...args, '--db', db]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(spawnSync('mount', ['-o', 'remount,size=32m', mountPoint!]).status).toBe(0);
    await expectNextRunFinishes(input, db, 40, stored);
  }, 120_000);
});
