// Every bad input gets its own failure with a reason a user understands, and the batch goes on:
// one `hakusho run` over a folder of bad inputs, odd encodings and good whitepapers.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedSections, hakusho, openDb, ROOT, tmp } from '../batch/helpers.ts';

const BAD = join(ROOT, 'test/fixtures/bad');
const PDF_ERRORS = join(ROOT, 'test/fixtures/pdf-errors');

/** What each input must give: failed with a rule, or stored (with warnings, by rule). */
const EXPECTED: Record<string, { failed: string } | { warnings: string[] }> = {
  'inputs/empty.txt': { failed: 'empty' },
  'inputs/whitespace-only.txt': { failed: 'empty' },
  'inputs/binary-named.txt': { failed: 'not-text' },
  'inputs/random-bytes.pdf': { failed: 'pdf-damaged' },
  'inputs/header-only.pdf': { failed: 'pdf-damaged' },
  'inputs/truncated.pdf': { failed: 'pdf-damaged' },
  'inputs/not-a-whitepaper.md': { warnings: ['no-sections'] },
  'encodings/utf16le-bom.txt': { warnings: [] },
  'encodings/utf16be-bom.txt': { warnings: [] },
  'encodings/utf8-bom.txt': { warnings: [] },
  'encodings/crlf.txt': { warnings: [] },
  'encodings/cp932-crlf.txt': { warnings: [] },
  // The PDF reader's own fixtures (src/extract/pdf.ts documents the rules).
  'pdf-errors/header-only.pdf': { failed: 'pdf-damaged' },
  'pdf-errors/random-bytes.pdf': { failed: 'pdf-damaged' },
  'pdf-errors/truncated.pdf': { failed: 'pdf-damaged' },
  'pdf-errors/no-pages.pdf': { failed: 'pdf-no-pages' },
  'pdf-errors/user-password.pdf': { failed: 'pdf-encrypted' },
  'pdf-errors/scanned.pdf': { failed: 'pdf-no-text' },
  'pdf-errors/no-unicode-map.pdf': { failed: 'pdf-unreadable-text' },
  'pdf-errors/broken-xref.pdf': { warnings: ['pdf-repaired'] },
  'pdf-errors/partly-unreadable.pdf': { warnings: ['pdf-unreadable-text', 'pdf-unreadable-text'] },
  'pdf-errors/with-empty-page.pdf': { warnings: ['pdf-empty-page'] },
};

const GOOD_TEXT = readdirSync(join(ROOT, 'corpus')).sort();
const GOOD_PDF = readdirSync(join(ROOT, 'test/fixtures/pdf')).filter((f) => f.endsWith('.pdf')).sort();

