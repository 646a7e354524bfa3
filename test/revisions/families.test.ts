// Document families: which documents are editions of one whitepaper, their order, the views.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openForWrite, type DB } from '../../src/store/db.ts';
import { groupEditions, type EditionKeys } from '../../src/store/families.ts';
import { MIGRATIONS, migrate } from '../../src/store/migrations.ts';
import { createWriter } from '../../src/store/writer.ts';
import type { DocumentMeta, Result } from '../../src/types.ts';
import { prng } from '../support/prng.ts';

interface Doc extends Partial<DocumentMeta> {
  sha: string;
}

const result = (meta: Partial<DocumentMeta>): Result => ({
  format: 'text',
  pages: null,
  meta: { vendor: null, title: null, services: [], version: null, published: null, revisions: [], ...meta },
  sections: [],
  facts: [],
  diagnostics: [],
});

function freshDb(): DB {
  return openForWrite(join(mkdtempSync(join(tmpdir(), 'hakusho-families-')), 'h.sqlite'));
}

function storeAll(db: DB, docs: Doc[]): Map<string, number> {
  const writer = createWriter(db);
  const ids = new Map<string, number>();
  for (const { sha, ...meta } of docs) {
    ids.set(sha, writer.store({ path: `${sha}.txt`, sha256: sha, bytes: 1, pipelineVersion: 'test/1', result: result(meta), runId: null }));
  }
  return ids;
}

/** The partition of documents into families, as sets of sha256, independent of family ids. */
function partition(db: DB): string[][] {
  const rows = db.prepare<[], { family_id: number; sha256: string }>('SELECT family_id, sha256 FROM documents ORDER BY sha256').all();
  const byFamily = new Map<number, string[]>();
  for (const r of rows) byFamily.set(r.family_id, [...(byFamily.get(r.family_id) ?? []), r.sha256]);
  return [...byFamily.values()].sort((a, b) => a[0]!.localeCompare(b[0]!));
}

const V = '株式会社テスト';

/** Editions and non-editions: one case of each rule of src/store/families.ts. */
const CASES: Doc[] = [
  // same vendor and title, later editions: one family (title spacing does not matter)
  { sha: 'a1', vendor: V, title: 'ISO/IEC 27017 ホワイトペーパー', services: ['Cloud'], version: '1.0', published: '2022-06-01' },
  { sha: 'a2', vendor: V, title: 'ISO/IEC27017 ホワイトペーパー', services: ['Cloud'], version: '1.1', published: '2023-07-01' },
  // same generic title, other services: another whitepaper of the same vendor
  { sha: 'b1', vendor: V, title: 'ISO/IEC 27017 ホワイトペーパー', services: ['Mail'], version: '1.0', published: '2022-01-01' },
  // retitled edition with the same services: still the same whitepaper as b1
  { sha: 'b2', vendor: V, title: 'クラウドセキュリティ白書', services: ['Mail'], version: '2.0', published: '2024-01-01' },
  // same title and services at another vendor: not an edition
  { sha: 'c1', vendor: '別会社株式会社', title: 'ISO/IEC 27017 ホワイトペーパー', services: ['Cloud'], version: '1.0' },
  // no vendor: a family of its own, even with an equal title
  { sha: 'd1', vendor: null, title: 'ISO/IEC 27017 ホワイトペーパー', services: ['Cloud'] },
  { sha: 'd2', vendor: null, title: 'ISO/IEC 27017 ホワイトペーパー', services: ['Cloud'] },
];

const EXPECTED = [['a1', 'a2'], ['b1', 'b2'], ['c1'], ['d1'], ['d2']];

