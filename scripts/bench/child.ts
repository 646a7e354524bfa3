// One measurement of the benchmark, run in a child process of its own so that its peak memory
// (process.resourceUsage().maxRSS: the whole process, worker threads included) is its alone.
// Prints one JSON line on stdout.
//   child.ts pipeline <dir> <db> <jobs>   the batch run (worker pool) of the build, dist/ (bench.ts
//                                         builds it first), as `hakusho run` does it
//   child.ts kuromoji <dir>               one dictionary load, every file tokenized line by line
//   child.ts tokenizer <dir>              the same with kuromoji as hakusho builds it
//   child.ts stages <dir>                 the pipeline's stages one after the other, in this
//                                         thread, each timed (where the time goes; from the sources)
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const [mode, dir, ...rest] = process.argv.slice(2);
if (!mode || !dir) throw new Error('usage: child.ts pipeline|kuromoji|stages <dir> …');
const files = (ext: RegExp) =>
  readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(dir, f));

const out: Record<string, unknown> = { mode };
const t0 = performance.now();

if (mode === 'pipeline') {
  const [db, jobs] = rest;
  // The compiled batch run, whose workers load the compiled pipeline (typed by its sources).
  const built = new URL('../../dist/src/batch/run.js', import.meta.url).href;
  const { runBatch } = (await import(built)) as typeof import('../../src/batch/run.ts');
  // The compiled pipeline too: compiled workers cannot load TypeScript.
  const { whitepaperJa } = (await import(new URL('../../dist/pipelines/version.js', import.meta.url).href)) as typeof import('../../pipelines/version.ts');
  const Database = (await import('better-sqlite3')).default;
  const start = performance.now();
  const summary = await runBatch({ pipeline: whitepaperJa(), paths: [dir], db: db!, jobs: Number(jobs), force: false });
  out.ms = performance.now() - start;
  out.stored = summary.stored.length;
  out.skipped = summary.skipped.length;
  out.failed = summary.failed.length;
  out.failures = [...new Set(summary.failed.map((f) => `${f.rule}: ${f.reason}`))].slice(0, 3);
  // A batch that stopped (its workers could not start) stores nothing and fails no file: say why.
  if (summary.halted) (out.failures as string[]).unshift(`halted: ${summary.halted.reason}`);
  const conn = new Database(db!, { readonly: true });
  out.pages = (conn.prepare('SELECT coalesce(sum(pages), 0) AS n FROM documents').get() as { n: number }).n;
  out.sections = (conn.prepare('SELECT count(*) AS n FROM sections').get() as { n: number }).n;
  out.facts = (conn.prepare('SELECT count(*) AS n FROM facts').get() as { n: number }).n;
  conn.close();
} else if (mode === 'kuromoji' || mode === 'tokenizer') {
  // kuromoji as published, built as its README says; or as hakusho builds it (src/facts/tokenizer.ts).
  let tokenizer: import('kuromoji').Tokenizer<import('kuromoji').IpadicFeatures>;
  if (mode === 'kuromoji') {
    const kuromoji = require('kuromoji') as typeof import('kuromoji');
    const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
    tokenizer = await new Promise((resolve, reject) => kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t))));
  } else {
    tokenizer = await (await import('../../src/facts/tokenizer.ts')).getTokenizer();
  }
  out.loadMs = performance.now() - t0;
  let chars = 0;
  let tokens = 0;
  for (const f of files(/\.(txt|md)$/)) {
    for (const line of readFileSync(f, 'utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      chars += line.length;
      tokens += tokenizer.tokenize(line).length;
    }
  }
  out.ms = performance.now() - t0;
  out.chars = chars;
  out.tokens = tokens;
} else if (mode === 'stages') {
  // The composition of pipelines/whitepaper-ja.ts, stage by stage (informative only).
  const { formatOf } = await import('../../src/ingest/formats.ts');
  const { extractText } = await import('../../src/extract/text.ts');
  const { extractPdf } = await import('../../src/extract/pdf.ts');
  const { normalizeLines } = await import('../../src/normalize/lines.ts');
  const { segment } = await import('../../src/segment/sections.ts');
  const { extractMetadata } = await import('../../src/segment/metadata.ts');
  const { analyzeSections } = await import('../../src/facts/index.ts');
  const { indexText } = await import('../../src/search/tokens.ts');
  const { getTokenizer } = await import('../../src/facts/tokenizer.ts');
  const stages: Record<string, number> = { 'dictionary load': 0, extract: 0, 'normalize+segment+metadata': 0, 'facts+tokens': 0, 'search text': 0 };
  const time = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await f();
    stages[name]! += performance.now() - t;
    return r;
  };
  await time('dictionary load', () => getTokenizer());
  let failed = 0;
  for (const f of files(/\.(txt|md|pdf)$/i)) {
    try {
      const bytes = readFileSync(f);
      const x = await time('extract', () => (formatOf(f) === 'pdf' ? extractPdf(bytes) : extractText(bytes)));
      const sections = await time('normalize+segment+metadata', () => {
        const lines = normalizeLines(x.lines);
        extractMetadata(lines, x.info);
        return segment(lines);
      });
      const { words } = await time('facts+tokens', () => analyzeSections(sections));
      await time('search text', () => words.map((w) => indexText(w)));
    } catch {
      failed++;
    }
  }
  out.ms = performance.now() - t0;
  out.stages = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)]));
  out.failed = failed;
} else {
  throw new Error(`unknown mode ${mode}`);
}

out.maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify(out)}\n`);
