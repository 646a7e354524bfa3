import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth, formatTable, truncate } from '../../src/export/table.ts';
import { toCsv } from '../../src/export/csv.ts';
import { buildCorpusDb, cli, parseCsv, sha256File, type Built } from './helpers.ts';

let built: Built;
let documents: number;

beforeAll(async () => {
  built = await buildCorpusDb('hakusho-query-');
  const db = new Database(built.db, { readonly: true });
  documents = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  db.close();
});
afterAll(() => built?.cleanup());

describe('hakusho query', () => {
  it('prints an aligned table, CJK characters two columns wide', async () => {
    const r = await cli('query', 'SELECT id, vendor, version FROM documents ORDER BY id', '--db', built.db);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`(${documents} rows)`);
    const table = lines.slice(0, -1);
    expect(table).toHaveLength(documents + 2);
    expect(table[0]).toMatch(/^id \| vendor +\| version$/);
    expect(table[1]).toMatch(/^-+-\+-+-\+-+$/);
    // The second separator sits at the same display column on every row.
    const column = (line: string) => displayWidth(line.slice(0, line.lastIndexOf(' | ')));
    const at = column(table[0]!);
    for (const line of table.slice(2)) expect(column(line)).toBe(at);
    expect(r.stdout).toContain('株式会社IDCフロンティア');
  });

  it('writes RFC 4180 CSV', async () => {
    const r = await cli('query', `SELECT 'a,b' AS x, 'say "hi"' AS y, 'line1' || char(10) || 'line2' AS z, NULL AS n, 3 AS i`, '--db', built.db, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('x,y,z,n,i\r\n"a,b","say ""hi""","line1\nline2",,3\r\n');
    const docs = await cli('query', 'SELECT vendor, title FROM documents', '--db', built.db, '--format', 'csv');
    expect(parseCsv(docs.stdout)).toHaveLength(documents + 1);
  });

  it('writes JSON: an array of objects', async () => {
    const r = await cli('query', 'SELECT * FROM latest_documents', '--db', built.db, '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(documents);
    expect(rows[0]).toHaveProperty('vendor');
    const dup = JSON.parse((await cli('query', 'SELECT 1 AS id, 2 AS id', '--db', built.db, '--format', 'json')).stdout);
    expect(dup).toEqual([{ id: 1, id_2: 2 }]);
    expect((await cli('query', 'SELECT 1 AS x WHERE 0', '--db', built.db, '--format', 'json')).stdout).toBe('[]\n');
  });

  it('allows reading PRAGMAs and EXPLAIN', async () => {
    expect((await cli('query', 'PRAGMA table_info(sections)', '--db', built.db)).code).toBe(0);
    expect((await cli('query', 'PRAGMA user_version', '--db', built.db)).code).toBe(0);
    expect((await cli('query', 'EXPLAIN QUERY PLAN SELECT * FROM facts WHERE kind = 1', '--db', built.db)).code).toBe(0);
  });

  const writes = [
    'DELETE FROM facts',
    "UPDATE documents SET vendor = 'x'",
    "INSERT INTO controls (id, title) VALUES ('x', 'y')",
    'DROP TABLE facts',
    'DROP VIEW fact_matrix',
    'CREATE TABLE t (x)',
    'CREATE TEMP TABLE t (x)',
    "WITH x AS (SELECT 1) DELETE FROM facts",
    'PRAGMA user_version = 99',
    'PRAGMA journal_mode = DELETE',
    'PRAGMA cache_size(10)',
    '/* hi */ -- there\n ATTACH DATABASE ":memory:" AS other',
    'VACUUM',
    'REINDEX',
    'ANALYZE',
  ];
  it.each(writes)('refuses %s and changes nothing', async (sql) => {
    const before = sha256File(built.db);
    const r = await cli('query', sql, '--db', built.db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/query opens the database read-only; .*use sqlite3 to change data/);
    expect(r.stdout).toBe('');
    expect(sha256File(built.db)).toBe(before);
  });

  it('refuses VACUUM INTO, which SQLite would run on a read-only connection', async () => {
    const target = join(built.dir, 'copy.sqlite');
    const r = await cli('query', `VACUUM INTO '${target}'`, '--db', built.db);
    expect(r.code).toBe(1);
    expect(existsSync(target)).toBe(false);
  });

  it('keeps every row after all the refused writes', async () => {
    const r = await cli('query', 'SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM sections) AS s', '--db', built.db, '--format', 'json');
    const [{ d, s }] = JSON.parse(r.stdout) as { d: number; s: number }[];
    expect(d).toBe(documents);
    expect(s).toBeGreaterThan(100);
  });

  it('takes exactly one statement', async () => {
    const two = await cli('query', 'SELECT 1; SELECT 2', '--db', built.db);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/exactly one SQL statement/);
    expect((await cli('query', '   ', '--db', built.db)).code).toBe(2);
    expect((await cli('query', '--db', built.db)).code).toBe(2);
    expect((await cli('query', 'SELECT 1;', '--db', built.db)).code).toBe(0);
  });

  it('says what is wrong', async () => {
    const bad = await cli('query', 'SELEC 1', '--db', built.db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/does not compile/);
    const fmt = await cli('query', 'SELECT 1', '--db', built.db, '--format', 'xml');
    expect(fmt.code).toBe(2);
    const none = await cli('query', 'SELECT 1', '--db', join(built.dir, 'missing.sqlite'));
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/run `hakusho run <folder>/);
    const help = await cli('query', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: hakusho query/);
  });
});

describe('text tables', () => {
  it('counts East Asian wide characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('ｱｲ')).toBe(2);
    expect(displayWidth('か\u3099')).toBe(2);
    expect(truncate('情報セキュリティ', 7)).toBe('情報セ…');
  });

  it('aligns mixed-width cells and keeps rows on one line', () => {
    const t = formatTable(['k', 'v'], [['日本', 1], ['ab', 22], ['x\ny', null]]);
    expect(t).toBe(['k    |  v', '-----+---', '日本 |  1', 'ab   | 22', 'x↵y  |'].join('\n') + '\n');
  });

  it('quotes CSV fields only when needed', () => {
    expect(toCsv(['a', 'b'], [[' lead', 'plain'], ['日本,語', null]])).toBe('a,b\r\n" lead",plain\r\n"日本,語",\r\n');
  });
});
