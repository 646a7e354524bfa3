// The report of 30 vendors printed to PDF by headless Chromium, read back with pdftotext: A4
// landscape pages, and every vendor's name and every fact kind on the pages of key facts and of
// control coverage (the wide tables come in groups of vendors that fit a page).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whitepaperJa } from '../../pipelines/version.ts';
import { inProcess, runBatch } from '../../src/batch/run.ts';
import '../../src/facts/kinds/all.ts';
import { kindName } from '../../src/facts/registry.ts';
import { cli } from '../query/helpers.ts';
import { haveChromium, printToPdf } from './chromium.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Each corpus whitepaper and the vendor name it prints, replaced by a new vendor's in its copies. */
const SOURCES: [string, string][] = [
  ['corpus/000_0e3f9a925e004c1f.txt', '株式会社東京共同トレード・コンプライアンス'],
  ['corpus/001_54f9b4840afe051d.txt', 'サイバートラスト株式会社'],
  ['corpus/002_06e9b655fac815a7.txt', 'CHROFY株式会社'],
  ['corpus/003_a13703324aa8d91f.txt', '株式会社 IDC フロンティア'],
  ['corpus/004_6a6be46e2bd93d57.txt', '株式会社インフォネット'],
];
const VENDORS = Array.from({ length: 30 }, (_, i) => `株式会社ベンダー${String(i + 1).padStart(2, '0')}`);
const havePdftotext = () => existsSync('/usr/bin/pdftotext');

describe.skipIf((!haveChromium() || !havePdftotext()) && !process.env.CI)('the report of 30 vendors, printed', () => {
  let dir: string;
  let text: string;
  let kinds: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hakusho-print-'));
    mkdirSync(join(dir, 'in'));
    VENDORS.forEach((vendor, i) => {
      const [file, name] = SOURCES[i % SOURCES.length]!;
      writeFileSync(join(dir, 'in', `${String(i + 1).padStart(2, '0')}.txt`), readFileSync(join(ROOT, file), 'utf8').replaceAll(name, vendor));
    });
    const db = join(dir, 'h.sqlite');
    const summary = await runBatch({ pipeline: whitepaperJa(), paths: [join(dir, 'in')], db, jobs: 1, force: false, processor: inProcess });
    expect(summary.stored).toHaveLength(30);
    const conn = new Database(db, { readonly: true });
    expect((conn.prepare('SELECT DISTINCT vendor FROM documents ORDER BY vendor').pluck().all() as string[]).sort()).toEqual(VENDORS);
    kinds = conn.prepare('SELECT DISTINCT kind FROM facts').pluck().all() as string[];
    conn.close();
    const html = join(dir, 'report.html');
    expect((await cli('report', '--db', db, '--out', html)).code).toBe(0);
    const pdf = join(dir, 'report.pdf');
    await printToPdf(html, pdf);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  }, 300_000);
  afterAll(() => (process.env.KEEP ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

  /** The printed text from one heading to the next, without whitespace (a name may wrap in its cell). */
  const part = (from: string, to: string) => {
    const start = text.indexOf(from);
    const end = text.indexOf(to, start + from.length);
    expect(start, from).toBeGreaterThanOrEqual(0);
    expect(end, to).toBeGreaterThan(start);
    return text.slice(start, end).replace(/\s+/g, '');
  };

  it('names all 30 vendors on the pages of key facts, with every fact kind', () => {
    const facts = part('主な事実', '管理策の対応状況');
    expect(VENDORS.filter((v) => !facts.includes(v))).toEqual([]);
    expect(kinds.length).toBeGreaterThan(8);
    expect(kinds.map((k) => kindName(k, 'ja')).filter((name) => !facts.includes(name.replace(/\s+/g, '')))).toEqual([]);
  });

  it('names all 30 vendors on the pages of control coverage', () => {
    const coverage = part('管理策の対応状況', '矛盾');
    expect(VENDORS.filter((v) => !coverage.includes(v))).toEqual([]);
    expect(coverage).toContain('情報のバックアップ');
  });
});
