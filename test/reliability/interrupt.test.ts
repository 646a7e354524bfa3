// Interrupted runs: a run killed at any moment (SIGKILL included) leaves a database that opens,
// passes integrity_check and holds only whole documents, and the next run completes it. Ctrl-C
// stops cleanly (exit 130). A second run on the same database stops at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTextCorpus } from '../../scripts/bench/corpus.ts';
import { expectedSections, hakusho, openDb, start, tmp } from '../batch/helpers.ts';

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

    const second = await hakusho(['run', input, '--db', db]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`another hakusho run \\(pid ${r.child.pid}\\) is writing to .*h\\.sqlite; wait for it to finish, or use another --db`));

    r.child.kill('SIGINT');
    const { code } = await r.exited;
    expect(code).toBe(130);
    expect(r.stderr()).toMatch(/interrupted: stopping; the files in progress are left for the next run/);
    // The hung file was abandoned, not failed: nothing failed.
    expect(r.stdout()).toMatch(/^hakusho: \d+ stored, 0 skipped, 0 failed → .* \(interrupted: run again to process the rest\)$/m);
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
