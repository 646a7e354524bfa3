// Incremental runs: what a second `hakusho run` over a folder does and does not do.
// The first two runs are the real binary with a probe that reports kuromoji dictionary reads
// (in worker threads too); the later ones go through runBatch, the library behind it, in this
// process, with a processor that records every file handed to the pipeline.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { rulesVersion, whitepaperJa } from '../../pipelines/version.ts';
import { inProcess, runBatch, type Pipeline, type Processor, type RunOptions } from '../../src/batch/run.ts';
import { tokenizerRequested } from '../../src/facts/tokenizer.ts';
import { HAKUSHO, ROOT } from '../cli/cli.ts';

const CORPUS = join(ROOT, 'corpus');
const FIXTURES = join(ROOT, 'test/fixtures/revisions');
const PROBE = join(ROOT, 'test/revisions/dictionary-probe.cjs');

describe('incremental runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hakusho-incremental-'));
  const input = join(dir, 'in');
  const db = join(dir, 'h.sqlite');
  const at = (name: string) => join(input, name);
  /** Files handed to the pipeline by the last run. */
  let processed: string[] = [];
  const timings: Record<string, number> = {};

  const counting = (jobs: number, pipeline: Pipeline): Processor => {
    const inner = inProcess(jobs, pipeline);
    return {
      process: (path, bytes) => {
        processed.push(path);
        return inner.process(path, bytes);
      },
      close: () => inner.close(),
    };
  };

  async function run(label: string, opts: Partial<RunOptions> = {}) {
    processed = [];
    const started = performance.now();
    const summary = await runBatch({ pipeline: whitepaperJa(), paths: [input], db, jobs: 1, force: false, processor: counting, ...opts });
    timings[label] = performance.now() - started;
    return summary;
  }

  function query<T>(sql: string, ...params: unknown[]): T[] {
    const conn = new Database(db, { readonly: true });
    try {
      return conn.prepare(sql).all(...params) as T[];
    } finally {
      conn.close();
    }
  }

  /** `hakusho run <input> --json` with the dictionary probe preloaded: the summary, the dictionary reads, the time. */
  function cli(label: string) {
    const started = performance.now();
    const r = spawnSync(process.execPath, [...HAKUSHO, 'run', input, '--db', db, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PROBE}`.trim() },
    });
    timings[label] = performance.now() - started;
    expect(r.status, r.stderr).toBe(0);
    return { summary: JSON.parse(r.stdout), dictionaryReads: r.stderr.split('\n').filter((l) => l.startsWith('dictionary-probe:')).length };
  }

  const documents = () => query<{ id: number; path: string; ingested_at: string; pipeline_version: string }>('SELECT id, path, ingested_at, pipeline_version FROM documents ORDER BY id');

  beforeAll(() => {
    mkdirSync(input);
    for (const f of readdirSync(CORPUS)) copyFileSync(join(CORPUS, f), at(f));
  });

  it('a first run stores every file (and loads the dictionary to do so)', () => {
    const { summary, dictionaryReads } = cli('hakusho run, first');
    expect(summary.failed).toEqual([]);
    expect(summary.stored).toHaveLength(5);
    expect(dictionaryReads).toBeGreaterThan(0);
    expect(documents()).toHaveLength(5);
  });

  it('a second run over the unchanged folder skips every file without loading the dictionary, and writes no document', () => {
    const before = documents();
    const { summary, dictionaryReads } = cli('hakusho run, second (nothing changed)');
    expect(summary.stored).toEqual([]);
    expect(summary.skipped.sort()).toEqual(readdirSync(input).map(at).sort());
    expect(summary.missing).toEqual([]);
    expect(dictionaryReads).toBe(0);
    expect(documents()).toEqual(before);
    const first = timings['hakusho run, first']!;
    const second = timings['hakusho run, second (nothing changed)']!;
    console.log(`incremental: hakusho run over corpus/ first ${first.toFixed(0)} ms, again with nothing changed ${second.toFixed(0)} ms (${(first / second).toFixed(1)}× faster, node start-up included)`);
    expect(second).toBeLessThan(first);
  });

  it('in-process, an unchanged folder hands no file to the pipeline and never asks for the tokenizer', async () => {
    const before = documents();
    const summary = await run('runBatch in-process (nothing changed)');
    expect(summary.stored).toEqual([]);
    expect(summary.skipped).toHaveLength(5);
    expect(processed).toEqual([]);
    expect(tokenizerRequested()).toBe(false);
    expect(documents()).toEqual(before);
  });

  it('a document stored by an older pipeline version is processed again, in place', async () => {
    const target = at('003_a13703324aa8d91f.txt');
    const conn = new Database(db);
    conn.prepare("UPDATE documents SET pipeline_version = 'whitepaper-ja/0' WHERE path = ?").run(target);
    conn.close();
    const before = documents();
    const summary = await run('older pipeline version');
    expect(summary.stored).toEqual([target]);
    expect(processed).toEqual([target]);
    expect(summary.skipped).toHaveLength(4);
    const after = documents();
    expect(after.map((d) => d.id)).toEqual(before.map((d) => d.id));
    expect(new Set(after.map((d) => d.pipeline_version))).toEqual(new Set([rulesVersion().id]));
  });

  it('--force processes every file again and stores nothing twice', async () => {
    const before = documents();
    const counts = 'SELECT (SELECT count(*) FROM sections) AS sections, (SELECT count(*) FROM facts) AS facts, (SELECT count(*) FROM revisions) AS revisions';
    const rowsBefore = query(counts);
    const summary = await run('--force', { force: true });
    expect(summary.stored).toHaveLength(5);
    expect(processed.sort()).toEqual(readdirSync(input).map(at).sort());
    expect(documents().map((d) => d.id)).toEqual(before.map((d) => d.id));
    expect(query(counts)).toEqual(rowsBefore);
  });

  it('a renamed or moved file is recognised by its content: skipped, its new path remembered, not reported missing', async () => {
    mkdirSync(at('moved'));
    const from = at('000_0e3f9a925e004c1f.txt');
    const to = at('moved/renamed.txt');
    renameSync(from, to);
    const summary = await run('rename');
    expect(summary.stored).toEqual([]);
    expect(processed).toEqual([]);
    expect(summary.skipped).toContain(to);
    expect(summary.missing).toEqual([]);
    expect(documents()).toHaveLength(5);
    const paths = query<{ path: string }>('SELECT p.path FROM document_paths p JOIN documents d ON d.id = p.document_id WHERE d.path = ? ORDER BY p.path', from);
    expect(paths.map((p) => p.path)).toEqual([from, to]);
  });

  it('a file that disappeared is reported missing, and its document is kept', async () => {
    const gone = at('001_54f9b4840afe051d.txt');
    rmSync(gone);
    const summary = await run('delete');
    expect(summary.missing).toEqual([gone]);
    expect(summary.stored).toEqual([]);
    expect(query('SELECT id FROM documents WHERE path = ?', gone)).toHaveLength(1);
  });

  it('a new edition added to the folder is the only file processed; it joins its family as the latest edition', async () => {
    const added = at('004-1.4.txt');
    copyFileSync(join(FIXTURES, 'infocms-1.4.txt'), added);
    const summary = await run('new edition');
    expect(summary.stored).toEqual([added]);
    expect(processed).toEqual([added]);
    expect(summary.skipped).toHaveLength(4);

    const editions = query<{ path: string; version: string; edition_rank: number; previous_document_id: number | null; id: number }>(
      "SELECT id, path, version, edition_rank, previous_document_id FROM editions WHERE vendor = '株式会社インフォネット' ORDER BY edition_rank",
    );
    expect(editions.map((e) => [e.version, e.edition_rank])).toEqual([
      ['1.4', 1],
      ['1.3', 2],
    ]);
    expect(editions[0]!.previous_document_id).toBe(editions[1]!.id);
    expect(query("SELECT path, version FROM latest_editions WHERE vendor = '株式会社インフォネット'")).toEqual([{ path: added, version: '1.4' }]);
    expect(query('SELECT count(*) AS n FROM latest_editions')).toEqual([{ n: 5 }]);
    console.log(`incremental: ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join('; ')}`);
  });
});
