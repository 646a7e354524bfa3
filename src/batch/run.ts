// A batch run: walk, hash, skip what is stored, process the rest, write each document in its
// own transaction on this (the main) thread. Processing itself goes through a Processor: by
// default a pool of worker threads (pool.ts) with a per-file time limit and a heap limit per
// worker; `inProcess` runs the pipeline on this thread (library callers, tests).
//
// Memory stays bounded whatever the number of files: the walk is streamed and waits while a few
// files are being handled, so at most a few files' bytes and Results are held at once.
import { readFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve, relative, isAbsolute } from 'node:path';
import { rulesVersion } from '../../pipelines/version.ts';
import { toDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { sha256 } from '../ingest/hash.ts';
import { walk } from '../ingest/walk.ts';
import { openForWrite } from '../store/db.ts';
import { createWriter } from '../store/writer.ts';
import { acquireRunLock } from './lock.ts';
import { FILES_PER_WORKER, PoolError, workerPool } from './pool.ts';
import type { Processor } from './processor.ts';

export { inProcess, type Processor } from './processor.ts';

export type Outcome = 'stored' | 'skipped' | 'failed';

export interface ProgressEvent {
  done: number;
  total: number;
  path: string;
  outcome: Outcome;
  /** The rule of a failure (`empty`, `time-limit`, …). */
  rule?: string;
}

export interface RunOptions {
  paths: string[];
  db: string;
  jobs: number;
  force: boolean;
  /** Per-file time limit in seconds (worker pool only). */
  timeout?: number;
  /** Heap limit of each worker in MB (worker pool only). */
  maxMemoryMb?: number;
  onStart?: (total: number) => void;
  /** A file is handed to the pipeline (not called for skipped files). */
  onFileStart?: (path: string) => void;
  onProgress?: (e: ProgressEvent) => void;
  /**
   * Aborting stops the run at once: no new file starts, and files being processed in workers are
   * abandoned (never half-written; the next run does them). With `inProcess`, they finish.
   */
  signal?: AbortSignal;
  processor?: (jobs: number) => Processor;
}

export interface RunSummary {
  stored: string[];
  skipped: string[];
  failed: { path: string; reason: string; rule: string }[];
  warnings: { path: string; message: string; rule: string }[];
  /** Stored documents whose file is no longer under the given folders: reported, never deleted. */
  missing: string[];
  runId: number;
  /** The signal stopped the run before every file was seen. */
  interrupted: boolean;
}

async function count(paths: readonly string[]): Promise<number> {
  let n = 0;
  for await (const _ of walk(paths)) n++;
  return n;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function isUnder(path: string, roots: readonly string[]): boolean {
  const abs = resolve(path);
  return roots.some((r) => {
    const rel = relative(resolve(r), abs);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

export async function runBatch(opts: RunOptions): Promise<RunSummary> {
  // Stored with each document; a document stored under other rules is processed again.
  const PIPELINE_VERSION = rulesVersion().id;
  const total = await count(opts.paths);
  // The lock first: a second run stops before it touches the database (even its migrations).
  const release = acquireRunLock(opts.db);
  let db;
  try {
    db = openForWrite(opts.db);
  } catch (e) {
    release();
    throw e;
  }
  const processor = opts.processor
    ? opts.processor(opts.jobs)
    : workerPool({ jobs: opts.jobs, timeoutMs: opts.timeout !== undefined ? opts.timeout * 1000 : undefined, maxMemoryMb: opts.maxMemoryMb });
  const writer = createWriter(db);
  // We hold the lock, so a run still marked running was killed (SIGKILL, power loss): say so.
  db.prepare("UPDATE runs SET status = 'interrupted' WHERE status = 'running'").run();
  const runId = Number(
    db
      .prepare('INSERT INTO runs (started_at, pipeline_version, args) VALUES (?, ?, ?)')
      .run(new Date().toISOString(), PIPELINE_VERSION, JSON.stringify({ paths: opts.paths, jobs: opts.jobs, force: opts.force }))
      .lastInsertRowid,
  );
  const findBySha = db.prepare<[string], { id: number; pipeline_version: string }>(
    'SELECT id, pipeline_version FROM documents WHERE sha256 = ?',
  );
  const summary: RunSummary = { stored: [], skipped: [], failed: [], warnings: [], missing: [], runId, interrupted: false };
  const seen = new Set<string>();
  // Documents found under some path in this run: their other, older paths are moves, not missing files.
  const present = new Set<number>();
  // The same content under two paths in one batch is processed once; the second path waits for it.
  const inFlight = new Map<string, Promise<number | null>>();
  let done = 0;
  let fatal: Error | null = null;
  const stopped = () => Boolean(opts.signal?.aborted) || fatal !== null;
  // Workers are stopped at once: what they were doing is lost, never half-stored.
  const onAbort = () => void processor.close();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  opts.onStart?.(total);

  const finish = (path: string, outcome: Outcome, rule?: string) => {
    done++;
    opts.onProgress?.({ done, total, path, outcome, ...(rule ? { rule } : {}) });
  };

  const fail = (path: string, d: Diagnostic) => {
    writer.recordFailure(runId, d);
    summary.failed.push({ path, reason: d.reason, rule: d.rule });
    finish(path, 'failed', d.rule);
  };

  // The paths of skipped files are touched in batches (writer.touchPaths), the last after the walk.
  const seenAgain: [number, string][] = [];
  const touchSeen = () => seenAgain.length > 0 && writer.touchPaths(seenAgain.splice(0));
  const skip = (id: number, path: string) => {
    present.add(id);
    if (seenAgain.push([id, path]) >= 256) touchSeen();
    summary.skipped.push(path);
    finish(path, 'skipped');
  };

  const handle = async (path: string): Promise<void> => {
    if (stopped()) return;
    let bytes: Uint8Array;
    try {
      // Synchronously: an unchanged re-run reads every file to hash it, and a readFile of the
      // promises API takes four round trips to libuv's threads (measured: 200 texts 43 → 27 ms).
      bytes = readFileSync(path);
    } catch (e) {
      fail(path, { path, severity: 'error', rule: 'unreadable', reason: `cannot read the file: ${(e as Error).message}` });
      return;
    }
    const hash = sha256(bytes);
    const size = bytes.length;
    const pending = inFlight.get(hash);
    if (pending) {
      const id = await pending;
      if (id !== null) return skip(id, path);
    }
    const stored = findBySha.get(hash);
    if (stored && stored.pipeline_version === PIPELINE_VERSION && !opts.force) return skip(stored.id, path);
    if (stopped()) return;
    const work = (async (): Promise<number | null> => {
      try {
        opts.onFileStart?.(path);
        // The bytes go to a worker (transferred): only hash and size are used from here on.
        const result = await processor.process(path, bytes);
        const id = writer.store({ path, sha256: hash, bytes: size, pipelineVersion: PIPELINE_VERSION, result, runId });
        present.add(id);
        for (const d of result.diagnostics) {
          if (d.severity !== 'info') summary.warnings.push({ path, message: d.reason, rule: d.rule });
        }
        summary.stored.push(path);
        finish(path, 'stored');
        return id;
      } catch (e) {
        if (opts.signal?.aborted) return null; // abandoned: neither stored nor failed
        if (e instanceof PoolError) {
          fatal ??= e;
          return null;
        }
        fail(path, toDiagnostic(path, e));
        return null;
      }
    })();
    inFlight.set(hash, work);
    await work;
    inFlight.delete(hash);
  };

  // Enough files in flight for every worker to hold its next one (see pool.ts).
  const concurrency = Math.max(1, opts.jobs) * FILES_PER_WORKER;
  const running = new Set<Promise<void>>();
  let status = 'failed';
  try {
    for await (const path of walk(opts.paths)) {
      if (stopped()) break;
      seen.add(resolve(path));
      // Bounded work in flight: the walk waits while `concurrency` files are being handled, so
      // memory does not grow with the number of files.
      while (running.size >= concurrency) await Promise.race(running);
      // An error outside a file's own handling (the database full, say) stops the batch.
      const task: Promise<void> = handle(path)
        .catch((e: Error) => {
          fatal ??= e;
        })
        .finally(() => running.delete(task));
      running.add(task);
    }
    await Promise.all(running);
    touchSeen();
    if (fatal) throw fatal;
    summary.interrupted = Boolean(opts.signal?.aborted);

    if (!summary.interrupted) {
      const dirs = opts.paths;
      const rows = db.prepare<[], { path: string; document_id: number }>('SELECT path, document_id FROM document_paths ORDER BY path').all();
      const moved = new Set(rows.filter((r) => present.has(r.document_id)).map((r) => r.path));
      for (const path of new Set(rows.map((r) => r.path))) {
        if (isUnder(path, dirs) && !seen.has(resolve(path)) && !moved.has(path) && !(await exists(path))) summary.missing.push(path);
      }
    }
    // Files finish in whatever order the workers get through them: report them in path order.
    const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    summary.stored.sort(byPath);
    summary.skipped.sort(byPath);
    summary.failed.sort((a, b) => byPath(a.path, b.path));
    summary.warnings.sort((a, b) => byPath(a.path, b.path));
    status = summary.interrupted ? 'interrupted' : 'finished';
  } finally {
    try {
      db.prepare('UPDATE runs SET finished_at = ?, stored = ?, skipped = ?, failed = ?, status = ? WHERE id = ?').run(
        new Date().toISOString(),
        summary.stored.length,
        summary.skipped.length,
        summary.failed.length,
        status,
        runId,
      );
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await processor.close();
      db.close();
      release();
    }
  }
  return summary;
}
