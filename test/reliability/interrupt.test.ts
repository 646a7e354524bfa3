// Interrupted runs: a run killed at any moment (SIGKILL included) leaves a database that opens,
// passes integrity_check and holds only whole documents, and the next run completes it. Ctrl-C
// stops cleanly (exit 130). A second run on the same database given --wait 0 stops at once.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTextCorpus } from '../../scripts/bench/corpus.ts';
import { wantsSingleThreaded } from '../../bin/single-threaded.ts';
import { expectedSections, hakusho, openDb, ROOT, start, tmp } from '../batch/helpers.ts';

const storedLines = (stderr: string) => (stderr.match(/^\[\d+\/\d+\] stored /gm) ?? []).length;

/** Section counts of the corpus copies: copy i has the sections of corpus file i % 5. */
let sectionsPerBase: number[] = [];
beforeAll(async () => {
  const dir = tmp('bases');
  sectionsPerBase = await Promise.all(makeTextCorpus(dir, 5).map(async (p) => (await expectedSections(p)).length));
}, 60_000);

function expectWholeDocuments(db: string, paths: string[]): number {
  const conn = openDb(db);
  try {
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(conn.pragma('foreign_key_check')).toEqual([]);
    const docs = conn.prepare<[], { path: string; n: number }>(
      'SELECT d.path, (SELECT count(*) FROM sections s WHERE s.document_id = d.id) AS n FROM documents d',
    ).all();
    for (const d of docs) {
      const i = paths.indexOf(d.path);
      expect(i, d.path).toBeGreaterThanOrEqual(0);
      expect(d.n, d.path).toBe(sectionsPerBase[i % 5]);
    }
    return docs.length;
  } finally {
    conn.close();
  }
}

describe('a run killed with SIGKILL', () => {
  it('leaves only whole documents, at any moment, and the next run stores the rest, each once', async () => {
    const dir = tmp('kill');
    const input = join(dir, 'in');
    const paths = makeTextCorpus(input, 30);
    const db = join(dir, 'h.sqlite');
    let before = 0;
    // Killed twice, at different points; the last file hangs, so a run cannot end before its kill.
    for (const after of [3, 8]) {
      const r = start(['run', input, '--db', db, '--jobs', '2'], { env: { HAKUSHO_TEST_HANG_ON: '0029_' } });
      await r.waitFor(({ stderr }) => storedLines(stderr) >= after);
      r.child.kill('SIGKILL');
      expect((await r.exited).signal).toBe('SIGKILL');
      expect(existsSync(`${db}.lock`)).toBe(true); // left behind: the next run takes it over
      const stored = expectWholeDocuments(db, paths);
      expect(stored).toBeGreaterThanOrEqual(before + after);
      expect(stored).toBeLessThan(30);
      before = stored;
    }
    const last = await hakusho(['run', input, '--db', db, '--jobs', '2', '--json']);
    expect(last.stderr).not.toMatch(/locked|another hakusho run/);
    expect(last.code).toBe(0);
    const summary = JSON.parse(last.stdout);
    const versions = () => {
      const c = openDb(db);
      const v = c.prepare('SELECT DISTINCT pipeline_version FROM runs').all();
      c.close();
      return JSON.stringify(v);
    };
    // (Fails if the pipeline's code changed during the test: its version is a digest of the code.)
    expect(summary.stored, versions()).toHaveLength(30 - before);
    expect(summary.skipped).toHaveLength(before);
    expect(expectWholeDocuments(db, paths)).toBe(30);
    const conn = openDb(db);
    expect(conn.prepare('SELECT count(*) AS n FROM document_paths').get()).toEqual({ n: 30 });
    // The killed runs are marked as such by the run that found them still "running".
    expect(conn.prepare('SELECT status FROM runs ORDER BY id').all()).toEqual([
      { status: 'interrupted' },
      { status: 'interrupted' },
      { status: 'finished' },
    ]);
    conn.close();
    expect(existsSync(`${db}.lock`)).toBe(false);
  }, 90_000);
});

describe('Ctrl-C, and a second run on the same database', () => {
  it('refuses a second run while one is active, and Ctrl-C stops the first cleanly with exit 130', async () => {
    const dir = tmp('sigint');
    const input = join(dir, 'in');
    const paths = makeTextCorpus(input, 12);
    const db = join(dir, 'h.sqlite');
    // One file hangs (its time limit is far off), so the run is still busy when it is interrupted.
    const r = start(['run', input, '--db', db, '--jobs', '2', '--timeout', '600'], { env: { HAKUSHO_TEST_HANG_ON: '0004_' } });
    await r.waitFor(({ stderr }) => storedLines(stderr) >= 2);

    const second = await hakusho(['run', input, '--db', db, '--wait', '0']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`another hakusho run \\(pid ${r.child.pid}\\) is writing to .*h\\.sqlite; wait for it to finish, or use another --db`));

    r.child.kill('SIGINT');
    const { code } = await r.exited;
    expect(code).toBe(130);
    expect(r.stderr()).toMatch(/interrupted: stopping; the files in progress are left for the next run/);
    // The hung file was abandoned, not failed: nothing failed.
    expect(r.stdout()).toMatch(/^hakusho: \d+ stored(?: \([^)]*\))?, 0 skipped, 0 failed in [\d.]+ s → .* \(interrupted: run again to process the rest\)$/m);
    expect(existsSync(`${db}.lock`)).toBe(false);
    const stored = expectWholeDocuments(db, paths);
    expect(stored).toBeLessThan(12);
    const conn = openDb(db);
    expect(conn.prepare('SELECT status FROM runs').all()).toEqual([{ status: 'interrupted' }]);
    conn.close();

    const rest = await hakusho(['run', input, '--db', db, '--json']);
    expect(rest.code).toBe(0);
    expect(JSON.parse(rest.stdout).stored).toHaveLength(12 - stored);
    expect(expectWholeDocuments(db, paths)).toBe(12);
  }, 90_000);
});

