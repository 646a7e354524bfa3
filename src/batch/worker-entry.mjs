// Entry of a pipeline worker thread. Worker threads do not inherit the main thread's module
// hooks, and on Node 20 `--import tsx/esm` in a worker's execArgv does not apply to the worker's
// own imports (measured), so the worker registers tsx itself, as bin/hakusho.js does, then loads
// the TypeScript worker. 'tsx/esm/api' resolves from this file, so the current directory does not
// matter. A failure to load is reported in-band, so the pool stops instead of retrying forever.
// pdfjs is loaded first, natively: through tsx it takes 1.1–1.4 s per worker (see
// src/extract/pdfjs.mjs). The tokenizer starts building next, while the pipeline's modules load.
import { parentPort } from 'node:worker_threads';

try {
  await import('../extract/pdfjs.mjs');
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker-dictionary.ts');
  await import('./worker.ts');
} catch (e) {
  parentPort?.postMessage({ type: 'startup-failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
