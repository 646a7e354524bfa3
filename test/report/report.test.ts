import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/html.ts';
import { openForWrite } from '../../src/store/db.ts';
import { createWriter } from '../../src/store/writer.ts';
import { buildCorpusDb, cli, syntheticResult, type Built } from '../query/helpers.ts';
import { dumpDom, haveChromium, screenshot } from './chromium.ts';
import { colourCount, decodePng, inkPixels } from './png.ts';

// Evidence that would run as script if it were not escaped.
const EVIL = '多要素認証を<script>document.title="pwned"</script>提供します & "more"';
const OLD_EDITION_TEXT = '旧版にだけある本文テキスト';

let built: Built;
let html: string;
let out: string;
let vendors: string[];

beforeAll(async () => {
  built = await buildCorpusDb('hakusho-report-');
  const db = openForWrite(built.db);
  // A contradiction of our own (mfa stated and denied), whatever extraction finds in the corpus.
  const doc = db.prepare("SELECT d.id, d.vendor, d.title FROM documents d WHERE d.vendor = '株式会社IDCフロンティア'").get() as {
    id: number;
    vendor: string;
    title: string;
  };
  const section = (control: string) => db.prepare('SELECT id FROM sections WHERE document_id = ? AND control_id = ?').pluck().get(doc.id, control) as number;
  const fact = db.prepare(
    `INSERT INTO facts (document_id, section_id, control_id, kind, value, negated, evidence, page) VALUES (?, ?, ?, 'mfa', 'true', ?, ?, ?)`,
  );
  fact.run(doc.id, section('9.2.3'), '9.2.3', 0, EVIL, 12);
  fact.run(doc.id, section('9.4.2') ?? section('9.2.3'), '9.4.2', 1, '多要素認証は提供していません。', 13);
  // An older edition of the same whitepaper: stored, but not a column of the comparison.
  createWriter(db).store({
    path: 'old-edition.txt',
    sha256: 'old-edition',
    bytes: 1,
    pipelineVersion: 'test',
    result: syntheticResult({ vendor: doc.vendor, title: doc.title, version: '0.9', published: '2000-01-01' }, [
      { controlId: '12.3.1', body: OLD_EDITION_TEXT, searchText: OLD_EDITION_TEXT },
    ]),
    runId: null,
  });
  db.close();
  const ro = new Database(built.db, { readonly: true });
  vendors = ro.prepare('SELECT DISTINCT vendor FROM documents').pluck().all() as string[];
  ro.close();
  out = join(built.dir, 'out', 'report.html');
  const r = await cli('report', '--db', built.db, '--out', out);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(out);
  html = readFileSync(out, 'utf8');
});
afterAll(() => built?.cleanup());