describe('a batch of bad inputs, odd encodings and good whitepapers', () => {
  const dir = tmp('bad');
  const input = join(dir, 'in');
  const db = join(dir, 'h.sqlite');
  let run: Awaited<ReturnType<typeof hakusho>>;
  let summary: { stored: string[]; skipped: string[]; failed: { path: string; reason: string }[]; warnings: { path: string; message: string }[] };
  const rel = (p: string) => relative(input, p);
  const expected = Object.entries(EXPECTED).filter(([f]) => !f.startsWith('pdf-errors/') || existsSync(join(PDF_ERRORS, basename(f))));

  beforeAll(async () => {
    mkdirSync(input);
    cpSync(join(BAD, 'inputs'), join(input, 'inputs'), { recursive: true });
    cpSync(join(BAD, 'encodings'), join(input, 'encodings'), { recursive: true });
    if (existsSync(PDF_ERRORS)) cpSync(PDF_ERRORS, join(input, 'pdf-errors'), { recursive: true });
    cpSync(join(ROOT, 'corpus'), join(input, 'good-text'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/pdf'), join(input, 'good-pdf'), { recursive: true });
    run = await hakusho(['run', input, '--db', db, '--json']);
    summary = JSON.parse(run.stdout);
  }, 120_000);

  it('exits 1 and finishes every file', () => {
    expect(run.code).toBe(1);
    const all = [...summary.stored, ...summary.failed.map((f) => f.path)].map(rel).sort();
    const walked = [...expected.map(([f]) => f), ...GOOD_TEXT.map((f) => `good-text/${f}`), ...GOOD_PDF.map((f) => `good-pdf/${f}`)];
    expect(all).toEqual(expect.arrayContaining(walked));
  });

  it('fails each bad file with its own rule and a reason, in the summary and in the diagnostics table', () => {
    const conn = openDb(db);
    const runRow = conn.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    const rules = conn.prepare<[number], { path: string; severity: string; rule: string; reason: string; document_id: number | null }>(
      'SELECT path, severity, rule, reason, document_id FROM diagnostics WHERE run_id = ? ORDER BY id',
    ).all(runRow.id as number);
    conn.close();
    for (const [file, want] of expected) {
      const mine = rules.filter((r) => rel(r.path) === file);
      if ('failed' in want) {
        expect(mine.map((r) => [r.severity, r.rule]), file).toEqual([['error', want.failed]]);
        expect(mine[0]!.document_id).toBeNull();
        const reported = summary.failed.find((f) => rel(f.path) === file);
        expect(reported?.reason, file).toBe(mine[0]!.reason);
        expect(reported!.reason.length).toBeGreaterThan(15);
      } else {
        expect(summary.stored.map(rel), file).toContain(file);
        expect(mine.filter((r) => r.severity !== 'info').map((r) => r.rule), file).toEqual(want.warnings);
      }
    }
    // No file failed for a reason nobody wrote down.
    expect(rules.filter((r) => ['internal', 'worker-crashed', 'time-limit', 'out-of-memory'].includes(r.rule))).toEqual([]);
    expect(runRow).toMatchObject({ status: 'finished', failed: summary.failed.length, stored: summary.stored.length });
  });

  it('stores the good whitepapers whole, with the sections the pipeline gives them', async () => {
    const conn = openDb(db);
    const sectionsOf = conn.prepare<[string], { control_id: string | null; heading: string }>(
      'SELECT s.control_id, s.heading FROM sections s JOIN documents d ON d.id = s.document_id WHERE d.path = ? ORDER BY s.ord',
    );
    for (const [sub, files, from] of [
      ['good-text', GOOD_TEXT, join(ROOT, 'corpus')],
      ['good-pdf', GOOD_PDF, join(ROOT, 'test/fixtures/pdf')],
    ] as const) {
      for (const f of files) {
        const want = await expectedSections(join(from, f));
        expect(want.length, f).toBeGreaterThan(10);
        expect(sectionsOf.all(join(input, sub, f)), f).toEqual(want);
      }
    }
    conn.close();
  }, 60_000);

  it('reads UTF-16 LE/BE with BOM, UTF-8 with BOM, CRLF and CP932 as the UTF-8 original', async () => {
    const conn = openDb(db);
    const sectionsOf = conn.prepare<[string], { control_id: string | null; heading: string; body: string }>(
      'SELECT s.control_id, s.heading, s.body FROM sections s JOIN documents d ON d.id = s.document_id WHERE d.path = ? ORDER BY s.ord',
    );
    const original = sectionsOf.all(join(input, 'good-text/001_54f9b4840afe051d.txt'));
    expect(original.length).toBe(21);
    for (const f of readdirSync(join(BAD, 'encodings'))) expect(sectionsOf.all(join(input, 'encodings', f)), f).toEqual(original);
    conn.close();
  });

  it('leaves a database that passes integrity_check, with every stored document whole', () => {
    const conn = openDb(db);
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(conn.pragma('foreign_key_check')).toEqual([]);
    const docs = conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
    // The five encodings of one text are five contents; the good files are ten.
    expect(docs.n).toBe(summary.stored.length);
    conn.close();
  });
});
