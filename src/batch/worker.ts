// A pipeline worker thread: receives one file at a time (its bytes transferred, not copied), runs
// the pure pipeline and posts the Result back. The main thread alone touches the database.
// The kuromoji dictionary is loaded by the pipeline's tokenizer module on first use and stays
// cached in this thread for every later file.
import { parentPort } from 'node:worker_threads';
import { processFile } from '../../pipelines/whitepaper-ja.ts';
import { InputError } from '../diagnostics.ts';
import type { Result } from '../types.ts';

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

const port = parentPort;
if (!port) throw new Error('src/batch/worker.ts runs only as a worker thread (see src/batch/pool.ts)');

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

port.on('message', async (task: Task) => {
  try {
    await testFault(task.path);
    const result = await processFile(task.path, task.bytes);
    port.postMessage({ type: 'done', id: task.id, result } satisfies Reply);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({
      type: 'error',
      id: task.id,
      error: { name: err.name, message: err.message, rule: err instanceof InputError ? err.rule : undefined, page: err instanceof InputError ? err.page : null },
    } satisfies Reply);
  }
});

port.postMessage({ type: 'ready' } satisfies Reply);
