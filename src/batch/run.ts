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
import { InputError, toDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { sha256 } from '../ingest/hash.ts';
import { walk } from '../ingest/walk.ts';
import { checkDatabase, closeAfterWriting, openForWrite, writeError } from '../store/db.ts';
import { createWriter } from '../store/writer.ts';
import { acquireRunLock } from './lock.ts';
import { FILES_PER_WORKER, PoolError, workerPool } from './pool.ts';
import type { Pipeline } from './pipeline.ts';
import type { Processor } from './processor.ts';

export { inProcess, type Processor } from './processor.ts';
export type { Pipeline } from './pipeline.ts';

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
  /** What each file goes through, and the version stored with it (the `run` command passes whitepaper-ja). */
  pipeline: Pipeline;
  paths: string[];
  db: string;
  jobs: number;
  force: boolean;
  /** Per-file time limit in seconds (worker pool only). */
  timeout?: number;
  /** Heap limit of each worker in MB (worker pool only). */
  maxMemoryMb?: number;
  /** The most a PDF's streams may decode to, in MB (worker pool only; see src/extract/pdf-decode-limit.mjs). */
  maxDecodedMb?: number;
  /** How long to wait for another run on the same database to finish, in seconds (default 0). */
  wait?: number;
  /** Another run holds the database: this one waits for it (called once). */
  onWait?: (holder: string) => void;
  onStart?: (total: number) => void;
  /** A file is handed to the pipeline (not called for skipped files). */
  onFileStart?: (path: string) => void;
  onProgress?: (e: ProgressEvent) => void;
  /** The workers are loading the kuromoji dictionary (true), or have it (false): worker pool only. */
  onDictionary?: (loading: boolean) => void;
  /**
   * Aborting stops the run at once: no new file starts, and files being processed in workers are
   * abandoned (never half-written; the next run does them). With `inProcess`, they finish.
   */
  signal?: AbortSignal;
  /** Where files are processed (default: the worker pool); given the jobs and the pipeline. */
  processor?: (jobs: number, pipeline: Pipeline) => Processor;
}

