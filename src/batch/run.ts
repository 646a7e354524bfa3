// A batch run: walk, hash, skip what is stored, process the rest, write each document in its
// own transaction on this (the main) thread. Processing itself goes through a Processor, which
// runs the pipeline in-process or in worker threads.
import { readFile, access } from 'node:fs/promises';
import { resolve, relative, isAbsolute } from 'node:path';
import PQueue from 'p-queue';
import { PIPELINE_VERSION, processFile } from '../../pipelines/whitepaper-ja.ts';
import { toDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { sha256 } from '../ingest/hash.ts';
import { walk } from '../ingest/walk.ts';
import { openForWrite } from '../store/db.ts';
import { createWriter } from '../store/writer.ts';
import type { Result } from '../types.ts';
import { acquireRunLock } from './lock.ts';

export interface Processor {
  process(path: string, bytes: Uint8Array): Promise<Result>;
  close(): Promise<void>;
}

export const inProcess = (): Processor => ({ process: processFile, close: async () => {} });

export type Outcome = 'stored' | 'skipped' | 'failed';

export interface ProgressEvent {
  done: number;
  total: number;
  path: string;
  outcome: Outcome;
}

export interface RunOptions {
  paths: string[];
  db: string;
  jobs: number;
  force: boolean;
  onStart?: (total: number) => void;
  onProgress?: (e: ProgressEvent) => void;
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
  const total = await count(opts.paths);
  const db = openForWrite(opts.db);
  const release = acquireRunLock(opts.db);
  const processor = (opts.processor ?? inProcess)(opts.jobs);
  const writer = createWriter(db);
  const runId = Number(
    db
      .prepare('INSERT INTO runs (started_at, pipeline_version, args) VALUES (?, ?, ?)')
      .run(new Date().toISOString(), PIPELINE_VERSION, JSON.stringify({ paths: opts.paths, jobs: opts.jobs, force: opts.force }))
      .lastInsertRowid,
  );
  const findBySha = db.prepare<[string], { id: number; pipeline_version: string }>(
    'SELECT id, pipeline_version FROM documents WHERE sha256 = ?',
  );
  const summary: RunSummary = { stored: [], skipped: [], failed: [], warnings: [], missing: [], runId };
  const seen = new Set<string>();
  // The same content under two paths in one batch is processed once; the second path waits for it.
  const inFlight = new Map<string, Promise<number | null>>();
  let done = 0;
  opts.onStart?.(total);

  const finish = (path: string, outcome: Outcome) => {
    done++;
    opts.onProgress?.({ done, total, path, outcome });
  };

  const fail = (path: string, d: Diagnostic) => {
    writer.recordFailure(runId, d);
    summary.failed.push({ path, reason: d.reason, rule: d.rule });
    finish(path, 'failed');
  };

  const handle = async (path: string): Promise<void> => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (e) {
      fail(path, { path, severity: 'error', rule: 'unreadable', reason: `cannot read the file: ${(e as Error).message}` });
      return;
    }
    const hash = sha256(bytes);
    const pending = inFlight.get(hash);
    if (pending) {
      const id = await pending;
      if (id !== null) {
        writer.touchPath(id, path);
        summary.skipped.push(path);
        finish(path, 'skipped');
        return;
      }
    }
    const stored = findBySha.get(hash);
    if (stored && stored.pipeline_version === PIPELINE_VERSION && !opts.force) {
      writer.touchPath(stored.id, path);
      summary.skipped.push(path);
      finish(path, 'skipped');
      return;
    }
    const work = (async (): Promise<number | null> => {
      try {
        const result = await processor.process(path, bytes);
        const id = writer.store({ path, sha256: hash, bytes: bytes.length, pipelineVersion: PIPELINE_VERSION, result, runId });
        for (const d of result.diagnostics) {
          if (d.severity !== 'info') summary.warnings.push({ path, message: d.reason, rule: d.rule });
        }
        summary.stored.push(path);
        finish(path, 'stored');
        return id;
      } catch (e) {
        fail(path, toDiagnostic(path, e));
        return null;
      }
    })();
    inFlight.set(hash, work);
    await work;
    inFlight.delete(hash);
  };

  const queue = new PQueue({ concurrency: Math.max(1, opts.jobs) });
  try {
    for await (const path of walk(opts.paths)) {
      if (opts.signal?.aborted) break;
      seen.add(resolve(path));
      // Bounded work in flight: the walk waits while the queue is full, so memory does not
      // grow with the number of files.
      await queue.onSizeLessThan(Math.max(2, opts.jobs * 2));
      void queue.add(() => handle(path));
    }
    await queue.onIdle();

    const dirs = opts.paths;
    for (const row of db.prepare<[], { path: string }>('SELECT DISTINCT path FROM document_paths ORDER BY path').all()) {
      if (isUnder(row.path, dirs) && !seen.has(resolve(row.path)) && !(await exists(row.path))) summary.missing.push(row.path);
    }
    db.prepare('UPDATE runs SET finished_at = ?, stored = ?, skipped = ?, failed = ?, status = ? WHERE id = ?').run(
      new Date().toISOString(),
      summary.stored.length,
      summary.skipped.length,
      summary.failed.length,
      opts.signal?.aborted ? 'interrupted' : 'finished',
      runId,
    );
  } finally {
    await processor.close();
    db.close();
    release();
  }
  return summary;
}
