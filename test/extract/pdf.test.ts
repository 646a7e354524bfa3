// extractPdf on real files: what a broken, protected, scanned or garbled PDF gives (each with
// its own rule id), what a readable one says of itself, and the diagnostics for odd pages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.ts';
import { extractPdf } from '../../src/extract/pdf.ts';
import { fixture, FIXTURES } from './support.ts';

async function ruleOf(path: string): Promise<string> {
  try {
    await extractPdf(fixture(path));
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).rule;
  }
  return 'no error';
}

describe('PDFs that cannot give text fail with their own rule', () => {
  it.each([
    ['pdf-errors/random-bytes.pdf', 'pdf-damaged'],
    ['pdf-errors/header-only.pdf', 'pdf-damaged'],
    ['pdf-errors/truncated.pdf', 'pdf-damaged'],
    ['pdf-errors/user-password.pdf', 'pdf-encrypted'],
    ['pdf-errors/scanned.pdf', 'pdf-no-text'],
    ['pdf-errors/no-pages.pdf', 'pdf-no-pages'],
    ['pdf-errors/no-unicode-map.pdf', 'pdf-unreadable-text'],
  ])('%s → %s', async (path, rule) => {
    expect(await ruleOf(path)).toBe(rule);
  });

  it('says what to do: a readable PDF, an unprotected copy, OCR', async () => {
    const reason = async (path: string) => extractPdf(fixture(path)).then(() => '', (e: Error) => e.message);
    expect(await reason('pdf-errors/random-bytes.pdf')).toMatch(/^the file is not a readable PDF \(/);
    expect(await reason('pdf-errors/truncated.pdf')).toMatch(/^the file is not a readable PDF \(/);
    expect(await reason('pdf-errors/user-password.pdf')).toMatch(/password.*needed.*unprotected copy/);
    expect(await reason('pdf-errors/scanned.pdf')).toMatch(/scanned image.*OCR.*ocrmypdf/);
  });

  it('rejects an empty file without starting pdfjs', async () => {
    await expect(extractPdf(new Uint8Array())).rejects.toMatchObject({ rule: 'pdf-damaged' });
  });

  it('gives up on a document that takes too long, and the next one still reads', async () => {
    const bytes = fixture('pdf/003_a13703324aa8d91f.pdf');
    await expect(extractPdf(bytes, { timeoutMs: 1 })).rejects.toMatchObject({ rule: 'pdf-timeout' });
    expect((await extractPdf(bytes)).pages).toBe(12);
  });

  it('keeps going after a bad file: the next one reads normally', async () => {
    const results = await Promise.allSettled(
      ['pdf-errors/truncated.pdf', 'pdf-errors/user-password.pdf', 'pdf-producers/001_54f9b4840afe051d.cid-heisei.pdf'].map((p) => extractPdf(fixture(p))),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });
});

describe('PDFs that read, with a diagnostic where something is off', () => {
  it('reads a PDF with only an owner password (permissions) like any other', async () => {
    const plain = await extractPdf(fixture('pdf-producers/001_54f9b4840afe051d.cid-heisei.pdf'));
    const owner = await extractPdf(fixture('pdf-producers/001_54f9b4840afe051d.owner-password.pdf'));
    expect(owner.lines).toEqual(plain.lines);
    expect(owner.diagnostics).toEqual([]);
  });

  it('leaves out unreadable pages and says which', async () => {
    const r = await extractPdf(fixture('pdf-errors/partly-unreadable.pdf'));
    expect(r.pages).toBe(3);
    expect(r.lines.map((l) => l.text)).toEqual(['ISO/IEC 27017 whitepaper', '12.3.1 Information backup', 'Backups are taken daily and kept for 35 generations.']);
    expect(r.lines.every((l) => l.page === 1)).toBe(true);
    expect(r.diagnostics.map((d) => [d.rule, d.page, d.severity])).toEqual([
      ['pdf-unreadable-text', 2, 'warning'],
      ['pdf-unreadable-text', 3, 'warning'],
    ]);
  });

  it('warns about a page without any text in a PDF that has text', async () => {
    const r = await extractPdf(fixture('pdf-errors/with-empty-page.pdf'));
    expect(r.pages).toBe(5);
    expect(r.diagnostics.map((d) => [d.rule, d.page, d.severity])).toEqual([['pdf-empty-page', 3, 'warning']]);
    expect(new Set(r.lines.map((l) => l.page))).toEqual(new Set([1, 2, 4, 5]));
  });

  it('reports a cross-reference table it had to rebuild, from the warning pdfjs prints, and prints nothing', async () => {
    const printed: unknown[] = [];
    const original = { warn: console.warn, log: console.log };
    console.warn = (...a: unknown[]) => printed.push(a);
    console.log = (...a: unknown[]) => printed.push(a);
    try {
      const r = await extractPdf(fixture('pdf-errors/broken-xref.pdf'));
      expect(r.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['pdf-repaired', 'warning']]);
      expect(r.lines.length).toBeGreaterThan(100);
    } finally {
      console.warn = original.warn;
      console.log = original.log;
    }
    expect(printed).toEqual([]);
  });

  it('gives every line its page and its line number on the page', async () => {
    const r = await extractPdf(fixture('pdf/003_a13703324aa8d91f.pdf'));
    expect(r.format).toBe('pdf');
    expect(r.pages).toBe(12);
    expect(r.lines.every((l) => Number.isInteger(l.page) && l.page! >= 1 && l.page! <= 12 && l.line >= 1)).toBe(true);
    const pages = r.lines.map((l) => l.page!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    // Running header 「ISO/IEC 27017 ホワイトペーパー」 and 「- n -」 footers are gone.
    expect(r.lines.filter((l) => /^- \d+ -$/.test(l.text))).toEqual([]);
    expect(r.lines.filter((l) => l.text === 'ISO/IEC 27017 ホワイトペーパー').map((l) => l.page)).toEqual([1]);
  });

  it('decodes non-embedded Japanese CID fonts through the CMaps that ship with pdfjs', async () => {
    const r = await extractPdf(fixture('pdf-producers/003_a13703324aa8d91f.cid-heisei.pdf'));
    expect(r.lines.map((l) => l.text)).toContain('12.3.1 情報のバックアップ');
  });

  it('does not touch the caller’s bytes (pdfjs detaches what it is given) and takes a Buffer', async () => {
    const buffer = readFileSync(new URL('pdf/001_54f9b4840afe051d.pdf', FIXTURES));
    const before = buffer.length;
    await extractPdf(buffer);
    expect(buffer.length).toBe(before);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('what the PDF says of itself', () => {
  it('prefers XMP over the info dictionary, and drops a file-name title', async () => {
    const r = await extractPdf(fixture('pdf-layout/xmp-info.pdf'));
    expect(r.info).toEqual({
      title: 'IDCFクラウド ISO/IEC 27017 ホワイトペーパー',
      author: '株式会社IDCフロンティア',
      created: '2021-01-18T10:30:00+09:00',
      modified: '2021-01-19T08:00:00+09:00',
    });
  });

  it('reads the info dictionary, dates in ISO form', async () => {
    const r = await extractPdf(fixture('pdf/000_0e3f9a925e004c1f.pdf'));
    expect(r.info.title).toBe('ISO/IEC 27017 ホワイトペーパー');
    expect(r.info.author).toBeUndefined(); // empty in the file
    expect(r.info.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/);
    const cid = await extractPdf(fixture('pdf-producers/001_54f9b4840afe051d.cid-heisei.pdf'));
    expect(cid.info.author).toBe('サイバートラスト株式会社');
  });
});
