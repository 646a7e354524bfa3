// Entry of a pipeline worker thread, plain JavaScript so that nothing has to be compiled before
// it runs. It loads pdfjs first (src/extract/pdfjs.mjs: ~0.2 s, the longest part of a worker's
// start), meanwhile the pool bundles the TypeScript pipeline (worker-bundle.ts) and sends it on
// the `pipeline` port; then it imports the bundle, whose first module starts building the
// tokenizer (worker-dictionary.ts). A failure to start is reported in-band, so the pool stops
// instead of retrying forever.
import { parentPort, workerData } from 'node:worker_threads';

/** The pipeline's code, as a data: URL, or why the pool has none. */
function pipelineUrl() {
  const port = workerData.pipeline;
  return new Promise((resolve, reject) =>
    port.once('message', (m) => {
      port.close();
      if ('url' in m) resolve(m.url);
      else reject(new Error(m.error));
    }),
  );
}

try {
  const url = pipelineUrl();
  await import('../extract/pdfjs.mjs');
  await import(await url);
} catch (e) {
  parentPort?.postMessage({ type: 'startup-failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
