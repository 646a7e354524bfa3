// pdfjs-dist, loaded once per thread, and the options hakusho opens every PDF with; used by the
// PDF extractor (through pdf.ts), the benchmark and the fixture scripts alike.
//
// Plain JavaScript, so that a worker thread imports it natively (src/batch/worker-entry.mjs),
// and the pipeline's bundle the same module by URL (src/batch/worker-bundle.ts): through tsx's
// loader hooks, pdfjs's 4 MB of JavaScript took 1.1–1.4 s to import, natively 0.2 s (measured).
//
// The legacy build (the one that runs on Node 20) bundles core-js twice: in pdf.mjs and in the
// worker code that pdfjs would import into this thread on first use. On Node 20 core-js replaces
// Array.prototype.push with a JavaScript version, forced by an engine quirk with array-likes
// longer than 2^32 − 1 that no code here meets. Every push in the thread then goes through it:
// measured on the bench corpus, kuromoji tokenized 1.8× slower and pdfjs itself read 9% slower.
// So both bundles are loaded here, up front (pdfjs takes a preloaded worker from
// globalThis.pdfjsWorker), and the engine's own push is put back. core-js's additions
// (Promise.withResolvers, Uint8Array.fromBase64, …), which pdfjs needs on Node 20, stay.
//
// The worker code is imported from its text with one line added, which exports the stream classes
// that decode PDF streams, so that pdf-decode-limit.mjs can bound what they decode (the package
// exports only WorkerMessageHandler). pdfjs-dist is pinned to one version; a test reads a
// decompression bomb through each path this guards.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { installDecodeLimit } from './pdf-decode-limit.mjs';

const require = createRequire(import.meta.url);
const STREAM_CLASSES = '\nexport { DecodeStream as __DecodeStream, BrotliStream as __BrotliStream };\n//# sourceURL=pdf.worker.mjs\n';

async function importWorker() {
  const source = await readFile(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
  return import(`data:text/javascript,${encodeURIComponent(source + STREAM_CLASSES)}`);
}

const enginePush = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
export const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
if (!globalThis.pdfjsWorker) {
  const worker = await importWorker();
  installDecodeLimit({ DecodeStream: worker.__DecodeStream, BrotliStream: worker.__BrotliStream });
  globalThis.pdfjsWorker = worker;
}
Object.defineProperty(Array.prototype, 'push', enginePush);

// The CMaps and standard-font data that ship inside pdfjs-dist. Without the CMaps, a PDF whose
// Japanese CID fonts are not embedded (HeiseiKakuGo-W5, MS-Mincho…) yields no text at all.
const ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * Opens a PDF for text extraction. pdfjs transfers (detaches) the buffer it is given, so it gets
 * a copy, never the caller's bytes. Fonts are parsed for their text only: no eval, no system
 * fonts, no font faces.
 */
export function openPdf(bytes, verbosity = pdfjs.VerbosityLevel.ERRORS) {
  return pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(ROOT, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(ROOT, 'standard_fonts') + '/',
    wasmUrl: join(ROOT, 'wasm') + '/',
    verbosity,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
  });
}