describe('families', () => {
  it('links editions: same vendor and (same title with overlapping services, or the same services)', () => {
    const db = freshDb();
    storeAll(db, CASES);
    expect(partition(db)).toEqual(EXPECTED);
    expect(db.prepare('SELECT count(*) AS n FROM families').get()).toEqual({ n: 5 });
    expect(db.prepare("SELECT vendor, title FROM families WHERE id = (SELECT family_id FROM documents WHERE sha256 = 'b1')").get()).toEqual({
      vendor: V,
      title: 'クラウドセキュリティ白書',
    });
    db.close();
  });

  it('merges two families when a new edition links them, and keeps the older family id', () => {
    const db = freshDb();
    const ids = storeAll(db, [
      { sha: 'x1', vendor: V, title: 'White paper', services: ['A'], version: '1' },
      { sha: 'x2', vendor: V, title: 'Security white paper', services: ['A', 'B'], version: '2' },
    ]);
    const before = db.prepare<[number], { family_id: number }>('SELECT family_id FROM documents WHERE id = ?');
    expect(before.get(ids.get('x1')!)!.family_id).not.toBe(before.get(ids.get('x2')!)!.family_id);
    const first = before.get(ids.get('x1')!)!.family_id;
    storeAll(db, [{ sha: 'x3', vendor: V, title: 'Security white paper', services: ['A'], version: '3' }]);
    expect(partition(db)).toEqual([['x1', 'x2', 'x3']]);
    expect(before.get(ids.get('x2')!)!.family_id).toBe(first);
    expect(db.prepare('SELECT count(*) AS n FROM families').get()).toEqual({ n: 1 });
    db.close();
  });

  it('regroups a document stored again with other metadata, and drops the family it leaves empty', () => {
    const db = freshDb();
    storeAll(db, [
      { sha: 'y1', vendor: V, title: 'T', services: ['A'], version: '1' },
      { sha: 'y2', vendor: V, title: 'T', services: ['A'], version: '2' },
      { sha: 'z1', vendor: null, title: 'U' },
    ]);
    expect(partition(db)).toEqual([['y1', 'y2'], ['z1']]);
    // Re-read by a newer pipeline: y2 turns out to be another vendor's, z1 gets the vendor.
    storeAll(db, [
      { sha: 'y2', vendor: '他社株式会社', title: 'T', services: ['A'], version: '2' },
      { sha: 'z1', vendor: V, title: 'T', services: ['A'], version: '3' },
    ]);
    expect(partition(db)).toEqual([['y1', 'z1'], ['y2']]);
    expect(db.prepare('SELECT count(*) AS n FROM families').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM documents WHERE family_id IS NULL').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('migration 3 backfills a database made before families the same way the store links new documents', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hakusho-backfill-')), 'old.sqlite');
    const old = new Database(path);
    for (const m of MIGRATIONS.filter((m) => m.version < 3)) {
      old.exec(m.up);
      old.pragma(`user_version = ${m.version}`);
    }
    const insertDoc = old.prepare(
      "INSERT INTO documents (path, sha256, vendor, title, version, published, format, bytes, pipeline_version, ingested_at) VALUES (?, ?, ?, ?, ?, ?, 'text', 1, 'old', 'then')",
    );
    const insertService = old.prepare('INSERT INTO services (document_id, ord, name) VALUES (?, ?, ?)');
    for (const d of CASES) {
      const id = Number(insertDoc.run(`${d.sha}.txt`, d.sha, d.vendor ?? null, d.title ?? null, d.version ?? null, d.published ?? null).lastInsertRowid);
      (d.services ?? []).forEach((s, i) => insertService.run(id, i, s));
    }
    old.close();

    const db = openForWrite(path);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    expect(partition(db)).toEqual(EXPECTED);
    expect(db.prepare('SELECT count(*) AS n FROM families WHERE title IS NULL').get()).toEqual({ n: 0 });
    // A new edition stored afterwards joins the backfilled family.
    storeAll(db, [{ sha: 'a3', vendor: V, title: 'ISO/IEC 27017 ホワイトペーパー', services: ['Cloud'], version: '1.2', published: '2024-01-01' }]);
    expect(partition(db)[0]).toEqual(['a1', 'a2', 'a3']);
    expect(db.prepare("SELECT sha256 FROM latest_editions WHERE sha256 LIKE 'a%'").all()).toEqual([{ sha256: 'a3' }]);
    db.close();
  });

  it('migrates an empty database to the latest version', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'view' AND name IN ('editions', 'latest_editions', 'latest_documents') ORDER BY name").all()).toEqual([
      { name: 'editions' },
      { name: 'latest_documents' },
      { name: 'latest_editions' },
    ]);
    db.close();
  });
});

