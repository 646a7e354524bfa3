// `npm run eval`: runs the pipeline over each evaluation set into a fresh database and compares
// what the database holds with the gold files: precision, recall and F1 for control sections,
// section starts, the 27001:2022 mapping, metadata and facts, per document and in total, then a
// summary of every set side by side.
//
// The sets: corpus/ (the five training whitepapers, as text and as PDF) and the dev set test/dev/
// (ten more layouts, as text/Markdown and as PDFs from two producers). A score on corpus/ is
// training accuracy; the dev set is what the general rules were built on. test/holdout/ (twenty
// documents in the dev families, written by another hand who never read the rules) was where they
// were first shown to be general (its first run is in the README); its misses were mended since, so it
// is training data now. test/real/ (layouts of real public pages, reworded, gold written by hand, the
// sources named in its README) is the newest check.
//
//   npm run eval                      every set
//   npm run eval -- --set dev-text    one set (corpus-text, corpus-pdf, dev-text, dev-reportlab, dev-chromium, holdout-text, real-text)
//   npm run eval -- --dir D --gold G  any folder whose file names match the gold files in G
//   npm run eval -- --misses          also list what each set missed or added
//   npm run eval -- --json            the figures as JSON (for scripts and tests)
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBatch } from '../src/batch/run.ts';
import { score, type Gold, type Scores } from './eval-score.ts';
import { whitepaperJa } from '../pipelines/version.ts';

interface EvalSet {
  name: string;
  gold: string;
  /** The folder holding the inputs, and their extension ('' = the gold file's own name). */
  dir: string;
  ext: '' | '.pdf';
}

const SETS: EvalSet[] = [
  { name: 'corpus-text', gold: 'test/gold', dir: 'corpus', ext: '' },
  { name: 'corpus-pdf', gold: 'test/gold', dir: 'test/fixtures/pdf', ext: '.pdf' },
  { name: 'dev-text', gold: 'test/dev', dir: 'test/dev', ext: '' },
  { name: 'dev-reportlab', gold: 'test/dev', dir: 'test/dev/pdf/reportlab', ext: '.pdf' },
  { name: 'dev-chromium', gold: 'test/dev', dir: 'test/dev/pdf/chromium', ext: '.pdf' },
  { name: 'holdout-text', gold: 'test/holdout', dir: 'test/holdout', ext: '' },
  { name: 'real-text', gold: 'test/real', dir: 'test/real', ext: '' },
];

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    dir: { type: 'string' },
    gold: { type: 'string' },
    pdf: { type: 'boolean' },
    misses: { type: 'boolean' },
    json: { type: 'boolean' },
  },
});

function chosenSets(): EvalSet[] {
  if (values.dir) return [{ name: basename(values.dir), gold: values.gold ?? 'test/gold', dir: values.dir, ext: '' }];
  if (values.pdf) return SETS.filter((s) => s.name === 'corpus-pdf');
  if (!values.set) return SETS;
  const unknown = values.set.filter((n) => !SETS.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`unknown set ${unknown.join(', ')}; the sets are ${SETS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return SETS.filter((s) => values.set!.includes(s.name));
}

function readGolds(dir: string): Gold[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold);
}

/** The input files of a set: the gold files' documents, found in the set's folder. */
function inputs(set: EvalSet, golds: Gold[]): string[] {
  if (values.dir) return [set.dir];
  return golds
    .map((g) => join(set.dir, set.ext ? g.file.replace(/\.[^.]+$/, set.ext) : g.file))
    .filter((p) => existsSync(p));
}

async function evaluate(set: EvalSet): Promise<Scores> {
  const golds = readGolds(set.gold);
  const work = mkdtempSync(join(tmpdir(), 'hakusho-eval-'));
  const dbPath = join(work, 'eval.sqlite');
  try {
    const summary = await runBatch({ pipeline: whitepaperJa(), paths: inputs(set, golds), db: dbPath, jobs: 2, force: true });
    for (const f of summary.failed) console.error(`failed: ${f.path}: ${f.reason}`);
    const db = new Database(dbPath, { readonly: true });
    const scores = score(db, golds, (path) => basename(path).replace(/\.[^.]+$/, ''));
    db.close();
    return scores;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(x * 100).toFixed(0).padStart(6)}%`;

function printSet(set: EvalSet, s: Scores): void {
  console.log(`\n== ${set.name}: ${set.dir} against ${set.gold}\n`);
  console.log('document                   sections P/R/F1          starts  27001map  metadata  facts P/R/F1         facts, any control');
  for (const d of s.documents) {
    console.log(
      `${d.file.padEnd(26)} ${f3(d.sections.p)}/${f3(d.sections.r)}/${f3(d.sections.f1)}  ${f3(d.starts)}  ${f3(d.mapping)}    ${pct(d.metadata)}  ${f3(d.facts.p)}/${f3(d.facts.r)}/${f3(d.facts.f1)}  ${f3(d.factsAnyControl.f1)}`,
    );
    for (const m of d.metadataMisses) console.log(`    metadata ${m}`);
  }
  const t = s.total;
  console.log(
    `${'TOTAL'.padEnd(26)} ${f3(t.sections.p)}/${f3(t.sections.r)}/${f3(t.sections.f1)}  ${f3(t.starts)}  ${f3(t.mapping)}    ${pct(t.metadata)}  ${f3(t.facts.p)}/${f3(t.facts.r)}/${f3(t.facts.f1)}  ${f3(t.factsAnyControl.f1)}`,
  );
  console.log('\nfacts by kind              P      R      F1     (tp/extracted/gold)');
  for (const [kind, k] of Object.entries(s.factsByKind)) {
    console.log(`${kind.padEnd(26)} ${f3(k.p)}  ${f3(k.r)}  ${f3(k.f1)}  (${k.tp}/${k.extracted}/${k.gold})`);
  }
  if (values.misses && s.misses.length) {
    console.log('\nmisses (- in gold, not found; + found, not in gold; ~ found, differs):');
    for (const m of s.misses) console.log(`  ${m}`);
  }
}

const results: { set: EvalSet; scores: Scores }[] = [];
for (const set of chosenSets()) {
  const scores = await evaluate(set);
  results.push({ set, scores });
  printSet(set, scores);
}

if (results.length > 1) {
  console.log('\n== summary (F1; starts, mapping and metadata as the share right)\n');
  console.log('set             sections  starts  27001map  metadata  facts   facts, any control');
  for (const { set, scores: { total: t } } of results) {
    console.log(
      `${set.name.padEnd(15)} ${f3(t.sections.f1)}     ${f3(t.starts)}   ${f3(t.mapping)}   ${pct(t.metadata)}   ${f3(t.facts.f1)}   ${f3(t.factsAnyControl.f1)}`,
    );
  }
}
if (values.json) console.log(JSON.stringify(Object.fromEntries(results.map((r) => [r.set.name, r.scores]))));
