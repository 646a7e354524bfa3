// The pipeline's TypeScript, bundled by esbuild into one ES module for the worker threads.
//
// Loading the pipeline through tsx in every worker cost each one ~0.35 s before its first file
// (tsx's loader thread, then one round trip to it per module; measured on the PDF bench), more
// than all the rest of its start but pdfjs. The bundle is built once per process, in memory
// (~50 ms, while the workers load pdfjs), from the sources as they are: nothing is written to
// disk, so it can never be stale. The workers import it from a data: URL.
//
// What is not bundled stays where it is, imported by absolute file: URL (a data: URL has no
// place to resolve a relative or bare specifier from): packages, and the plain-JavaScript pdfjs
// loader, which the worker has imported before the bundle (src/extract/pdfjs.mjs) and must be
// the same module. Each bundled module keeps its own import.meta.url, for the paths it resolves
// from it (the kuromoji dictionary, the pipeline version's sources).
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

const ENTRY = new URL('./worker.ts', import.meta.url);
/** The name stack traces give the bundle's frames (its code comes from a data: URL). */
const BUNDLE_NAME = 'hakusho-worker-bundle.mjs';

const inPlace: Plugin = {
  name: 'hakusho-in-place',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      isBuiltin(args.path) ? { external: true } : { path: import.meta.resolve(args.path), external: true },
    );
    build.onResolve({ filter: /\.mjs$/ }, (args) => ({ path: new URL(args.path, pathToFileURL(`${args.resolveDir}/`)).href, external: true }));
    build.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

let built: Promise<string> | null = null;

/** The worker's code (src/batch/worker.ts and everything it imports), as a data: URL to import. */
export function workerBundle(): Promise<string> {
  built ??= (async () => {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [fileURLToPath(ENTRY)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      plugins: [inPlace],
    });
    const code = `${out.outputFiles[0]!.text}\n//# sourceURL=${BUNDLE_NAME}\n`;
    return `data:text/javascript,${encodeURIComponent(code)}`;
  })();
  // A failed build is not cached: the next pool tries again.
  built.catch(() => {
    built = null;
  });
  return built;
}

/** What the pool sends on a worker's pipeline port, once (read by worker-entry.mjs). */
export type PipelineMessage = { url: string } | { error: string };
