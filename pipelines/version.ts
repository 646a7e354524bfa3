// The rules version stored with every document (`documents.pipeline_version`): a document stored
// under another rules version is processed again by the next run. It is a digest of
//   - the pipeline's code as compiled: pipelines/whitepaper-ja.ts and every module it imports,
//     bundled by esbuild with whitespace and comments dropped, so that editing a comment or
//     reformatting changes nothing, while any change to what the code does changes it; a module
//     the pipeline does not import (the CLI, the store, the worker machinery) is not in it;
//   - the installed versions of the packages that shape a Result: pdfjs-dist (reads the PDFs),
//     kuromoji (splits the words, with the dictionary it ships), and any other package the
//     pipeline's code imports (found in the bundle).
// The build computes it once (scripts/build.ts) into dist/rules-version.json, which the compiled
// CLI reads; run from the TypeScript sources (tests, eval, `npm run dev`), this module computes it with
// the same function, so the sources and a build of them give the same version.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Metafile } from 'esbuild';
import type { Pipeline } from '../src/batch/pipeline.ts';

export const RULES_NAME = 'whitepaper-ja';
/** The pipeline's entry, relative to the project root. */
const ENTRY = `pipelines/${RULES_NAME}.ts`;
/** Packages the pipeline loads without an import esbuild could see (kuromoji through createRequire). */
const SHAPING_PACKAGES = ['kuromoji', 'pdfjs-dist'];
/** Where the build writes the version, relative to the root of the build (dist/). */
export const RULES_FILE = 'rules-version.json';

export interface RulesVersion {
  /** What is stored with each document: `whitepaper-ja/` and 12 hex digits. */
  id: string;
  /** The digest of the pipeline's compiled code alone (12 hex digits). */
  code: string;
  /** Package name → installed version, for the packages that shape a Result. */
  packages: Record<string, string>;
}

/** esbuild's options for the pipeline's code as the digest sees it (scripts/build.ts shows it with --rules-code). */
export function rulesBundleOptions(root: string): BuildOptions & { write: false; metafile: true } {
  return {
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    minifyWhitespace: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    metafile: true,
    logLevel: 'silent',
  };
}

/** The package a bare import specifier names (`pdfjs-dist/legacy/build/pdf.mjs` → `pdfjs-dist`), or null for `node:fs`, `./x`. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('node:') || specifier.startsWith('.') || specifier.startsWith('/')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return isBuiltin(name) ? null : name;
}

/** The packages the bundle imports. */
function importedPackages(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const input of Object.values(metafile.inputs)) {
    for (const i of input.imports) if (i.external) names.add(packageOf(i.path) ?? '');
  }
  names.delete('');
  return [...names];
}

/**
 * The rules version of the pipeline whose sources are under `root`, with the packages installed
 * for it (`installedVersion` reads them; tests pass their own). Needs esbuild (a development
 * dependency): the build calls it, and the sources when run as they are.
 */
export function computeRulesVersion(root: string, installedVersion: (name: string) => string = installedFrom(root)): RulesVersion {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync(rulesBundleOptions(root));
  const code = createHash('sha256').update(out.outputFiles[0]!.contents).digest('hex').slice(0, 12);
  const names = [...new Set([...SHAPING_PACKAGES, ...importedPackages(out.metafile)])].sort();
  const packages = Object.fromEntries(names.map((n) => [n, installedVersion(n)]));
  const hash = createHash('sha256').update(code);
  for (const [n, v] of Object.entries(packages)) hash.update(`\0${n}@${v}`);
  return { id: `${RULES_NAME}/${hash.digest('hex').slice(0, 12)}`, code, packages };
}

/**
 * The version of a package as installed for the code under `root`. Its package.json is found by
 * walking up from the file the package resolves to: some packages (csv-parse) do not export it.
 */
function installedFrom(root: string): (name: string) => string {
  const require = createRequire(join(root, 'package.json'));
  return (name) => {
    let dir = dirname(require.resolve(name));
    for (;;) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
        if (pkg.name === name) return pkg.version;
      }
      const up = dirname(dir);
      if (up === dir) throw new Error(`cannot find the package.json of ${name}`);
      dir = up;
    }
  };
}

/** This module is the TypeScript source (run through tsx), not its build. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

let memo: RulesVersion | undefined;

/**
 * The rules version of this hakusho: as the build recorded it (dist/rules-version.json), or,
 * running from the sources, computed from them now (~0.1 s, once per process, and only by what
 * needs it: `hakusho run`, `--version`).
 */
export function rulesVersion(): RulesVersion {
  memo ??= FROM_SOURCES
    ? computeRulesVersion(fileURLToPath(new URL('..', import.meta.url)))
    : (JSON.parse(readFileSync(new URL(`../${RULES_FILE}`, import.meta.url), 'utf8')) as RulesVersion);
  return memo;
}

/** `--version`'s line about the rules: the id and what it is made of. */
export function describeRules(v: RulesVersion): string {
  const packages = Object.entries(v.packages).map(([n, version]) => `${n} ${version}`);
  return `rules ${v.id} (pipeline code ${v.code}, ${packages.join(', ')})`;
}

/** The whitepaper-ja pipeline as the batch takes it: its module beside this one (compiled in a build, TypeScript in the sources) and its rules version. */
export function whitepaperJa(): Pipeline {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return { version: rulesVersion().id, module: new URL(`./${RULES_NAME}${ext}`, import.meta.url) };
}
