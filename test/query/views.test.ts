import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForWrite, type DB } from '../../src/store/db.ts';
import { createWriter } from '../../src/store/writer.ts';
import { buildCorpusDb, syntheticResult, type Built } from './helpers.ts';

// A whitepaper the corpus does not have, in two editions, with facts written by hand (so the
// assertions do not depend on what fact extraction finds in the corpus).
const META = { vendor: 'テスト株式会社', title: 'テスト白書', services: ['テストクラウド'] };
const SECTIONS = [
  { controlId: '12.3.1', heading: '情報のバックアップ', body: '日次で7世代のバックアップを保持します。', searchText: '日次 で 7 世代 の バックアップ を 保持 し ます' },
  { controlId: '10.1.1', heading: '暗号による管理策の利用方針', body: '通信は TLS 1.2 で暗号化します。保存データは暗号化しません。', searchText: '通信 は TLS 1 2 で 暗号 化 し ます' },
  { controlId: '18.1.5', heading: '暗号化機能に対する規制', body: 'TLS 1.2 は提供していません。', searchText: 'TLS 1 2 は 提供 し て い ませ ん' },
  { controlId: '6.1.1', heading: '情報セキュリティの役割及び責任', body: '   ', searchText: '' },
];
const FACTS = [
  { kind: 'backup_generations', sectionOrd: 0, value: '7', frequency: 'daily', evidence: '日次で7世代のバックアップを保持します。' },
  { kind: 'tls', sectionOrd: 1, value: '1.2', bound: 'exact', evidence: '通信は TLS 1.2 で暗号化します。' },
  { kind: 'tls', sectionOrd: 2, value: '1.2', bound: 'exact', negated: true, evidence: 'TLS 1.2 は提供していません。' },
  { kind: 'retention_days', sectionOrd: 0, value: '30', unit: 'day', subject: 'backup', bound: 'max', evidence: '30 日以内' },
  { kind: 'retention_days', sectionOrd: 0, value: '30', unit: 'day', subject: 'log', negated: true, evidence: 'ログは 30 日保存しません' },
  { kind: 'encryption_at_rest', sectionOrd: 1, value: 'true', negated: true, evidence: '保存データは暗号化しません。' },
];

let built: Built;
let db: DB;
let oldId: number;
let newId: number;

beforeAll(async () => {
  built = await buildCorpusDb('hakusho-views-');
  db = openForWrite(built.db);
  const writer = createWriter(db);
  const store = (version: string, published: string, facts: typeof FACTS) =>
    writer.store({
      path: `synthetic-${version}.txt`,
      sha256: `synthetic-${version}`,
      bytes: 1,
      pipelineVersion: 'test',
      result: syntheticResult({ ...META, version, published }, SECTIONS, facts),
      runId: null,
    });
  oldId = store('1', '2020-01-01', []);
  newId = store('2', '2023-04-01', FACTS);
});
afterAll(() => {
  db?.close();
  built?.cleanup();
});

describe('views', () => {
  it('latest_documents: the latest edition of each whitepaper', () => {
    const ids = db.prepare('SELECT id FROM latest_documents').pluck().all() as number[];
    expect(ids).toContain(newId);
    expect(ids).not.toContain(oldId);
    const vendors = db.prepare('SELECT count(DISTINCT vendor) FROM documents').pluck().get();
    expect(ids).toHaveLength(vendors as number);
  });

  it('fact_matrix: one row per document and kind, labels with negations marked', () => {
    const rows = db
      .prepare('SELECT kind, facts, negated, value_list FROM fact_matrix WHERE document_id = ? ORDER BY kind')
      .all(newId);
    expect(rows).toEqual([
      { kind: 'backup_generations', facts: 1, negated: 0, value_list: '7 (daily)' },
      { kind: 'encryption_at_rest', facts: 1, negated: 1, value_list: 'not true' },
      { kind: 'retention_days', facts: 2, negated: 1, value_list: '30 (backup max); not 30 (log)' },
      { kind: 'tls', facts: 2, negated: 1, value_list: '1.2; not 1.2' },
    ]);
    expect(db.prepare('SELECT count(*) FROM fact_matrix WHERE document_id = ?').pluck().get(oldId)).toBe(0);
  });

  it('control_coverage: every control of the catalog for every document, covered 0/1', () => {
    const controls = db.prepare('SELECT count(*) FROM controls').pluck().get() as number;
    const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    expect(db.prepare('SELECT count(*) FROM control_coverage').pluck().get()).toBe(controls * documents);
    const row = (control: string) =>
      db.prepare('SELECT covered, section_id, heading, facts FROM control_coverage WHERE document_id = ? AND control_id = ?').get(newId, control) as {
        covered: number;
        section_id: number | null;
        heading: string | null;
        facts: number;
      };
    const backup = row('12.3.1');
    expect(backup).toMatchObject({ covered: 1, heading: '情報のバックアップ', facts: 3 });
    expect(db.prepare('SELECT control_id FROM sections WHERE id = ?').pluck().get(backup.section_id)).toBe('12.3.1');
    expect(row('5.1.1')).toEqual({ covered: 0, section_id: null, heading: null, facts: 0 });
    // A section with an empty body does not address its control.
    expect(row('6.1.1').covered).toBe(0);
    const order = db.prepare('SELECT control_id FROM control_coverage WHERE document_id = ? ORDER BY control_sort').pluck().all(newId) as string[];
    expect(order.indexOf('5.1.1')).toBeLessThan(order.indexOf('12.3.1'));
    expect(order.indexOf('9.4.5')).toBeLessThan(order.indexOf('CLD.9.5.1'));
    expect(order.indexOf('CLD.9.5.1')).toBeLessThan(order.indexOf('10.1.1'));
  });

  it('contradictions: same kind, value and subject, affirmed and negated, with both evidences', () => {
    const rows = db.prepare('SELECT * FROM contradictions WHERE document_id = ?').all(newId);
    expect(rows).toEqual([
      expect.objectContaining({
        vendor: 'テスト株式会社',
        kind: 'tls',
        value: '1.2',
        affirmed_control_id: '10.1.1',
        affirmed_evidence: '通信は TLS 1.2 で暗号化します。',
        negated_control_id: '18.1.5',
        negated_evidence: 'TLS 1.2 は提供していません。',
      }),
    ]);
  });

  it('opens in the sqlite3 shell, which may be older than the SQLite in better-sqlite3', () => {
    if (!existsSync('/usr/bin/sqlite3')) return;
    for (const view of ['latest_documents', 'fact_labels', 'fact_matrix', 'control_coverage', 'contradictions']) {
      const out = execFileSync('/usr/bin/sqlite3', [built.db, `SELECT count(*) FROM ${view}`], { encoding: 'utf8' });
      expect(Number(out.trim())).toBeGreaterThan(0);
    }
  });
});
