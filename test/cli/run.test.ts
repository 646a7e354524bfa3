import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { score, type Gold } from '../../scripts/eval-score.ts';
import { hakusho, ROOT } from './cli.ts';

const golds = readdirSync(join(ROOT, 'test/gold'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(ROOT, 'test/gold', f), 'utf8')) as Gold);

describe('hakusho run on corpus/', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hakusho-run-'));
  const db = join(dir, 'h.sqlite');
  let first: ReturnType<typeof hakusho>;

  beforeAll(() => {
    first = hakusho(['run', 'corpus', '--db', db, '--json']);
  });

  it('stores all five whitepapers and says so in JSON', () => {
    expect(first.stderr).not.toMatch(/error/);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.stored.map((p: string) => basename(p)).sort()).toEqual(golds.map((g) => g.file).sort());
    expect(summary).toMatchObject({ skipped: [], failed: [], warnings: [] });
  });

  it('finds every gold section with its body starting where the gold says, and no others', () => {
    const conn = new Database(db, { readonly: true });
    const s = score(conn, golds, (p) => basename(p).replace(/\.[^.]+$/, ''));
    conn.close();
    expect(s.misses.filter((m) => m.includes(' section '))).toEqual([]);
    expect(s.total.sections.f1).toBe(1);
    expect(s.total.starts).toBe(1);
    expect(s.total.mapping).toBe(1);
    expect(s.total.metadata).toBe(1);
  });

  it('keeps the contract columns and one transaction-whole document per file', () => {
    const conn = new Database(db, { readonly: true });
    const doc = conn.prepare("SELECT * FROM documents WHERE path LIKE '%003_a13703324aa8d91f.txt'").get() as Record<string, unknown>;
    expect(doc).toMatchObject({ vendor: '株式会社IDCフロンティア', version: '4.1', published: '2021-01-18' });
    const sec = conn.prepare("SELECT ord, control_id, heading, page, iso27001_2022 FROM sections WHERE document_id = ? AND control_id = '12.3.1'").get(doc.id);
    expect(sec).toMatchObject({ control_id: '12.3.1', heading: '情報のバックアップ', page: null, iso27001_2022: null });
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(conn.pragma('foreign_key_check')).toEqual([]);
    conn.close();
  });

  it('skips unchanged files on a second run and stores nothing', () => {
    const again = hakusho(['run', 'corpus', '--db', db, '--json']);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.stored).toEqual([]);
    expect(summary.skipped).toHaveLength(5);
  });

  it('prints a one-line summary without --json', () => {
    const r = hakusho(['run', 'corpus', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^hakusho: 0 stored, 5 skipped, 0 failed/);
  });
});

describe('hakusho run exit codes and errors', () => {
  it('exits 1 when a file fails, names it and the reason, and stores the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hakusho-bad-'));
    mkdirSync(join(dir, 'in'));
    copyFileSync(join(ROOT, 'corpus/002_06e9b655fac815a7.txt'), join(dir, 'in/good.txt'));
    writeFileSync(join(dir, 'in/empty.txt'), '');
    const r = hakusho(['run', join(dir, 'in'), '--db', join(dir, 'h.sqlite'), '--json']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.stored).toEqual([join(dir, 'in/good.txt')]);
    expect(summary.failed).toEqual([{ path: join(dir, 'in/empty.txt'), reason: 'the file is empty' }]);
    const conn = new Database(join(dir, 'h.sqlite'), { readonly: true });
    expect(conn.prepare("SELECT path, rule FROM diagnostics WHERE severity = 'error'").all()).toEqual([
      { path: join(dir, 'in/empty.txt'), rule: 'empty' },
    ]);
    conn.close();
  });

  it('warns about a text file with no control sections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hakusho-warn-'));
    writeFileSync(join(dir, 'memo.md'), '# 議事録\n\n本日の打ち合わせでは、来期の予算について話し合いました。\n');
    const r = hakusho(['run', dir, '--db', join(dir, 'h.sqlite'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([
      { path: join(dir, 'memo.md'), message: expect.stringMatching(/no ISO\/IEC 27017 control sections found/) },
    ]);
  });

  it.each([
    [['run'], /give at least one folder or file/],
    [['run', 'corpus', '--jobs', 'zero'], /--jobs must be a whole number/],
    [['run', 'corpus', '--frobnicate'], /Unknown option '--frobnicate'.*hakusho run --help/],
    [['run', 'no/such/folder'], /no\/such\/folder: no such file or folder/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 for bad usage: %j', (args, message) => {
    const r = hakusho(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('hakusho run, as a person reads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hakusho-polish-'));

  it('sums up what it stored: sections, facts and the time taken, one warning in the singular', () => {
    mkdirSync(join(dir, 'one'));
    copyFileSync(join(ROOT, 'corpus/003_a13703324aa8d91f.txt'), join(dir, 'one/idcf.txt'));
    copyFileSync(join(ROOT, 'test/fixtures/bad/inputs/not-a-whitepaper.md'), join(dir, 'one/memo.md'));
    const r = hakusho(['run', join(dir, 'one'), '--db', join(dir, 'one.sqlite')]);
    expect(r.code).toBe(0);
    const conn = new Database(join(dir, 'one.sqlite'), { readonly: true });
    const { sections, facts } = conn.prepare('SELECT (SELECT count(*) FROM sections) AS sections, (SELECT count(*) FROM facts) AS facts').get() as { sections: number; facts: number };
    conn.close();
    expect(r.stdout).toMatch(
      new RegExp(`^hakusho: 2 stored \\(${sections} sections, ${facts} facts\\), 0 skipped, 0 failed, 1 warning \\(no-sections 1\\) in [\\d.]+ s → `),
    );
  });

  it('--quiet prints no progress and no warnings, only the summary', () => {
    const r = hakusho(['run', join(dir, 'one'), '--db', join(dir, 'quiet.sqlite'), '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^hakusho: 2 stored .*1 warning/);
  });

  it('says which files it reads when a folder holds none', () => {
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty/notes.docx'), 'x');
    const r = hakusho(['run', join(dir, 'empty'), '--db', join(dir, 'empty.sqlite')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no whitepapers found: hakusho reads .pdf, .txt and .md files');
    expect(r.stdout).toMatch(/^hakusho: 0 stored, 0 skipped, 0 failed in /);
  });
});

describe('hakusho help and typos', () => {
  it('`hakusho help run` prints the help of run', () => {
    const r = hakusho(['help', 'run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(hakusho(['run', '--help']).stdout);
  });

  it.each([
    ['serch', 'search'],
    ['raport', 'report'],
    ['exprot', 'export'],
  ])('suggests the command meant for %s', (typo, meant) => {
    const r = hakusho([typo, 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Did you mean \`hakusho ${meant}\`?`);
  });

  it('suggests nothing for a word that is no near miss', () => {
    expect(hakusho(['translate']).stderr).not.toContain('Did you mean');
  });

  it('-V prints the version of hakusho and of its rules', () => {
    const r = hakusho(['-V']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^hakusho \d+\.\d+\.\d+\n/);
  });
});
