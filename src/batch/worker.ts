// A pipeline worker thread: receives files (the next one while it processes the current one),
// runs the pure pipeline on each in turn and posts each Result back. The main thread alone
// touches the database. The kuromoji tokenizer (the pipeline's tokenizer module caches it per
// thread) is built once, as the worker starts (worker-dictionary.ts), and serves every file.
// Loaded by worker-entry.mjs, from the same code as the pool (see WORKER in pool.ts).
import './worker-dictionary.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../diagnostics.ts';
import { getTokenizer } from '../facts/tokenizer.ts';
import type { Result } from '../types.ts';
import type { PipelineModule } from './pipeline.ts';

export interface Task {
  id: number;
  path: string;
  bytes: Uint8Array;
}

export type Reply =
  | { type: 'ready' }
  | { type: 'startup-failed'; message: string }
  | { type: 'done'; id: number; result: Result }
  | { type: 'error'; id: number; error: { name: string; message: string; rule?: string; page?: number | null } };

const port = parentPort!;
if (!parentPort) throw new Error('src/batch/worker.ts runs only as a worker thread (see src/batch/pool.ts)');
const data = workerData as { pipeline: string; maxDecodedMb?: number };
// The pipeline the pool was given (src/batch/pipeline.ts), by URL.
const { processFile } = (await import(data.pipeline)) as PipelineModule;

// Test-only fault injection, so tests can check that the pool survives a worker that hangs,
// crashes or runs out of memory. Each names a substring of the file path; unset in normal use.
async function testFault(path: string): Promise<void> {
  const on = (name: string) => {
    const v = process.env[name];
    return v !== undefined && v !== '' && path.includes(v);
  };
  if (on('HAKUSHO_TEST_HANG_ON')) for (;;);
  if (on('HAKUSHO_TEST_CRASH_ON')) {
    await new Promise(() => setImmediate(() => {
      throw new Error('test crash');
    }));
  }
  if (on('HAKUSHO_TEST_OOM_ON')) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array(1 << 20).fill(hog.length + 0.5));
  }
}

// One file: the whole pipeline runs here; only its Result (or the error, with its rule) goes back.
async function handle(task: Task): Promise<void> {
  try {
    await testFault(task.path);
    const result = await processFile(task.path, task.bytes, { maxDecodedMb: data.maxDecodedMb });
    port.postMessage({ type: 'done', id: task.id, result } satisfies Reply);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({
      type: 'error',
      id: task.id,
      error: { name: err.name, message: err.message, rule: err instanceof InputError ? err.rule : undefined, page: err instanceof InputError ? err.page : null },
    } satisfies Reply);
  }
}

// Test-only, like testFault: a worker that cannot start (the pool must stop, not retry forever).
if (process.env.HAKUSHO_TEST_STARTUP_FAIL) throw new Error('test startup failure');
// The tokenizer is built before the first file (worker-dictionary.ts started it), off that
// file's clock; a failure shows again, per file, when a file needs it.
await getTokenizer().catch(() => undefined);
// One file at a time, in the order sent: the pool sends the next file while this one runs.
let queue = Promise.resolve();
port.on('message', (task: Task) => {
  queue = queue.then(() => handle(task));
});
port.postMessage({ type: 'ready' } satisfies Reply);