export interface RunSummary {
  stored: string[];
  skipped: string[];
  failed: { path: string; reason: string; rule: string }[];
  warnings: { path: string; message: string; rule: string }[];
  /** Stored documents whose file is no longer under the given folders: reported, never deleted. */
  missing: string[];
  runId: number;
  /** Sections and facts of the documents stored by this run. */
  sections: number;
  facts: number;
  /** The run's duration, in milliseconds. */
  elapsedMs: number;
  /** The signal stopped the run before every file was seen. */
  interrupted: boolean;
  /**
   * Why the batch stopped before the end for a reason that is no one file's (the disk or the
   * database full, the workers unable to start): what was stored is kept, the rest is left for
   * the next run. Null when it went to the end.
   */
  halted: { rule: string; reason: string } | null;
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

/** An error that stops the whole batch, as the one message the user gets. */
function haltReason(dbPath: string, e: unknown): { rule: string; reason: string } {
  if (e instanceof PoolError) return { rule: 'workers', reason: e.message };
  const err = writeError(dbPath, e);
  return { rule: err instanceof InputError ? err.rule : 'internal', reason: err.message };
}

export async function runBatch(opts: RunOptions): Promise<RunSummary> {
  const startedAt = performance.now();
  const dbPath = resolve(opts.db);
  const PIPELINE_VERSION = opts.pipeline.version;
  const total = await count(opts.paths);
  // A file that is no hakusho database is refused before this run waits for anything.
  checkDatabase(dbPath);
  // The lock next: a second run waits before it touches the database (even its migrations).
  const release = await acquireRunLock(dbPath, { waitMs: (opts.wait ?? 0) * 1000, onWait: opts.onWait, signal: opts.signal });
  let db;
  let runId;
  try {
    db = openForWrite(dbPath);
    // We hold the lock, so a run still marked running was killed (SIGKILL, power loss): say so.
    db.prepare("UPDATE runs SET status = 'interrupted' WHERE status = 'running'").run();
    runId = Number(
      db
        .prepare('INSERT INTO runs (started_at, pipeline_version, args) VALUES (?, ?, ?)')
        .run(new Date().toISOString(), PIPELINE_VERSION, JSON.stringify({ paths: opts.paths, jobs: opts.jobs, force: opts.force }))
        .lastInsertRowid,
    );
  } catch (e) {
    if (db) closeAfterWriting(db);
    release();
    throw writeError(dbPath, e);
  }
  const processor = opts.processor
    ? opts.processor(opts.jobs, opts.pipeline)
    : workerPool({
        pipeline: opts.pipeline.module,
        jobs: opts.jobs,
        timeoutMs: opts.timeout !== undefined ? opts.timeout * 1000 : undefined,
        maxMemoryMb: opts.maxMemoryMb,
        maxDecodedMb: opts.maxDecodedMb,
        onDictionary: opts.onDictionary,
      });
  const writer = createWriter(db);
  const findBySha = db.prepare<[string], { id: number; pipeline_version: string }>(
    'SELECT id, pipeline_version FROM documents WHERE sha256 = ?',
  );
  const summary: RunSummary = { stored: [], skipped: [], failed: [], warnings: [], missing: [], sections: 0, facts: 0, elapsedMs: 0, runId, interrupted: false, halted: null };
  const seen = new Set<string>();
  // Documents found under some path in this run: their other, older paths are moves, not missing files.
  const present = new Set<number>();
  // The same content under two paths in one batch is processed once; the second path waits for it.
  const inFlight = new Map<string, Promise<number | null>>();
  let done = 0;
  let fatal: unknown = null;
  const stopped = () => Boolean(opts.signal?.aborted) || fatal !== null;
  // Workers are stopped at once: what they were doing is lost, never half-stored.
  const onAbort = () => void processor.close();
  // The database cannot take more (full, gone read-only…) or the workers cannot run: the first
  // such error stops the batch, and is the one reported; the files in flight are left for the next run.
  const halt = (e: unknown) => {
    if (fatal !== null) return;
    fatal = e;
    void processor.close();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  opts.onStart?.(total);

  const finish = (path: string, outcome: Outcome, rule?: string) => {
    done++;
    opts.onProgress?.({ done, total, path, outcome, ...(rule ? { rule } : {}) });
  };

  const fail = (path: string, d: Diagnostic) => {
    try {
      writer.recordFailure(runId, d);
    } catch (e) {
      return halt(e);
    }
    summary.failed.push({ path, reason: d.reason, rule: d.rule });
    finish(path, 'failed', d.rule);
  };

  // The paths of skipped files are touched in batches (writer.touchPaths), the last after the walk.
  const seenAgain: [number, string][] = [];
  const touchSeen = (): boolean => {
    try {
      if (seenAgain.length > 0) writer.touchPaths(seenAgain.splice(0));
      return true;
    } catch (e) {
      halt(e);
      return false;
    }
  };
  const skip = (id: number, path: string) => {
    present.add(id);
    if (seenAgain.push([id, path]) >= 256 && !touchSeen()) return;
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
      let result;
      try {
        opts.onFileStart?.(path);
        // The bytes go to a worker (transferred): only hash and size are used from here on.
        result = await processor.process(path, bytes);
      } catch (e) {
        if (stopped()) return null; // abandoned: neither stored nor failed
        if (e instanceof PoolError) {
          halt(e);
          return null;
        }
        fail(path, toDiagnostic(path, e));
        return null;
      }
      if (stopped()) return null;
      let id;
      try {
        id = writer.store({ path, sha256: hash, bytes: size, pipelineVersion: PIPELINE_VERSION, result, runId });
      } catch (e) {
        // Not the file's fault: the database's (its transaction rolled back, nothing half-stored).
        halt(e);
        return null;
      }
      present.add(id);
      for (const d of result.diagnostics) {
        if (d.severity !== 'info') summary.warnings.push({ path, message: d.reason, rule: d.rule });
      }
      summary.stored.push(path);
      summary.sections += result.sections.length;
      summary.facts += result.facts.length;
      finish(path, 'stored');
      return id;
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
      // An error outside a file's own handling stops the batch.
      const task: Promise<void> = handle(path)
        .catch(halt)
        .finally(() => running.delete(task));
      running.add(task);
    }
    await Promise.all(running);
    touchSeen();
    summary.interrupted = Boolean(opts.signal?.aborted);

    if (!summary.interrupted && fatal === null) {
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
    status = summary.interrupted ? 'interrupted' : fatal !== null ? 'failed' : 'finished';
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
    } catch (e) {
      // The run stays marked running, which the next run corrects; what was stored is kept.
      halt(e);
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await processor.close();
      closeAfterWriting(db);
      release();
    }
  }
  if (fatal !== null) summary.halted = haltReason(dbPath, fatal);
  summary.elapsedMs = performance.now() - startedAt;
  return summary;
}
