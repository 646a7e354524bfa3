// The dev set's PDFs end to end (test/dev/pdf/: each of the ten documents printed by ReportLab and by
// headless Chromium — grid tables whose narrow cells wrap every few characters, CSS running headers,
// Type 3 fonts, hanging headings) against the gold, and against the run on the text they were made
// from: the same sections, bodies, metadata, and facts within 0.03 of the text's F1.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../../pipelines/whitepaper-ja.ts';
import type { Gold, GoldFact } from '../../scripts/eval-score.ts';
import type { Fact, Result } from '../../src/types.ts';

const DEV = new URL('../dev/', import.meta.url);
const GOLDS = readdirSync(DEV).filter((f) => /^dev\d+_.*\.json$/.test(f)).sort();
const CASES = GOLDS.flatMap((g) => ['reportlab', 'chromium'].map((producer) => [producer, g] as const));

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/[[\]()<>*#]/g, '').slice(0, 8);

const ATTRS: readonly (readonly [keyof GoldFact, keyof Fact])[] = [
  ['unit', 'unit'], ['frequency', 'frequency'], ['subject', 'subject'], ['bound', 'bound'],
  ['key_management', 'keyManagement'], ['timezone', 'timezone'], ['third_party', 'thirdParty'],
];

function matches(f: Fact, g: GoldFact): boolean {
  if (f.kind !== g.kind || f.controlId !== g.control) return false;
  if (f.value !== (g.value === null ? null : String(g.value))) return false;
  if (f.negated !== (g.negated ?? false)) return false;
  return ATTRS.every(([ga, fa]) => !(ga in g) || (g[ga] ?? null) === (f[fa] ?? null));
}

function factsF1(facts: readonly Fact[], golds: readonly GoldFact[]): number {
  const unused = [...facts];
  let tp = 0;
  for (const g of golds) {
    const i = unused.findIndex((f) => matches(f, g));
    if (i !== -1) unused.splice(i, 1), tp++;
  }
  return facts.length + golds.length === 0 ? 1 : (2 * tp) / (facts.length + golds.length);
}

const run = (path: string) => processFile(path, new Uint8Array(readFileSync(new URL(path, DEV))));
const textRuns = new Map<string, Promise<Result>>();

describe.each(CASES)('%s %s', (producer, goldFile) => {
  const gold = JSON.parse(readFileSync(new URL(goldFile, DEV), 'utf8')) as Gold;
  let pdf: Result;
  let text: Result;

  beforeAll(async () => {
    if (!textRuns.has(gold.file)) textRuns.set(gold.file, run(gold.file));
    [pdf, text] = await Promise.all([run(`pdf/${producer}/${gold.file.replace(/\.\w+$/, '.pdf')}`), textRuns.get(gold.file)!]);
  });

  it('finds the gold sections, each body starting where the gold says, each on a page', () => {
    expect(pdf.sections.map((s) => [s.controlId, compact(s.body), s.iso27001_2022])).toEqual(
      gold.sections.map((s) => [s.control, compact(s.starts), s.iso27001_2022]),
    );
    for (const s of pdf.sections) expect(s.page).toBeGreaterThanOrEqual(1);
  });

  it('reads the same metadata as the text', () => {
    const meta = (r: Result) => ({ ...r.meta, title: undefined, revisions: r.meta.revisions.map((x) => [x.version, x.date]) });
    expect(meta(pdf)).toEqual(meta(text));
  });

  it('reads facts within 0.03 of the text', () => {
    const facts = gold.facts as GoldFact[];
    expect(factsF1(pdf.facts, facts)).toBeGreaterThanOrEqual(factsF1(text.facts, facts) - 0.03);
  });
});