describe('edition order (views editions and latest_editions)', () => {
  const db = freshDb();
  // One whitepaper: the same vendor, title and services throughout.
  const edition = (sha: string, version: string | null, published: string | null): Doc => ({ sha, vendor: V, title: 'T', services: ['S'], version, published });
  const ids = storeAll(db, [
    edition('v4.1', '4.1', '2021-01-18'),
    edition('v1.10', '1.10', '2019-05-01'),
    edition('v1.9', '1.9', '2019-05-01'),
    edition('first', '初版', '2019-05-01'),
    edition('v4', '4', '2021-01-18'),
    edition('v2', '2', '2020-02'),
    edition('undated', '9', null),
  ]);
  const order = db
    .prepare<[], { sha256: string; edition_rank: number; edition_count: number; previous_document_id: number | null; next_document_id: number | null }>(
      'SELECT sha256, edition_rank, edition_count, previous_document_id, next_document_id FROM editions ORDER BY edition_rank',
    )
    .all();

  it('is newest first by published date, then by version compared as numbers (4.1 after 4, 1.10 after 1.9, 初版 first)', () => {
    expect(order.map((r) => r.sha256)).toEqual(['v4.1', 'v4', 'v2', 'v1.10', 'v1.9', 'first', 'undated']);
    expect(order.map((r) => r.edition_rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(order.map((r) => r.edition_count))).toEqual(new Set([7]));
  });

  it('links each edition to the one before and after it', () => {
    expect(order[0]!.previous_document_id).toBe(ids.get('v4'));
    expect(order[0]!.next_document_id).toBeNull();
    expect(order[1]!.next_document_id).toBe(ids.get('v4.1'));
    expect(order.at(-1)!.previous_document_id).toBeNull();
  });

  it('latest_editions and latest_documents both name the latest edition of each family, and older editions stay queryable', () => {
    expect(db.prepare('SELECT sha256, version FROM latest_editions').all()).toEqual([{ sha256: 'v4.1', version: '4.1' }]);
    expect(db.prepare('SELECT id FROM latest_documents').all()).toEqual(db.prepare('SELECT id FROM latest_editions').all());
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 7 });
  });
});

describe('groupEditions', () => {
  /** The rule as its comment states it, pair by pair, closed transitively: the reference. */
  function pairwise(docs: EditionKeys[]): Map<number, number> {
    const services = (d: EditionKeys) => (d.sv === null ? [] : d.sv.split('\u001f'));
    const related = (a: EditionKeys, b: EditionKeys) =>
      a.vendor === b.vendor &&
      ((a.t !== null && a.t === b.t && (a.sv === null || b.sv === null || services(a).some((n) => services(b).includes(n)))) ||
        (a.sv !== null && a.sv === b.sv) ||
        (a.t === null && b.t === null && a.sv === null && b.sv === null));
    const root = new Map(docs.map((d) => [d.id, d.id]));
    for (let changed = true; changed; ) {
      changed = false;
      for (const a of docs)
        for (const b of docs) {
          if (a === b || !related(a, b)) continue;
          const r = Math.min(root.get(a.id)!, root.get(b.id)!);
          for (const d of [a, b])
            if (root.get(d.id) !== r) {
              root.set(d.id, r);
              changed = true;
            }
        }
    }
    return root;
  }

  it('finds the families the rule defines pair by pair, on 200 random sets of editions', () => {
    const random = prng(27017);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let round = 0; round < 200; round++) {
      const docs: EditionKeys[] = Array.from({ length: 2 + Math.floor(random() * 12) }, (_, i) => {
        const names = ['Cloud', 'Mail', 'Backup'].filter(() => random() < 0.35).sort();
        return { id: i + 1, vendor: pick(['A社', 'B社']), t: pick([null, 'ホワイトペーパー', '白書']), sv: names.length ? names.join('\u001f') : null };
      });
      const want = pairwise(docs);
      const got = groupEditions(docs);
      expect(new Map(got.map((c) => [c.id, c.root]))).toEqual(want);
      for (const c of got) {
        const r = docs.find((d) => d.id === c.root)!;
        expect(c.root_key).toBe(`${r.vendor}|${r.t ?? ''}|${(r.sv ?? '').split('\u001f').join(',')}`);
      }
    }
  });
});
