// The ISO/IEC 27017:2015 control catalog: complete, titles as JIS prints them, the variants
// vendors print, and a 27001:2022 mapping that agrees with every pair the gold gives.
import { describe, expect, it } from 'vitest';
import { canonicalId, CONTROLS, getControl, matchTitle, titleKey, titleSimilarity } from '../../src/segment/catalog.ts';
import { CATEGORIES } from '../../src/segment/catalog-data.ts';
import { segment } from '../../src/segment/sections.ts';
import { CORPUS, CORPUS_FILES, GOLD, readJson, readLines, type Gold } from './support.ts';

/** ISO/IEC 27002:2013: controls per control objective (clause.category → count). */
const CONTROLS_PER_OBJECTIVE: Record<string, number> = {
  '5.1': 2, '6.1': 5, '6.2': 2, '7.1': 2, '7.2': 3, '7.3': 1, '8.1': 4, '8.2': 3, '8.3': 3,
  '9.1': 2, '9.2': 6, '9.3': 1, '9.4': 5, '10.1': 2, '11.1': 6, '11.2': 9, '12.1': 4, '12.2': 1,
  '12.3': 1, '12.4': 4, '12.5': 1, '12.6': 2, '12.7': 1, '13.1': 3, '13.2': 4, '14.1': 3,
  '14.2': 9, '14.3': 1, '15.1': 3, '15.2': 2, '16.1': 7, '17.1': 3, '17.2': 1, '18.1': 5, '18.2': 3,
};
const CLD = ['CLD.6.3.1', 'CLD.8.1.5', 'CLD.9.5.1', 'CLD.9.5.2', 'CLD.12.1.5', 'CLD.12.4.5', 'CLD.13.1.4'];
const ISO27002_IDS = Object.entries(CONTROLS_PER_OBJECTIVE).flatMap(([objective, n]) => Array.from({ length: n }, (_, i) => `${objective}.${i + 1}`));

/** ISO/IEC 27001:2022 Annex A: how many controls each theme has (5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34). */
const ANNEX_A_2022: Record<string, number> = { '5': 37, '6': 8, '7': 14, '8': 34 };

