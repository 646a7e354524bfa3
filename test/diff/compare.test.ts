// The matching rules of `hakusho diff`, on rows written here (no pipeline, no database).
import { describe, expect, it } from 'vitest';
import { diffFacts, diffRevisions, diffSections, type FactRow, type SectionRow } from '../../src/diff/compare.ts';
import { COLOUR, factChange, factLabel, factValue, formatText, PLAIN } from '../../src/diff/format.ts';
import { diffEditions, type DocumentInfo, type Edition } from '../../src/diff/compare.ts';

let nextId = 1;
function fact(control: string, kind: string, value: string | null, more: Partial<FactRow> = {}): FactRow {
  return {
    id: nextId++,
    section_id: 0,
    section_ord: Number(control.replace(/\D/g, '')),
    control_id: control,
    kind,
    value,
    unit: null,
    frequency: null,
    subject: null,
    bound: null,
    negated: false,
    key_management: null,
    timezone: null,
    third_party: null,
    evidence: `${kind} ${value}`,
    page: null,
    ...more,
  };
}

const section = (ord: number, control_id: string | null, body: string, heading = `見出し${ord}`): SectionRow => ({ id: 100 + ord, ord, control_id, heading, body });

describe('diffFacts', () => {
  it('matches backup_generations by frequency: a new count is a change, not a removal and an addition', () => {
    const d = diffFacts(
      [fact('12.3.1', 'backup_generations', '3', { frequency: 'daily' }), fact('12.3.1', 'backup_generations', '4', { frequency: 'weekly' })],
      [fact('12.3.1', 'backup_generations', '7', { frequency: 'daily', evidence: 'other wording' }), fact('12.3.1', 'backup_generations', '4', { frequency: 'weekly' })],
    );
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.changed).toEqual(['value']);
    expect(factChange(d.changed[0]!)).toBe('12.3.1 backup_generations daily 3 → 7');
  });

  it('matches retention_days by subject and frequency', () => {
    const d = diffFacts(
      [fact('12.3.1', 'retention_days', '30', { subject: 'backup', frequency: 'daily', bound: 'exact' }), fact('CLD.8.1.5', 'retention_days', '30', { subject: 'customer_data', bound: 'max' })],
      [fact('12.3.1', 'retention_days', '60', { subject: 'backup', frequency: 'daily', bound: 'exact' }), fact('CLD.8.1.5', 'retention_days', '30', { subject: 'customer_data', bound: 'max' })],
    );
    expect(d.changed.map(factChange)).toEqual(['12.3.1 retention_days backup daily 30 → 60']);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('matches tls, region and cloud_provider by value: another value in a control that keeps the first is an addition', () => {
    const d = diffFacts(
      [fact('6.1.3', 'region', 'JP'), fact('CLD.6.3.1', 'cloud_provider', 'aws')],
      [fact('6.1.3', 'region', 'JP'), fact('6.1.3', 'region', 'aws:ap-northeast-1'), fact('CLD.6.3.1', 'cloud_provider', 'aws')],
    );
    expect(d.changed).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.added.map((f) => `${factLabel(f)} ${factValue(f)}`)).toEqual(['6.1.3 region aws:ap-northeast-1']);
  });

  it('pairs the one tls fact left on each side of a control as a change (negated, no version → 1.2 min)', () => {
    const d = diffFacts(
      [fact('10.1.1', 'tls', null, { negated: true, bound: 'exact' }), fact('18.1.5', 'tls', null, { bound: 'exact' })],
      [fact('10.1.1', 'tls', '1.2', { bound: 'min' }), fact('18.1.5', 'tls', null, { bound: 'exact' })],
    );
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.map(factChange)).toEqual(['10.1.1 tls null (negated) → 1.2 (min)']);
    expect(d.changed[0]!.changed).toEqual(['value', 'bound', 'negated']);
  });

  it('does not pair when a control has several leftovers of a kind: they are added and removed', () => {
    const d = diffFacts(
      [fact('6.1.3', 'region', 'JP'), fact('6.1.3', 'region', 'US')],
      [fact('6.1.3', 'region', 'aws:ap-northeast-1'), fact('6.1.3', 'region', 'azure:japaneast')],
    );
    expect(d.changed).toEqual([]);
    expect(d.removed.map((f) => f.value)).toEqual(['JP', 'US']);
    expect(d.added.map((f) => f.value)).toEqual(['aws:ap-northeast-1', 'azure:japaneast']);
  });

  it('reports a fact that only became negated as a change, and a new kind as an addition', () => {
    const d = diffFacts([fact('9.2.3', 'ip_restriction', 'true')], [fact('9.2.3', 'ip_restriction', 'true', { negated: true }), fact('9.2.3', 'mfa', 'true')]);
    expect(d.changed.map(factChange)).toEqual(['9.2.3 ip_restriction true → true (negated)']);
    expect(d.added.map((f) => `${factLabel(f)} ${factValue(f)}`)).toEqual(['9.2.3 mfa true']);
  });

  it('ignores evidence and page: the same fact reworded is unchanged', () => {
    expect(diffFacts([fact('12.4.4', 'time_sync', 'ntp', { timezone: 'JST', evidence: 'a', page: 3 })], [fact('12.4.4', 'time_sync', 'ntp', { timezone: 'JST', evidence: 'b', page: 4 })])).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('matches the same fact in two controls separately, and repeated facts occurrence by occurrence', () => {
    const d = diffFacts(
      [fact('12.3.1', 'backup_frequency', 'daily'), fact('12.3.1', 'backup_frequency', 'daily'), fact('CLD.12.1.5', 'backup_frequency', 'daily')],
      [fact('12.3.1', 'backup_frequency', 'daily'), fact('CLD.12.1.5', 'backup_frequency', 'daily')],
    );
    expect(d.removed.map((f) => f.control_id)).toEqual(['12.3.1']);
    expect(d.added).toEqual([]);
  });
});

describe('diffSections', () => {
  it('matches by control id and occurrence; lists added, removed and changed, never unchanged', () => {
    const d = diffSections(
      [section(0, '5.1.1', '方針に従います。'), section(1, '12.3.1', '日次で3世代。'), section(2, '12.3.1', '二つ目の 12.3.1。'), section(3, '18.1.5', '輸出規制。')],
      [section(0, '5.1.1', '方針に 従います。'), section(1, '12.3.1', '日次で7世代。'), section(2, '12.3.1', '二つ目の 12.3.1。'), section(3, 'CLD.9.5.1', '分離します。')],
    );
    expect(d.changed.map((c) => [c.control_id, c.occurrence, c.hunks])).toEqual([['12.3.1', 0, [{ removed: ['日次で3世代。'], added: ['日次で7世代。'] }]]]);
    expect(d.added.map((s) => s.control_id)).toEqual(['CLD.9.5.1']);
    expect(d.removed.map((s) => s.control_id)).toEqual(['18.1.5']);
  });

  it('reports a changed heading, and matches sections without a control id by heading', () => {
    const d = diffSections(
      [section(0, '12.1.2', '同じ本文。', '変更管理'), section(1, null, '付録です。', '付録')],
      [section(0, '12.1.2', '同じ本文。', '変更の管理'), section(1, null, '付録です。', '付録')],
    );
    expect(d.changed.map((c) => [c.control_id, c.old_heading, c.heading, c.hunks])).toEqual([['12.1.2', '変更管理', '変更の管理', []]]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });
});

describe('diffRevisions', () => {
  it('lists the rows the new edition adds (and any it dropped)', () => {
    const r = (version: string, date: string, description: string) => ({ version, date, description });
    expect(diffRevisions([r('1.0', '2022-06-01', '初版公開'), r('1.1', '2023-07-01', '表記変更')], [r('1.0', '2022-06-01', '初版 公開'), r('1.1', '2023-07-01', '表記変更'), r('1.2', '2024-06-17', 'URL 変更')])).toEqual({
      added: [r('1.2', '2024-06-17', 'URL 変更')],
      removed: [],
    });
  });
});

describe('formatText', () => {
  const doc = (id: number, version: string, services: string[]): DocumentInfo => ({
    id,
    path: `w-${version}.txt`,
    sha256: `${id}`.repeat(64).slice(0, 64),
    vendor: '株式会社テスト',
    title: 'ホワイトペーパー',
    version,
    published: null,
    family_id: 1,
    services,
  });
  const edition = (id: number, version: string, body: string, facts: FactRow[], services = ['A']): Edition => ({
    document: doc(id, version, services),
    sections: [section(0, '12.3.1', body, '情報のバックアップ')],
    facts,
    revisions: [],
  });
  const d = diffEditions(
    edition(1, '1', '日次で3世代を取得しています。', [fact('12.3.1', 'backup_generations', '3', { frequency: 'daily' })]),
    edition(2, '2', '日次で7世代を取得しています。', [fact('12.3.1', 'backup_generations', '7', { frequency: 'daily' })], ['A', 'B']),
  );

  it('prints the changes readably and without escape codes when plain', () => {
    const text = formatText(d, PLAIN);
    expect(text).not.toMatch(/\x1b/);
    expect(text).toContain('株式会社テスト ホワイトペーパー: 第1版 → 第2版');
    expect(text).toContain('  + B');
    expect(text).toContain('  ~ 12.3.1 情報のバックアップ\n      - 日次で3世代を取得しています。\n      + 日次で7世代を取得しています。');
    expect(text).toContain('  ~ 12.3.1 backup_generations daily 3 → 7');
  });

  it('colours and marks the changed part only when given the colour style', () => {
    const text = formatText(d, COLOUR);
    expect(text).toContain('\x1b[7m3\x1b[27m');
    expect(text).toContain('\x1b[32m');
  });

  it('notes when the two documents are not editions of one whitepaper', () => {
    const a = edition(1, '1', '同じ。', []);
    const b = edition(2, '1', '同じ。', []);
    b.document.family_id = 2;
    const other = diffEditions(a, b);
    expect(other.same_family).toBe(false);
    expect(formatText(other)).toContain('note: these are not editions of the same whitepaper');
    expect(formatText(d)).not.toContain('note:');
  });

  it('says so when nothing changed', () => {
    const same = edition(1, '1', '同じ。', []);
    expect(formatText(diffEditions(same, { ...same, document: { ...same.document, id: 2 } }))).toContain('no differences');
  });
});