describe('a run relaunched under --single-threaded (bin/single-threaded.js)', () => {
  /** The pid and command line of the child processes of `pid` (Linux /proc). */
  function children(pid: number): { pid: number; args: string[] }[] {
    const out: { pid: number; args: string[] }[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
        out.push({ pid: Number(entry), args: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean) });
      } catch {
        // gone meanwhile
      }
    }
    return out;
  }
  const linux = process.platform === 'linux';

  const PDFS = join(ROOT, 'test/fixtures/pdf');
  const TEXTS = join(ROOT, 'corpus');
  const cores = availableParallelism();
  it.each([
    [['run', PDFS], true],
    [['run', TEXTS, join(PDFS, '001_54f9b4840afe051d.pdf')], true],
    [['run', PDFS, '--jobs', String(cores)], true],
    [['run', PDFS, `--jobs=${cores + 1}`, '--force'], true],
    [['run', PDFS, '--jobs', String(cores - 1)], false],
    [['run', TEXTS], false], // text alone runs faster with V8's threads
    [['run', '--db', PDFS, TEXTS], false], // an option's value is not a path
    [['run', 'no-such-folder'], false],
    [['run', PDFS, '--help'], false],
    [['query', 'SELECT 1'], false],
  ])('%j: relaunched: %s', (args, want) => {
    expect(wantsSingleThreaded(args as string[], [])).toBe(want && process.platform !== 'win32');
    expect(wantsSingleThreaded(args as string[], ['--single-threaded'])).toBe(false);
  });

  /** A batch with a PDF, whose sixth text hangs, so that the run is busy when the test acts. */
  function busyBatch(name: string): string {
    const input = join(tmp(name), 'in');
    makeTextCorpus(input, 6);
    copyFileSync(join(PDFS, '001_54f9b4840afe051d.pdf'), join(input, 'a.pdf'));
    return input;
  }

  it.runIf(linux)('runs in a child node with the flag; a launcher killed with SIGKILL takes the child with it', async () => {
    const input = busyBatch('relaunch');
    const r = start(['run', input, '--db', join(input, '..', 'h.sqlite')], { env: { HAKUSHO_TEST_HANG_ON: '0005_' } });
    await r.waitFor(({ stderr }) => storedLines(stderr) >= 2);
    const [child, ...more] = children(r.child.pid!);
    expect(more).toEqual([]);
    expect(child!.args.slice(1, 2)).toEqual(['--single-threaded']);
    const db = join(input, '..', 'h.sqlite');
    // The lock names the process the user started.
    expect((await hakusho(['run', input, '--db', db, '--wait', '0'])).stderr).toMatch(`another hakusho run (pid ${r.child.pid})`);
    r.child.kill('SIGKILL');
    await r.exited;
    await expect.poll(() => existsSync(`/proc/${child!.pid}`), { timeout: 5000 }).toBe(false);
    expect(existsSync(`${db}.lock`)).toBe(true); // killed, as the launcher was: the next run takes it over
    const next = await hakusho(['run', input, '--db', db, '--json']);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).failed).toEqual([]);
  }, 60_000);

  it.runIf(linux)('Ctrl-C reaches the run twice (from the terminal, and passed on by the launcher): it stops once, cleanly', async () => {
    const input = busyBatch('relaunch-int');
    const r = start(['run', input, '--db', join(input, '..', 'h.sqlite')], { env: { HAKUSHO_TEST_HANG_ON: '0005_' } });
    await r.waitFor(({ stderr }) => storedLines(stderr) >= 2);
    const [child] = children(r.child.pid!);
    // The second one as the launcher's would come, a moment after the terminal's.
    process.kill(child!.pid, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.kill(child!.pid, 'SIGINT');
    // Exit status 130, or (the second signal came after the run had ended) ended by SIGINT, which
    // a shell also reports as 130; either way after one clean stop, summary printed.
    const { code, signal } = await r.exited;
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(r.stdout().match(/\(interrupted: run again to process the rest\)$/gm)).toHaveLength(1);
    expect(r.stderr().match(/interrupted: stopping/g)).toHaveLength(1);
  }, 60_000);
});
