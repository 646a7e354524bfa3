// `npm run build` (also run by `npm ci` and `npm pack`, as the `prepare` script): compiles the CLI
// into dist/, which package.json's "bin" and "files" name.
//
//   dist/bin/hakusho.js, dist/src/**, dist/pipelines/**   tsc's JavaScript, one file per source file
//   dist/src/**/*.mjs                                      the plain-JavaScript sources, copied
//   dist/rules-version.json                                the rules version (pipelines/version.ts)
//
//   npm run build -- --out DIR       build into DIR instead (tests)
//   npm run build -- --rules-code    print the pipeline's code as the rules version digests it
//
// Tests, `npm run eval` and `npm run dev` run the TypeScript sources and never read dist/;
// `npm run bench` builds first, then measures dist/.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { computeRulesVersion, RULES_FILE, rulesBundleOptions } from '../pipelines/version.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The folders compiled; tsconfig.build.json's "include". */
const SOURCES = ['bin', 'src', 'pipelines'];

/** Compiles the sources into `out` (emptied first); returns the rules version written there. */
export function build(out = join(ROOT, 'dist')): string {
  rmSync(out, { recursive: true, force: true });
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
  // Type errors fail the build: a package is not made from code that does not typecheck.
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { cwd: ROOT, stdio: 'inherit' });
  // Plain JavaScript (worker-entry.mjs, pdfjs.mjs, bin/*.js) is used as it is.
  for (const dir of SOURCES) {
    for (const f of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (/\.m?js$/.test(f)) cpSync(join(ROOT, dir, f), join(out, dir, f));
    }
  }
  chmodSync(join(out, 'bin/hakusho.js'), 0o755);
  const rules = computeRulesVersion(ROOT);
  writeFileSync(join(out, RULES_FILE), `${JSON.stringify(rules, null, 2)}\n`);
  return rules.id;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'rules-code': { type: 'boolean' } } });
  if (values['rules-code']) {
    const esbuild = await import('esbuild');
    process.stdout.write(esbuild.buildSync(rulesBundleOptions(ROOT)).outputFiles[0]!.text);
  } else {
    const started = performance.now();
    const out = resolve(values.out ?? join(ROOT, 'dist'));
    const id = build(out);
    console.log(`hakusho: built ${relative(process.cwd(), out) || '.'}/ (rules ${id}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
