// The worker pool: same results as in-process, bytes transferred, and a worker that hangs,
// crashes or runs out of memory costs only its own file.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processFile } from '../../pipelines/whitepaper-ja.ts';
import { defaultJobs, workerPool, WORKER_BUDGET_MB } from '../../src/batch/pool.ts';
import { runBatch } from '../../src/batch/run.ts';
import { InputError } from '../../src/diagnostics.ts';
import { makeTextCorpus } from '../../scripts/bench/corpus.ts';
import { hakusho, openDb, ROOT, tmp } from './helpers.ts';
import { whitepaperJa } from '../../pipelines/version.ts';

const CORPUS_FILE = join(ROOT, 'corpus/001_54f9b4840afe051d.txt');
/** A text with no control sections: processed in milliseconds, without loading the tokenizer. */
const MEMO = new TextEncoder().encode('# 議事録\n\n本日は来期の予算について話し合いました。\n');
const memo = () => new Uint8Array(MEMO);
const HOOKS = ['HAKUSHO_TEST_HANG_ON', 'HAKUSHO_TEST_CRASH_ON', 'HAKUSHO_TEST_OOM_ON', 'HAKUSHO_TEST_STARTUP_FAIL'];

afterEach(() => {
  for (const h of HOOKS) delete process.env[h];
});

