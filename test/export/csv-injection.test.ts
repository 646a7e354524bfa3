// A whitepaper whose text starts like a spreadsheet formula (test/fixtures/csv-injection/): every CSV
// hakusho writes neutralises those cells with a leading apostrophe (OWASP), and leaves numbers alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whitepaperJa } from '../../pipelines/version.ts';
import { inProcess, runBatch } from '../../src/batch/run.ts';
import { cli, parseCsv } from '../query/helpers.ts';

const INPUT = new URL('../fixtures/csv-injection/', import.meta.url).pathname;
let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hakusho-csv-'));
  db = join(dir, 'h.sqlite');
  const summary = await runBatch({ pipeline: whitepaperJa(), paths: [INPUT], db, jobs: 1, force: false, processor: inProcess });
  expect(summary.stored).toHaveLength(1);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a body that starts with =HYPERLINK(…), + or @', () => {
  it('is neutralised in export --format csv --table sections', async () => {
    const r = await cli('export', '--format', 'csv', '--table', 'sections', '--db', db);
    const [header, ...rows] = parseCsv(r.stdout);
    const body = header!.indexOf('body');
    expect(rows.map((row) => row[body]!.slice(0, 11))).toEqual(["'=HYPERLINK", "'+操作ログは1年間保", "'@契約終了後30日以"]);
    expect(rows.every((row) => !/^[=+\-@]/.test(row[body]!))).toBe(true);
  });

  it('is neutralised in query --format csv, where numbers stay numbers', async () => {
    const r = await cli('query', "SELECT body, -5 AS n FROM sections ORDER BY ord LIMIT 1", '--format', 'csv', '--db', db);
    expect(parseCsv(r.stdout)[1]).toEqual([expect.stringMatching(/^'=HYPERLINK\("https/), '-5']);
  });

  it('is neutralised in the Japanese facts export, whose headers and labels are Japanese', async () => {
    const r = await cli('export', '--format', 'csv', '--lang', 'ja', '--db', db);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header!.slice(0, 4)).toEqual(['ファクトID', '文書ID', 'ベンダー', 'タイトル']);
    const at = (name: string) => header!.indexOf(name);
    const backup = rows.find((row) => row[at('種類')] === 'バックアップ世代数')!;
    expect([backup[at('表示')], backup[at('頻度')], backup[at('否定')]]).toEqual(['7世代（日次）', '日次', 'いいえ']);
    expect(rows.every((row) => !/^[=+\-@]/.test(row[at('根拠')]!))).toBe(true);
  });
});
