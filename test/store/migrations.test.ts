// Schema migrations: a database written by each earlier schema version (test/fixtures/schema/,
// made by make.sh there with the code of that version) migrates to the latest, whatever the
// latest is, and is then the same as a database created new; and migrations stay frozen.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcess, runBatch } from '../../src/batch/run.ts';
import { openForWrite, type DB } from '../../src/store/db.ts';
import { SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { ROOT, tmp } from '../batch/helpers.ts';
import { whitepaperJa } from '../../pipelines/version.ts';

const FIXTURES = join(ROOT, 'test/fixtures/schema');
/** The files make.sh stored in every fixture database, under in/. */
const INPUTS = ['test/fixtures/revisions/infocms-1.3.txt', 'test/fixtures/revisions/infocms-1.4.txt', 'corpus/001_54f9b4840afe051d.txt', 'test/fixtures/bad/inputs/not-a-whitepaper.md'];
const fixtures = readdirSync(FIXTURES)
  .filter((f) => /^v\d+\.sqlite$/.test(f))
  .sort((a, b) => parseInt(a.slice(1)) - parseInt(b.slice(1)));

/** Tables, indexes, views and triggers as SQLite stores them (the FTS5 index's own tables included). */
const schemaOf = (db: DB) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
const count = (db: DB, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a database written by an earlier schema version', () => {
  it('is kept for every version before the latest (with a new migration, add the version before it to make.sh)', () => {
    const versions = fixtures.map((f) => parseInt(f.slice(1)));
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(versions).toContain(v);
    expect(Math.max(...versions)).toBeLessThanOrEqual(SCHEMA_VERSION);
  });

  it.each(fixtures)('%s migrates to the latest version, keeps its data, and is then what a new database is', async (name) => {
    const dir = tmp('migrate');
    const path = join(dir, name);
    copyFileSync(join(FIXTURES, name), path);
    const before = new Database(path, { readonly: true });
    const version = before.pragma('user_version', { simple: true }) as number;
    const rows = Object.fromEntries(['documents', 'sections', 'facts', 'services', 'revisions'].map((t) => [t, count(before, t)]));
    before.close();
    expect(version).toBe(parseInt(name.slice(1)));

    const db = openForWrite(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const fresh = openForWrite(join(dir, 'fresh.sqlite'));
    expect(schemaOf(db)).toEqual(schemaOf(fresh));
    fresh.close();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    for (const [table, n] of Object.entries(rows)) expect(count(db, table), table).toBe(n);
    // The two editions of one whitepaper form one family; the others a family each, titled.
    const families = db
      .prepare('SELECT f.vendor, f.title, group_concat(d.version) AS versions FROM documents d JOIN families f ON f.id = d.family_id GROUP BY f.id ORDER BY f.id')
      .all();
    expect(families).toEqual([
      { vendor: 'サイバートラスト株式会社', title: 'クラウドセキュリティホワイトペーパー', versions: '2' },
      { vendor: '株式会社インフォネット', title: 'セキュリティホワイトペーパー', versions: '1.3,1.4' },
      { vendor: null, title: null, versions: null },
    ]);
    expect(db.prepare('SELECT vendor, version FROM latest_editions WHERE vendor IS NOT NULL ORDER BY vendor').all()).toEqual([
      { vendor: 'サイバートラスト株式会社', version: '2' },
      { vendor: '株式会社インフォネット', version: '1.4' },
    ]);
    for (const view of ['fact_matrix', 'control_coverage', 'contradictions', 'fact_labels', 'latest_documents']) expect(() => db.prepare(`SELECT * FROM ${view}`).all()).not.toThrow();
    const ids = db.prepare('SELECT id, sha256 FROM documents ORDER BY id').all();
    db.close();

    // The next run re-reads its documents (stored by older rules) in place, into the same families.
    mkdirSync(join(dir, 'in'));
    for (const f of INPUTS) copyFileSync(join(ROOT, f), join(dir, 'in', f.split('/').at(-1)!));
    const summary = await runBatch({ pipeline: whitepaperJa(), paths: [join(dir, 'in')], db: path, jobs: 1, force: false, processor: inProcess });
    expect(summary.failed).toEqual([]);
    expect(summary.stored).toHaveLength(INPUTS.length);
    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT id, sha256 FROM documents ORDER BY id').all()).toEqual(ids);
    expect(count(after, 'families')).toBe(3);
    expect(count(after, 'sections_fts')).toBe(count(after, 'sections'));
    after.close();
  });
});

describe('migrations are frozen', () => {
  // A migration does to an old database what it did when it was written: it may import types,
  // never code that may change later (migration 3 keeps its own copy of the family grouping).
  const dir = join(ROOT, 'src/store/schema');
  it.each(readdirSync(dir))('%s imports nothing but types', (file) => {
    const imports = readFileSync(join(dir, file), 'utf8').match(/^import .*$/gm) ?? [];
    expect(imports.filter((line) => !line.startsWith('import type '))).toEqual([]);
  });
});

describe('the filters users write most', () => {
  // EXPLAIN QUERY PLAN's detail says `SEARCH … USING INDEX name` for an index, `SCAN table` for a full scan.
  const db = openForWrite(join(tmp('plan'), 'h.sqlite'));
  afterAll(() => db.close());
  it.each([
    ["SELECT * FROM facts WHERE control_id = '12.3.1'", 'facts_control'],
    ['SELECT * FROM facts WHERE section_id = 1', 'facts_section'],
    ["SELECT * FROM documents WHERE vendor = '株式会社インフォネット'", 'documents_vendor'],
  ])('%s uses an index', (sql, index) => {
    const plan = db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => r.detail);
    expect(plan.join('\n')).toContain(`USING INDEX ${index}`);
  });
});