describe('workerPool', () => {
  it('gives the Result the pipeline gives in this thread, several files at once, one worker per job', async () => {
    const dir = tmp('pool');
    const paths = makeTextCorpus(dir, 6);
    const pool = workerPool({ pipeline: whitepaperJa().module, jobs: 2 });
    try {
      const bytes = new Uint8Array(readFileSync(CORPUS_FILE)); // a buffer of its own: transferable
      const [first, ...rest] = await Promise.all([pool.process(CORPUS_FILE, bytes), ...paths.map((p) => pool.process(p, readFileSync(p)))]);
      expect(bytes.byteLength).toBe(0); // detached: moved to the worker, not copied
      expect(first).toEqual(await processFile(CORPUS_FILE, readFileSync(CORPUS_FILE)));
      expect(rest.map((r) => r.sections.length)).toEqual([39, 21, 40, 38, 40, 39]);
      expect(pool.started).toBe(2);
      // A view into a larger buffer (Buffer's pool) is copied once; the caller's buffer is left alone.
      const padded = new Uint8Array(MEMO.length + 8);
      padded.set(MEMO);
      expect((await pool.process('memo.md', padded.subarray(0, MEMO.length))).diagnostics[0]).toMatchObject({ rule: 'no-sections' });
      expect(padded.byteLength).toBe(MEMO.length + 8);
      // An InputError stays one across the thread boundary, with its rule.
      const err = await pool.process('x/empty.txt', new Uint8Array(0)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect(err).toMatchObject({ rule: 'empty', message: 'the file is empty' });
    } finally {
      await pool.close();
    }
    await expect(pool.process('a.txt', memo())).rejects.toThrow(/closed/);
  }, 60_000);

  it('fails only the file of a worker that hangs, crashes or runs out of heap, and replaces the worker', async () => {
    process.env.HAKUSHO_TEST_HANG_ON = 'hang-here';
    process.env.HAKUSHO_TEST_CRASH_ON = 'crash-here';
    process.env.HAKUSHO_TEST_OOM_ON = 'oom-here';
    const pool = workerPool({ pipeline: whitepaperJa().module, jobs: 2, timeoutMs: 2000, maxMemoryMb: 192 });
    try {
      const names = ['a.md', 'hang-here.md', 'b.md', 'crash-here.md', 'c.md', 'oom-here.md', 'd.md'];
      const settled = await Promise.allSettled(names.map((n) => pool.process(n, memo())));
      const outcome = settled.map((s) => (s.status === 'fulfilled' ? 'ok' : (s.reason as InputError).rule));
      expect(outcome).toEqual(['ok', 'time-limit', 'ok', 'worker-crashed', 'ok', 'out-of-memory', 'ok']);
      const reason = (i: number) => (settled[i] as PromiseRejectedResult).reason.message;
      expect(reason(1)).toMatch(/longer than 2 s, the time limit per file \(--timeout\)/);
      expect(reason(3)).toMatch(/crashed \(test crash\)/);
      expect(reason(5)).toMatch(/more than 192 MB of memory, the limit per worker \(--max-memory\)/);
      // Two, and a new one for each worker lost when there was work left for it.
      expect(pool.started).toBeGreaterThanOrEqual(3);
      expect(pool.started).toBeLessThanOrEqual(5);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('stops, failing every file, when a worker cannot even load the pipeline', async () => {
    process.env.HAKUSHO_TEST_STARTUP_FAIL = '1';
    // One worker: the file it was handed, the next one queued behind it, and one still waiting.
    const pool = workerPool({ pipeline: whitepaperJa().module, jobs: 1 });
    try {
      const settled = await Promise.allSettled(['a.md', 'b.md', 'c.md'].map((n) => pool.process(n, memo())));
      for (const s of settled) {
        expect(s.status).toBe('rejected');
        expect((s as PromiseRejectedResult).reason).toMatchObject({ name: 'PoolError', message: expect.stringMatching(/could not load the pipeline: .*test startup failure/s) });
      }
      await expect(pool.process('f.md', memo())).rejects.toMatchObject({ name: 'PoolError' });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('hands a worker its next file while it works, and gives that file to a new worker if this one dies', async () => {
    process.env.HAKUSHO_TEST_HANG_ON = 'hang-here';
    const pool = workerPool({ pipeline: whitepaperJa().module, jobs: 1, timeoutMs: 2000 });
    try {
      const first = memo();
      const next = memo();
      const results = Promise.allSettled([pool.process('hang-here.md', first), pool.process('next.md', next)]);
      expect(first.byteLength).toBe(0); // moved to the worker
      expect(next.byteLength).toBe(MEMO.length); // copied: kept in case the worker dies before it starts
      const outcome = (await results).map((s) => (s.status === 'fulfilled' ? 'ok' : (s.reason as InputError).rule));
      expect(outcome).toEqual(['time-limit', 'ok']);
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('defaultJobs', () => {
  const GB = 1024 ** 3;
  it('is one worker per core when memory allows', () => {
    expect(defaultJobs(2, 16 * GB, 16 * GB, 0)).toBe(2);
    expect(defaultJobs(8, 64 * GB, 64 * GB, 0)).toBe(8);
  });
  it('is fewer when free memory, or a container limit, does not fit one dictionary per core', () => {
    expect(defaultJobs(8, 2 * GB, 16 * GB, 0)).toBe(Math.floor((2048 - 300) / WORKER_BUDGET_MB));
    expect(defaultJobs(8, 16 * GB, 64 * GB, 1 * GB)).toBe(Math.floor((1024 - 300) / WORKER_BUDGET_MB));
    expect(defaultJobs(8, 100 * 1024 ** 2, 16 * GB, 0)).toBe(1); // never fewer than one
    expect(defaultJobs(8, 512 * 1024 ** 2, 16 * GB, 0)).toBe(1);
  });
  it('ignores a "constrained" figure above the machine total (no cgroup limit)', () => {
    expect(defaultJobs(2, 16 * GB, 16 * GB, 2 ** 60)).toBe(2);
  });
});

describe('runBatch with the pool', () => {
  it('stores every file once, content seen twice once, and a hung file fails with its reason', async () => {
    process.env.HAKUSHO_TEST_HANG_ON = '0003_';
    const dir = tmp('batch');
    const paths = makeTextCorpus(join(dir, 'in'), 8);
    // The same content under a second name is processed once and remembered under both paths.
    copyFileSync(paths[0]!, join(dir, 'in', 'zz-copy-of-first.txt'));
    const db = join(dir, 'h.sqlite');
    const summary = await runBatch({ pipeline: whitepaperJa(), paths: [join(dir, 'in')], db, jobs: 2, force: false, timeout: 4 });
    expect(summary.failed).toEqual([{ path: paths[3], rule: 'time-limit', reason: expect.stringMatching(/longer than 4 s/) }]);
    expect(summary.stored.sort()).toEqual(paths.filter((_, i) => i !== 3));
    expect(summary.skipped).toEqual([join(dir, 'in', 'zz-copy-of-first.txt')]);
    const conn = openDb(db);
    expect(conn.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 7 });
    expect(conn.prepare('SELECT count(*) AS n FROM document_paths').get()).toEqual({ n: 8 });
    expect(conn.prepare("SELECT path, rule, run_id FROM diagnostics WHERE severity = 'error'").all()).toEqual([
      { path: paths[3], rule: 'time-limit', run_id: summary.runId },
    ]);
    conn.close();
  }, 60_000);
});

describe('starting workers', () => {
  it('works when hakusho is started from another working directory', async () => {
    const dir = tmp('cwd');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'memo.md'), MEMO);
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    const r = await hakusho(['run', 'in', '--db', 'out/h.sqlite', '--json', '--jobs', '2'], { cwd: dir });
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.stored).toEqual(['in/memo.md']);
    expect(summary.failed).toEqual([{ path: 'in/empty.txt', reason: 'the file is empty' }]);
  }, 60_000);
});
