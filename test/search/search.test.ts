import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcess, runBatch } from '../../src/batch/run.ts';
import { getTokenizer, type KuromojiTokenizer } from '../../src/facts/tokenizer.ts';
import { makeSnippet } from '../../src/search/snippet.ts';
import { buildQuery, searchText } from '../../src/search/tokens.ts';
import { openForWrite } from '../../src/store/db.ts';
import { createWriter } from '../../src/store/writer.ts';
import { buildCorpusDb, cli, CORPUS, syntheticResult, type Built } from '../query/helpers.ts';
import { whitepaperJa } from '../../pipelines/version.ts';

interface Hit {
  rank: number;
  score: number;
  section_id: number;
  vendor: string;
  version: string;
  control_id: string;
  heading: string;
  snippet: string;
}

let built: Built;
let tokenizer: KuromojiTokenizer;

const searchJson = async (...args: string[]) => {
  const r = await cli('search', ...args, '--db', built.db, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Hit[];
};

const count = (sql: string, ...params: unknown[]) => {
  const db = new Database(built.db, { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as number;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  built = await buildCorpusDb('hakusho-search-');
  tokenizer = await getTokenizer();
});
afterAll(() => built?.cleanup());

describe('hakusho search', () => {
  it('finds the 12.3.1 sections for 「バックアップ 世代」, best first, with marked snippets', async () => {
    const hits = await searchJson('バックアップ 世代');
    // Every section whose body has both words, and nothing else.
    const db = new Database(built.db, { readonly: true });
    const expected = db
      .prepare("SELECT id FROM sections WHERE body LIKE '%バックアップ%' AND body LIKE '%世代%'")
      .pluck()
      .all() as number[];
    const bodies = new Map((db.prepare('SELECT id, body FROM sections').all() as { id: number; body: string }[]).map((s) => [s.id, s.body]));
    db.close();
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(hits.map((h) => h.section_id).sort()).toEqual([...expected].sort());
    for (const h of hits) {
      expect(h.control_id).toBe('12.3.1');
      expect(h.heading).toBe('情報のバックアップ');
      expect(h.snippet).toMatch(/«(バックアップ|世代)»/);
      // The snippet is the body's own text (no spaces put between the words), cut and marked.
      const plain = h.snippet.replace(/[«»]/g, '').replace(/^…|…$/g, '');
      expect(bodies.get(h.section_id)!.replace(/\s+/g, ' ')).toContain(plain);
    }
    expect(hits.map((h) => h.rank)).toEqual(hits.map((_, i) => i + 1));
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(hits.map((h) => h.vendor)).toEqual(expect.arrayContaining(['株式会社東京共同トレード・コンプライアンス', '株式会社インフォネット']));
  });

  it('prints vendor, edition, control id, heading and snippet', async () => {
    const r = await cli('search', 'バックアップ 世代', '--db', built.db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1\. .+ {2}第[\d.]+版 \d{4}-\d{2}-\d{2} {2}12\.3\.1 情報のバックアップ\n {3}.*«/m);
    expect(r.stdout).toMatch(/\n\d+ sections\n$/);
  });

  it('finds two-character words, which a trigram index would miss', async () => {
    const hits = await searchJson('世代');
    expect(hits.length).toBeGreaterThanOrEqual(4);
    expect(hits.every((h) => h.snippet.includes('«世代»'))).toBe(true);
  });

  it('matches words written together as a phrase, and full-width input as its NFKC form', async () => {
    const phrase = await searchJson('世代管理');
    expect(phrase.map((h) => h.vendor)).toEqual(['サイバートラスト株式会社']);
    const wide = await searchJson('ＡＷＳ');
    expect(wide.length).toBeGreaterThan(0);
    expect(wide[0]!.snippet).toMatch(/«AWS»/i);
  });

  it('limits the number of results', async () => {
    expect(await searchJson('サービス', '--limit', '2')).toHaveLength(2);
    expect((await cli('search', 'サービス', '--limit', '2', '--db', built.db)).stdout).toMatch(/\n2 sections \(more match: --limit 10 shows more\)\n$/);
    const r = await cli('search', 'サービス', '--db', built.db, '--limit', '0');
    expect(r.code).toBe(2);
  });

  it('says so when nothing matches, and refuses a query with no word', async () => {
    const none = await cli('search', '該当しない語句ゼロ件', '--db', built.db);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^no section matches/);
    expect(await searchJson('該当しない語句ゼロ件')).toEqual([]);
    const punct = await cli('search', '、。！', '--db', built.db);
    expect(punct.code).toBe(2);
    expect((await cli('search', '--db', built.db)).code).toBe(2);
  });
});

describe('the search index', () => {
  it('has one row per section after a run, and still after a forced re-run', async () => {
    const sections = count('SELECT count(*) FROM sections');
    expect(count('SELECT count(*) FROM sections_fts')).toBe(sections);
    await runBatch({ pipeline: whitepaperJa(), paths: [CORPUS], db: built.db, jobs: 1, force: true, processor: inProcess });
    expect(count('SELECT count(*) FROM sections')).toBe(sections);
    expect(count('SELECT count(*) FROM sections_fts')).toBe(sections);
    expect(count('SELECT count(*) FROM sections s LEFT JOIN sections_fts f ON f.rowid = s.id WHERE f.rowid IS NULL')).toBe(0);
    expect((await searchJson('バックアップ 世代')).length).toBe(
      count("SELECT count(*) FROM sections WHERE body LIKE '%バックアップ%' AND body LIKE '%世代%'"),
    );
  });

  it('follows a re-stored document, drops a deleted one, and reports sections left unindexed', async () => {
    const db = openForWrite(built.db);
    const writer = createWriter(db);
    const meta = { vendor: '検索テスト株式会社', title: '白書', version: '1', published: '2024-01-01' };
    const body1 = '監査ログは七年間保管します。';
    const body2 = '監査ログは一年間で削除します。';
    const store = (body: string, withText = true) =>
      writer.store({
        path: 'synthetic.txt',
        sha256: 'synthetic-search',
        bytes: 1,
        pipelineVersion: 'test',
        result: syntheticResult(meta, [{ controlId: '12.4.1', body, ...(withText ? { searchText: searchText(tokenizer, body) } : {}) }]),
        runId: null,
      });
    const id = store(body1);
    db.close();
    expect((await searchJson('七年間')).map((h) => h.vendor)).toEqual(['検索テスト株式会社']);

    // The same document (same sha256) stored again with another text: the old words are gone.
    const db2 = openForWrite(built.db);
    const writer2 = createWriter(db2);
    writer2.store({
      path: 'synthetic.txt',
      sha256: 'synthetic-search',
      bytes: 1,
      pipelineVersion: 'test',
      result: syntheticResult(meta, [{ controlId: '12.4.1', body: body2, searchText: searchText(tokenizer, body2) }]),
      runId: null,
    });
    db2.close();
    expect(await searchJson('七年間')).toEqual([]);
    expect((await searchJson('一年間 削除')).map((h) => h.vendor)).toEqual(['検索テスト株式会社']);

    // Stored without search text (not by the pipeline): not indexed, and search says so.
    const db3 = openForWrite(built.db);
    createWriter(db3).store({
      path: 'synthetic.txt',
      sha256: 'synthetic-search',
      bytes: 1,
      pipelineVersion: 'test',
      result: syntheticResult(meta, [{ controlId: '12.4.1', body: body1 }]),
      runId: null,
    });
    db3.close();
    const warned = await cli('search', '七年間', '--db', built.db);
    expect(warned.stdout).toMatch(/^no section matches/);
    expect(warned.stderr).toMatch(/1 sections are not in the search index .*--force/);

    // Deleting the document (its sections go by cascade) takes its index rows with it.
    const db4 = openForWrite(built.db);
    db4.prepare('DELETE FROM documents WHERE id = ?').run(id);
    db4.close();
    expect(count('SELECT count(*) FROM sections_fts')).toBe(count('SELECT count(*) FROM sections'));
  });
});

describe('query building and snippets', () => {
  it('makes one phrase per space-separated chunk, ANDed, prefix on the last word unless a number', () => {
    expect(buildQuery(tokenizer, 'バックアップ 世代')).toEqual({ match: '"バックアップ" * AND "世代" *', terms: ['バックアップ', '世代'] });
    expect(buildQuery(tokenizer, '世代管理')!.match).toBe('"世代 管理" *');
    expect(buildQuery(tokenizer, '35世代')!.match).toBe('"35 世代" *');
    expect(buildQuery(tokenizer, '世代　35')!.match).toBe('"世代" * AND "35"');
    expect(buildQuery(tokenizer, 'a"b')!.match).toBe('"a b" *');
    expect(buildQuery(tokenizer, ' 、 ')).toBeNull();
  });

  it('indexes words, not punctuation or spaces', () => {
    expect(searchText(tokenizer, '日次:35 世代(1 カ月分)、月次。\n24 世代')).toBe('日次 35 世代 1 カ月 分 月次 24 世代');
  });

  it('cuts the body around the first match and marks every match', () => {
    const body = `${'あ'.repeat(50)}バックアップは日次:35 世代保持します。${'い'.repeat(200)}`;
    const s = makeSnippet(body, ['バックアップ', '35世代'], { before: 5, length: 40 });
    expect(s).toBe(`…あああああ«バックアップ»は日次:«35 世代»保持します。${'い'.repeat(14)}…`);
    expect(makeSnippet('短い本文', ['該当なし'])).toBe('短い本文');
  });
});
