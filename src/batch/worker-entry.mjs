// Entry of a pipeline worker thread, plain JavaScript so that it runs as it is. It loads pdfjs
// first (src/extract/pdfjs.mjs, natively: ~0.2 s, the longest part of a worker's start), then the
// worker module the pool names: the compiled worker.js next to a compiled pool, or, when the pool
// runs from the TypeScript sources (tests, eval), worker.ts through tsx, so that the workers
// always run the code their pool was loaded from. Worker threads do not inherit the main thread's
// module hooks, so the worker registers tsx itself; after pdfjs, which through tsx's hooks takes
// 1.1–1.4 s to load. A failure to start is reported in-band, so the pool stops instead of
// retrying forever.
import { parentPort, workerData } from 'node:worker_threads';

try {
  await import('../extract/pdfjs.mjs');
  if (workerData.worker.endsWith('.ts')) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  await import(workerData.worker);
} catch (e) {
  parentPort?.postMessage({ type: 'startup-failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
