// End to end: processFile on the five shared PDFs and on the same documents from other
// producers (test/fixtures/pdf-producers/: non-embedded CID fonts, justified Mincho,
// Chromium-style radicals, two columns, owner password), against the gold and against the
// run on the corpus text the PDFs were made from.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../../pipelines/whitepaper-ja.ts';
import type { GoldFact } from '../../scripts/eval-score.ts';
import type { Fact, Result } from '../../src/types.ts';
import { compact, CORPUS, fixture, fixtureNames, gold } from './support.ts';

const PDFS = [...fixtureNames('pdf').map((f) => `pdf/${f}`), ...fixtureNames('pdf-producers').map((f) => `pdf-producers/${f}`)];


const ATTRS: readonly (readonly [keyof GoldFact, keyof Fact])[] = [
  ['unit', 'unit'],
  ['frequency', 'frequency'],
  ['subject', 'subject'],
  ['bound', 'bound'],
  ['key_management', 'keyManagement'],
  ['timezone', 'timezone'],
  ['third_party', 'thirdParty'],
];

/** The eval's matching rule (scripts/_facts-score.ts): kind, control, value, negation, stated attributes. */
function matches(f: Fact, g: GoldFact): boolean {
  if (f.kind !== g.kind || f.controlId !== g.control) return false;
  if (f.value !== (g.value === null ? null : String(g.value))) return false;
  if (f.negated !== (g.negated ?? false)) return false;
  for (const [ga, fa] of ATTRS) if (ga in g && (g[ga] ?? null) !== (f[fa] ?? null)) return false;
  return true;
}

function factsF1(facts: readonly Fact[], goldFacts: readonly GoldFact[]): number {
  const unused = new Set(facts);
  let tp = 0;
  for (const g of goldFacts) {
    const hit = [...unused].find((f) => matches(f, g));
    if (hit) {
      unused.delete(hit);
      tp++;
    }
  }
  if (facts.length === 0 && goldFacts.length === 0) return 1;
  return (2 * tp) / (facts.length + goldFacts.length);
}

const factKey = (f: Fact) => JSON.stringify([f.kind, f.controlId, f.value, f.negated]);

/** The text runs, one per corpus document, shared by the PDFs made from it. */
const textRuns = new Map<string, Promise<Result>>();
function textRun(id: string): Promise<Result> {
  let run = textRuns.get(id);
  if (!run) {
    run = processFile(`${id}.txt`, new Uint8Array(readFileSync(new URL(`${id}.txt`, CORPUS))));
    textRuns.set(id, run);
  }
  return run;
}

const starts = { matched: 0, total: 0 };

describe.each(PDFS)('%s', (path) => {
  const id = path.split('/')[1]!.slice(0, 20);
  const expected = gold(id);
  let result: Result;

  beforeAll(async () => {
    result = await processFile(path, fixture(path));
  });

  it('finds exactly the gold control sections, in order', () => {
    expect(result.format).toBe('pdf');
    expect(result.sections.map((s) => s.controlId)).toEqual(expected.sections.map((s) => s.control));
  });

  it('starts each section body where the gold does, and knows its page', () => {
    const misses: string[] = [];
    expected.sections.forEach((g, i) => {
      const s = result.sections[i];
      starts.total++;
      if (s && compact(s.body).startsWith(compact(g.starts).slice(0, 8))) starts.matched++;
      else misses.push(`${g.control}: ${compact(s?.body ?? '').slice(0, 12)} ≠ ${g.starts}`);
    });
    expect(misses).toEqual([]);
    for (const s of result.sections) {
      expect(s.page).not.toBeNull();
      expect(s.page).toBeGreaterThanOrEqual(1);
      expect(s.page).toBeLessThanOrEqual(result.pages!);
    }
  });

  it('extracts the same facts as the text the PDF was made from', async () => {
    const text = await textRun(id);
    expect(result.facts.map(factKey).sort()).toEqual(text.facts.map(factKey).sort());
    const goldFacts = expected.facts as GoldFact[];
    expect(Math.abs(factsF1(result.facts, goldFacts) - factsF1(text.facts, goldFacts))).toBeLessThanOrEqual(0.02);
  });

  it('reports nothing unusual about a clean PDF', () => {
    expect(result.diagnostics.filter((d) => d.rule.startsWith('pdf-'))).toEqual([]);
  });
});

afterAll(() => {
  // The gold's bar for where bodies start, over every PDF together.
  expect(starts.total).toBeGreaterThan(0);
  expect(starts.matched / starts.total).toBeGreaterThanOrEqual(0.98);
});