describe('the catalog', () => {
  it('holds every ISO/IEC 27002:2013 control (114) and the seven CLD controls, once each', () => {
    expect(ISO27002_IDS).toHaveLength(114);
    expect(CONTROLS.map((c) => c.id).sort()).toEqual([...ISO27002_IDS, ...CLD].sort());
  });

  it('is in document order: 27017 prints each CLD control after the 27002 controls of its category', () => {
    const order = (id: string) => id.replace(/^CLD\./, '').split('.').map(Number);
    const ids = CONTROLS.map((c) => c.id);
    const sorted = [...ids].sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return 0;
    });
    expect(ids).toEqual(sorted);
  });

  it.each([
    ['5.1.1', '情報セキュリティのための方針群'],
    ['6.1.3', '関係当局との連絡'],
    ['CLD.6.3.1', 'クラウドコンピューティング環境における役割及び責任の共有及び分担'],
    ['7.2.2', '情報セキュリティの意識向上、教育及び訓練'],
    ['9.2.2', '利用者アクセスの提供(provisioning)'],
    ['9.4.4', '特権的なユーティリティプログラムの使用'],
    ['11.2.7', '装置のセキュリティを保った処分又は再利用'],
    ['12.1.3', '容量・能力の管理'],
    ['12.3.1', '情報のバックアップ'],
    ['12.6.1', '技術的ぜい弱性の管理'],
    ['15.1.3', 'ICTサプライチェーン'],
    ['18.1.5', '暗号化機能に対する規制'],
    ['18.2.3', '技術的順守のレビュー'],
  ])('titles %s as JIS prints it: %s', (id, title) => {
    expect(getControl(id)?.title).toBe(title);
  });

  it('has no title or variant that two controls share', () => {
    const owner = new Map<string, string>();
    for (const c of CONTROLS) {
      for (const key of new Set([c.title, ...c.variants].map(titleKey))) {
        expect(owner.get(key), `「${key}」 of ${c.id}`).toBeUndefined();
        owner.set(key, c.id);
      }
    }
  });

  it('matches every title and variant back to its own control', () => {
    const wrong = CONTROLS.flatMap((c) => [c.title, ...c.variants].filter((t) => matchTitle(t)?.id !== c.id).map((t) => `${c.id} ${t}`));
    expect(wrong).toEqual([]);
  });

  it('gives every 27002 control an English variant (the ISO/IEC 27002:2013 title)', () => {
    const withoutEnglish = CONTROLS.filter((c) => !c.variants.some((v) => /^[A-Z][A-Za-z ,'-]+$/.test(v))).map((c) => c.id);
    expect(withoutEnglish).toEqual([]);
  });
});

describe('clauses and control objectives', () => {
  it('lists the 14 clauses, the 35 control objectives of 27002 and the two 27017 adds', () => {
    const ids = CATEGORIES.map((c) => c.id);
    const clauses = Array.from({ length: 14 }, (_, i) => String(i + 5));
    expect([...ids].sort()).toEqual([...clauses, ...Object.keys(CONTROLS_PER_OBJECTIVE), 'CLD.6.3', 'CLD.9.5'].sort());
  });

  it('has the objective of every control', () => {
    const ids = new Set(CATEGORIES.map((c) => c.id));
    // CLD.6.3.1 and CLD.9.5.x sit under objectives of their own; the other CLD controls under 27002's (CLD.8.1.5 → 8.1).
    const objective = (id: string) => {
      const parent = id.split('.').slice(0, -1).join('.');
      return ids.has(parent) ? parent : parent.replace(/^CLD\./, '');
    };
    expect(CONTROLS.map((c) => objective(c.id)).filter((o) => !ids.has(o))).toEqual([]);
  });

  it('shares no name with a control, except clause 5 and its 5.1.1', () => {
    const controlKeys = new Map(CONTROLS.flatMap((c) => [c.title, ...c.variants].map((t) => [titleKey(t), c.id] as const)));
    const shared = CATEGORIES.flatMap((c) => [c.title, ...c.variants].filter((t) => controlKeys.has(titleKey(t))).map((t) => `${c.id} ${t}`));
    expect(shared).toEqual(['5 情報セキュリティのための方針群']);
  });
});

describe('title variants vendors print', () => {
  it.each([
    ['情報セキュリティの自覚、教育および訓練', '7.2.2'], // 004
    ['情報セキュリティの意識向上, 教育及び訓練', '7.2.2'], // 001
    ['特権的なユーティリティプログラムの利用', '9.4.4'], // 002
    ['技術的脆弱性の管理', '12.6.1'], // 000, 002
    ['暗号化に対する規制', '18.1.5'], // 002
    ['クラウドコンピューティング環境における役割及び責任の分担', 'CLD.6.3.1'], // 003
    ['クラウドコンピューティング環境における役割および責任の共有および分担', 'CLD.6.3.1'], // 000, 004
    ['クラウドサービス利用者の資産の除去', 'CLD.8.1.5'], // 000
    ['ICT サプライチェーン', '15.1.3'], // 000, 002, 003, 004
    ['利用者アクセスの提供', '9.2.2'], // 002, without 「(provisioning)」
    ['秘密認証情報の使用', '9.3.1'],
    ['情報セキュリティのための方針群及び標準の遵守', '18.2.2'],
    ['Information backup', '12.3.1'],
    ['Clock synchronization', '12.4.4'],
    ['Virtual machine hardening', 'CLD.9.5.2'],
    ['Shared roles and responsibilities within a cloud computing environment', 'CLD.6.3.1'],
  ])('「%s」 → %s', (printed, id) => {
    expect(matchTitle(printed)?.id).toBe(id);
  });

  it.each(CORPUS_FILES.filter((f) => !f.startsWith('001')))('every heading corpus/%s.txt prints next to its id is that control\'s title', (name) => {
    // 001 prints its own headings (「クラウドサービスプロバイダの地理的所在地」) and the id on the next line.
    const sections = segment(readLines(new URL(`${name}.txt`, CORPUS)));
    const unlike = sections.filter((s) => s.controlId && titleSimilarity(s.controlId, s.heading) < 1).map((s) => `${s.controlId} ${s.heading}`);
    expect(unlike).toEqual([]);
  });
});

describe('printed ids', () => {
  it.each([
    ['12.3.1', '12.3.1'],
    ['A.12.3.1', '12.3.1'],
    ['A. 6. 1. 3', '6.1.3'],
    ['CLD6.3.1', 'CLD.6.3.1'],
    ['CLD. 6. 3. 1', 'CLD.6.3.1'],
    ['CLD.13.1.4', 'CLD.13.1.4'],
    ['17.2.1', '17.2.1'],
    ['6.3.1', null], // exists only as CLD.6.3.1
    ['12.3.2', null],
    ['4.3.1', null],
  ])('%s → %s', (printed, id) => {
    expect(canonicalId(printed)).toBe(id);
  });

  it('accepts every catalog id as printed, with A. and without the CLD dot', () => {
    for (const { id } of CONTROLS) {
      expect(canonicalId(id)).toBe(id);
      expect(canonicalId(id.startsWith('CLD.') ? id.replace('CLD.', 'CLD') : `A.${id}`)).toBe(id);
    }
  });
});

describe('the ISO/IEC 27001:2022 mapping', () => {
  it('maps every 27002 control to Annex A controls that exist, and CLD controls to none', () => {
    for (const c of CONTROLS) {
      if (c.id.startsWith('CLD.')) {
        expect(c.iso27001_2022, c.id).toEqual([]);
        continue;
      }
      expect(c.iso27001_2022.length, c.id).toBeGreaterThan(0);
      for (const a of c.iso27001_2022) {
        const [theme, n] = a.split('.');
        expect(Number(n), `${c.id} → ${a}`).toBeLessThanOrEqual(ANNEX_A_2022[theme!] ?? 0);
        expect(Number(n), `${c.id} → ${a}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it.each([
    ['5.1.1', '5.1'],
    ['6.1.3', '5.5'],
    ['7.2.2', '6.3'],
    ['9.2.3', '8.2'],
    ['12.3.1', '8.13'],
    ['18.1.5', '5.31'],
    ['6.2.1', '8.1'],
    ['11.2.8', '8.1'],
    ['12.1.1', '5.37'],
    ['17.2.1', '8.14'],
  ])('maps %s to %s (ISO/IEC 27002:2022 Table B.2)', (id, annexA) => {
    expect(getControl(id)?.iso27001_2022).toContain(annexA);
  });

  it.each(CORPUS_FILES)('agrees with every pair test/gold/%s.json gives', (name) => {
    const gold = readJson<Gold>(new URL(`${name}.json`, GOLD));
    const disagree = gold.sections
      .filter((s) => s.iso27001_2022 !== null && !getControl(s.control)?.iso27001_2022.includes(s.iso27001_2022))
      .map((s) => `${s.control} → ${s.iso27001_2022}`);
    expect(disagree).toEqual([]);
  });
});
