// Fact extraction, table-driven: every case in test/fixtures/facts/cases.json is a section body
// (real corpus sentences and variants the corpus lacks) with the exact facts it must yield.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractFacts } from '../../src/facts/index.ts';
import { tokenizerRequested } from '../../src/facts/tokenizer.ts';
import { makeSection, project, type ExpectedFact } from './section.ts';

interface Case {
  group: string;
  name: string;
  source: string;
  control: string | null;
  body: string;
  facts: ExpectedFact[];
}

const cases = JSON.parse(readFileSync(new URL('../fixtures/facts/cases.json', import.meta.url), 'utf8')) as Case[];

// First in the file: nothing to tokenize must not load the dictionary.
test('no sections, or sections without text, never load the tokenizer', async () => {
  expect(await extractFacts([])).toEqual([]);
  expect(await extractFacts([makeSection('5.1.1', '')])).toEqual([]);
  expect(tokenizerRequested()).toBe(false);
});

interface Group {
  group: string;
  cases: Case[];
}
const groups: Group[] = [];
for (const c of cases) {
  const g = groups.find((x) => x.group === c.group) ?? groups[groups.push({ group: c.group, cases: [] }) - 1]!;
  g.cases.push(c);
}

for (const { group, cases: inGroup } of groups) {
  describe(group, () => {
    test.each(inGroup.map((c) => [`${c.name} (${c.source})`, c] as const))('%s', async (_, c) => {
      const facts = await extractFacts([makeSection(c.control, c.body)]);
      expect(facts.map(project).sort()).toEqual(c.facts.map(project).sort());
      for (const f of facts) {
        expect(f.controlId).toBe(c.control);
        expect(f.sectionOrd).toBe(0);
        expect(c.body.normalize('NFKC').replace(/\n/g, '')).toContain(f.evidence);
      }
    });
  });
}

describe('provenance', () => {
  test('evidence is the NFKC sentence and page the page of the line it starts on', async () => {
    // A paragraph joined from lines wrapped across a page break, then a paragraph on the next page.
    const lines = [
      { text: 'バックアップは日次で取得しています。アクセスログは１年間', page: 3 },
      { text: '保存しています。', page: 4 },
      { text: '準拠法は日本法とします。', page: 4 },
    ];
    const body = 'バックアップは日次で取得しています。アクセスログは１年間保存しています。\n準拠法は日本法とします。';
    const facts = await extractFacts([makeSection('12.3.1', body, { ord: 4, lines })]);
    const byKind = new Map(facts.map((f) => [f.kind, f]));
    expect(byKind.get('backup_frequency')).toMatchObject({ page: 3, sectionOrd: 4, evidence: 'バックアップは日次で取得しています。' });
    expect(byKind.get('retention_days')).toMatchObject({ page: 3, value: '365', evidence: 'アクセスログは1年間保存しています。' });
    expect(byKind.get('governing_law')).toMatchObject({ page: 4, evidence: '準拠法は日本法とします。' });
  });

  test('a sentence broken after a colon keeps the page of its first line', async () => {
    const body = 'バックアップは日次:35 世代、月次:\n24 世代保持しています。';
    const facts = await extractFacts([makeSection('12.3.1', body, { pages: [7, 8] })]);
    const monthly = facts.find((f) => f.kind === 'backup_generations' && f.value === '24');
    expect(monthly).toMatchObject({ frequency: 'monthly', page: 7 });
  });

  test('text input has no pages', async () => {
    const facts = await extractFacts([makeSection('18.1.1', '準拠法は日本法とします。')]);
    expect(facts.map((f) => f.page)).toEqual([null]);
  });
});

describe('deduplication', () => {
  test('the same fact twice in a section is one fact; in two sections, two', async () => {
    const body = 'NTPサーバーと同期しています。\nNTPの設定は当社が管理します。';
    const one = await extractFacts([makeSection('12.4.4', body)]);
    expect(one.filter((f) => f.kind === 'time_sync')).toHaveLength(1);
    const two = await extractFacts([makeSection('6.1.3', 'データは日本国内に保存します。', { ord: 0 }), makeSection('6.1.3', '保存先は日本国内です。', { ord: 1 })]);
    expect(two.map((f) => [f.sectionOrd, f.kind, f.value])).toEqual([
      [0, 'region', 'JP'],
      [1, 'region', 'JP'],
    ]);
  });

  test('a section with no control id still yields facts, with a null control', async () => {
    const facts = await extractFacts([makeSection(null, '準拠法は日本法とします。')]);
    expect(facts).toMatchObject([{ kind: 'governing_law', value: 'JP', controlId: null }]);
  });
});
