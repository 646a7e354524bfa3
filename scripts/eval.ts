// `npm run eval`: runs the pipeline over corpus/ (or the PDF fixtures) into a fresh database and
// compares what the database holds with test/gold/*.json: precision, recall and F1 for sections
// (control ids), section starts, metadata and facts, per document and in total.
//
//   npm run eval                 text corpus (corpus/)
//   npm run eval -- --pdf        the PDF renderings (test/fixtures/pdf/)
//   npm run eval -- --dir D      any folder whose file names match the gold files
//   npm run eval -- --json       also print the figures as JSON (for scripts and tests)
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBatch } from '../src/batch/run.ts';
import { score, type Gold, type Scores } from './eval-score.ts';

const { values } = parseArgs({ options: { pdf: { type: 'boolean' }, dir: { type: 'string' }, json: { type: 'boolean' }, gold: { type: 'string' } } });
const dir = values.dir ?? (values.pdf ? 'test/fixtures/pdf' : 'corpus');
const goldDir = values.gold ?? 'test/gold';

const work = mkdtempSync(join(tmpdir(), 'hakusho-eval-'));
const dbPath = join(work, 'eval.sqlite');
try {
  const summary = await runBatch({ paths: [dir], db: dbPath, jobs: 2, force: true });
  for (const f of summary.failed) console.error(`failed: ${f.path}: ${f.reason}`);
  const db = new Database(dbPath, { readonly: true });
  const golds = readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as Gold);
  const scores: Scores = score(db, golds, (path) => basename(path).replace(/\.[^.]+$/, ''));
  db.close();
  printScores(scores);
  if (values.json) console.log(JSON.stringify(scores));
} finally {
  rmSync(work, { recursive: true, force: true });
}

function printScores(s: Scores): void {
  const f3 = (x: number) => x.toFixed(3);
  console.log(`hakusho eval: ${dir} against ${goldDir}\n`);
  console.log('document                   sections P/R/F1          starts  27001map  metadata  facts P/R/F1');
  for (const d of s.documents) {
    console.log(
      `${d.file.padEnd(26)} ${f3(d.sections.p)}/${f3(d.sections.r)}/${f3(d.sections.f1)}  ${f3(d.starts)}  ${f3(d.mapping)}     ${(d.metadata * 100).toFixed(0).padStart(6)}%  ${f3(d.facts.p)}/${f3(d.facts.r)}/${f3(d.facts.f1)}`,
    );
    for (const m of d.metadataMisses) console.log(`    metadata ${m}`);
  }
  const t = s.total;
  console.log(
    `${'TOTAL'.padEnd(26)} ${f3(t.sections.p)}/${f3(t.sections.r)}/${f3(t.sections.f1)}  ${f3(t.starts)}  ${f3(t.mapping)}     ${(t.metadata * 100).toFixed(0).padStart(6)}%  ${f3(t.facts.p)}/${f3(t.facts.r)}/${f3(t.facts.f1)}`,
  );
  console.log('\nfacts by kind              P      R      F1     (tp/extracted/gold)');
  for (const [kind, k] of Object.entries(s.factsByKind)) {
    console.log(`${kind.padEnd(26)} ${f3(k.p)}  ${f3(k.r)}  ${f3(k.f1)}  (${k.tp}/${k.extracted}/${k.gold})`);
  }
  if (s.misses.length) {
    console.log('\nmisses (- in gold, not found; + found, not in gold):');
    for (const m of s.misses) console.log(`  ${m}`);
  }
}