describe('hakusho report', () => {
  it('writes one self-contained page: no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc=|@import|url\(/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(100);
    expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual([]);
  });

  it('has a target for every link', () => {
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
    const missing = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });

  it('compares every vendor, the latest edition only', () => {
    expect(vendors.length).toBeGreaterThanOrEqual(5);
    for (const v of vendors) expect(html).toContain(escapeHtml(v));
    expect(html).not.toContain(OLD_EDITION_TEXT);
    expect(html).toContain('保存済みの旧版1件は除外');
  });

  it('shows facts with links to their evidence, coverage and contradictions', () => {
    expect(html).toMatch(/<a class="value" href="#f\d+" title="[^"]*">あり<\/a>/);
    expect(html).toMatch(/<a class="value negated" href="#f\d+"[^>]*>なし<\/a>/);
    const contradictions = html.slice(html.indexOf('<section id="contradictions">'), html.indexOf('<section id="evidence">'));
    expect(contradictions).toContain('多要素認証は提供していません。');
    expect(contradictions).toContain('<td>多要素認証</td>');
    const coverage = html.slice(html.indexOf('<section id="coverage">'), html.indexOf('<section id="contradictions">'));
    expect(coverage).toMatch(/<code>12\.3\.1<\/code>情報のバックアップ/);
    expect(coverage).toMatch(/<td class="yes" data-doc="\d+"><a href="#s\d+"/);
    expect(coverage).toMatch(/<td class="no" data-doc="\d+" title="[^"]*: 記載なし"/);
  });

  it('speaks Japanese: its headings, and no internal code in the text a reader sees', () => {
    const visible = html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
    for (const code of ['customer_data', 'on_change', 'business_day', 'not true', 'backup_generations', 'retention_days', 'daily']) expect(visible).not.toContain(code);
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['ホワイトペーパー', '主な事実', '管理策の対応状況', expect.stringMatching(/^矛盾（\d+）$/), '根拠', 'セクション本文']);
    expect(visible).toMatch(/\d+世代（日次）/);
    expect(visible).toMatch(/最大\d+日（顧客データ）/);
    expect(visible).toContain('東京 (aws:ap-northeast-1)');
  });

  it('speaks English with --lang en', async () => {
    const en = join(built.dir, 'out', 'report-en.html');
    expect((await cli('report', '--db', built.db, '--out', en, '--lang', 'en')).code).toBe(0);
    const page = readFileSync(en, 'utf8');
    expect([...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(['Whitepapers', 'Key facts', 'Control coverage', expect.stringMatching(/^Contradictions/), 'Evidence', 'Section text']);
    expect(page).toMatch(/\d+ generations \(daily\)/);
    expect(page).toContain('<html lang="en">');
    expect((await cli('report', '--db', built.db, '--lang', 'fr')).code).toBe(2);
  });

  it('has a vendor filter and tables whose header and first column stick, with no scrolling box around them', () => {
    expect(html).toMatch(/<input type="search" id="vendor-filter"/);
    expect(html).not.toContain('overflow-x');
    expect(html).toMatch(/thead th \{[^}]*position: sticky; top: 0/);
    expect(html).toMatch(/tbody th:first-child[^{]*\{[^}]*position: sticky; left: 0/);
    for (const v of vendors) expect(html).toMatch(new RegExp(`<tr id="doc-\\d+" data-doc="\\d+" data-name="${escapeHtml(v).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`));
  });

  it('prints on A4 landscape with table headers repeated on every page', () => {
    expect(html).toMatch(/@page \{ size: A4 landscape;/);
    expect(html).toMatch(/@media print \{[\s\S]*thead \{ display: table-header-group; \}/);
  });

  it('escapes all text', () => {
    expect(html).not.toContain('<script>document.title');
    expect(html).toContain(escapeHtml(EVIL));
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('writes a page for an empty database too, and says what to do', async () => {
    const empty = join(built.dir, 'empty.sqlite');
    openForWrite(empty).close();
    const page = join(built.dir, 'empty.html');
    expect((await cli('report', '--db', empty, '--out', page)).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('先に <code>hakusho run &lt;フォルダ&gt;</code> を実行してください');
  });

  it('fails with a hint when there is no database', async () => {
    const r = await cli('report', '--db', join(built.dir, 'none.sqlite'), '--out', join(built.dir, 'x.html'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/run `hakusho run <folder>/);
    expect(existsSync(join(built.dir, 'x.html'))).toBe(false);
    expect((await cli('report', 'extra', '--db', built.db)).code).toBe(2);
  });
});

// In CI the browser must be there (.ci/run installs chromium and fonts-ipaexfont); elsewhere the
// test is skipped when it is missing.
describe.skipIf(!haveChromium() && !process.env.CI)('the report in headless Chromium', () => {
  it('renders a page that is not blank', async () => {
    const png = join(built.dir, 'report.png');
    await screenshot(out, png);
    const img = decodePng(readFileSync(png));
    expect([img.width, img.height]).toEqual([1280, 2000]);
    const ink = inkPixels(img) / (img.width * img.height);
    expect(ink).toBeGreaterThan(0.01);
    expect(colourCount(img)).toBeGreaterThan(8);
  });

  it('shows every vendor in the rendered DOM, and runs no script from the data', async () => {
    const dom = await dumpDom(out);
    for (const v of vendors) expect(dom).toContain(escapeHtml(v));
    expect(dom).toMatch(/<table class="matrix">/);
    expect(dom).toMatch(/<title>ISO\/IEC 27017 ホワイトペーパー比較 — hakusho<\/title>/);
  });
});
