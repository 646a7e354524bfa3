// Fuzzing with a fixed seed and bounded time: random and mutated inputs to the text reader, the
// segmenter and metadata, and the PDF reader (through the worker pool, whose time limit turns a
// hang into a failure). Nothing may throw anything but InputError, and nothing may hang.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { InputError } from '../../src/diagnostics.ts';
import { extractText } from '../../src/extract/text.ts';
import { normalizeLines } from '../../src/normalize/lines.ts';
import { CONTROLS } from '../../src/segment/catalog.ts';
import { extractMetadata } from '../../src/segment/metadata.ts';
import { segment } from '../../src/segment/sections.ts';
import type { Line } from '../../src/types.ts';
import { prng, ROOT, tmp } from '../batch/helpers.ts';
import { whitepaperJa } from '../../pipelines/version.ts';

type Rng = () => number;
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

const CORPUS = readdirSync(join(ROOT, 'corpus')).sort().map((f) => readFileSync(join(ROOT, 'corpus', f)));
const PDFS = readdirSync(join(ROOT, 'test/fixtures/pdf')).filter((f) => f.endsWith('.pdf')).sort().map((f) => readFileSync(join(ROOT, 'test/fixtures/pdf', f)));

/** One random change to a byte string: flips, inserts, deletes, duplicates, truncates, prefixes. */
function mutate(r: Rng, input: Uint8Array): Uint8Array {
  const b = Buffer.from(input);
  const at = int(r, b.length + 1);
  switch (int(r, 9)) {
    case 0: { // flip bytes here and there
      const out = Buffer.from(b);
      for (let k = 0; k < 1 + int(r, 20); k++) if (out.length) out[int(r, out.length)] ^= 1 << int(r, 8);
      return out;
    }
    case 1: // truncate
      return b.subarray(0, at);
    case 2: // delete a chunk
      return Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + int(r, 4096)))]);
    case 3: // duplicate a chunk
      return Buffer.concat([b.subarray(0, at), b.subarray(at, at + int(r, 4096)), b.subarray(at)]);
    case 4: // insert random bytes
      return Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(r, 512) }, () => int(r, 256))), b.subarray(at)]);
    case 5: // a BOM, or a wrong one, in front
      return Buffer.concat([Buffer.from(pick(r, [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0]])), b]);
    case 6: // NULs and control characters
      return Buffer.concat([b.subarray(0, at), Buffer.alloc(1 + int(r, 64), pick(r, [0, 1, 0x1b, 0x7f])), b.subarray(at)]);
    case 7: // overwrite with ASCII digits and dots (numbers, ids, xref offsets)
      return Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(r, 40) }, () => pick(r, [...'0123456789. \n'])).join('')), b.subarray(at + 20)]);
    default: // swap two halves
      return Buffer.concat([b.subarray(at), b.subarray(0, at)]);
  }
}

function expectOnlyInputError(f: () => unknown, what: string): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`${what}: ${e instanceof Error ? e.stack : String(e)}`);
  }
}

describe('fuzz: the text reader', () => {
  it('reads or rejects with an InputError random bytes and mutated whitepapers', () => {
    const r = prng(20240601);
    const started = performance.now();
    let read = 0;
    for (let i = 0; i < 400; i++) {
      const input = i % 4 === 0
        ? Uint8Array.from({ length: int(r, 2048) }, () => int(r, 256))
        : mutate(r, mutate(r, pick(r, CORPUS)));
      expectOnlyInputError(() => {
        const x = extractText(input);
        expect(x.lines.length).toBeGreaterThan(0);
        read++;
      }, `input ${i}`);
    }
    expect(read).toBeGreaterThan(50); // most mutations break UTF-8, which the reader then rejects as a whole
    expect(performance.now() - started).toBeLessThan(8000);
  }, 20_000);
});

// Lines that look like the parts of a whitepaper the segmenter and metadata reader decide on.
function headingLike(r: Rng): string {
  const c = pick(r, CONTROLS);
  const [a, b, d] = c.id.replace('CLD.', '').split('.');
  const id = pick(r, [c.id, `CLD${a}.${b}.${d}`, `A.${c.id}`, `${a}. ${b}. ${d}`, `${a}.${b}`, `${a}.${b}.${d}.${int(r, 9)}`, `${int(r, 99)}.${int(r, 99)}.${int(r, 99)}`]);
  const title = pick(r, [c.title, c.title.slice(0, int(r, c.title.length)), '情報のバックアップ', 'ログ取得', '']);
  const big = () => pick(r, ['(', '（', '【', '「', '.', '…', '#', '・', ' ', '\t']).repeat(1 + int(r, 300));
  return pick(r, [
    `${id} ${title}`,
    `${'#'.repeat(1 + int(r, 7))} ${id} ${title}`,
    `${'#'.repeat(1 + int(r, 3))} ${title}`,
    `ISO/IEC 27017:2015 ${id}`,
    `ISO/IEC 27017:2015 ${id}（ISO/IEC 27001:2022 管理策 ${int(r, 9)}.${int(r, 40)}）`,
    `${int(r, 20)}.${int(r, 20)} ${title}（${id}）`,
    `${id} ${title} ${'.'.repeat(int(r, 40))} ${int(r, 200)}`,
    `${id}\t${title}\t${int(r, 200)}`,
    pick(r, ['改訂履歴', '変更履歴', '## 改訂履歴', '版数管理']),
    `第${int(r, 9)}版 ${2000 + int(r, 40)}年${int(r, 14)}月${int(r, 33)}日 ${title}`,
    `${pick(r, ['令和', '平成'])}${pick(r, ['元', String(int(r, 40))])}年${int(r, 13)}月 ${pick(r, ['初版', '改訂', ''])}`,
    `Ver.${int(r, 9)}.${int(r, 9)} ${2000 + int(r, 40)}/${int(r, 13)}/${int(r, 32)}`,
    pick(r, ['株式会社テスト', 'テストクラウド株式会社', '株式会社', '合同会社A']),
    '本書の適用範囲は以下のサービスです。',
    `「${title}」は、本書の適用範囲です。`,
    `・${title}`,
    `${int(r, 999)}`,
    `- ${int(r, 99)} -`,
    '当社は、情報のバックアップを毎日取得し、30日間保管します。',
    big(),
    `# ${big()}`,
    `${id} ${big()}`,
    '',
    String.fromCodePoint(...Array.from({ length: int(r, 30) }, () => pick(r, [0x3042 + int(r, 80), 0x4e00 + int(r, 2000), 0x30 + int(r, 10), 0x2e80 + int(r, 120), 0xe000 + int(r, 100), 0x1f100 + int(r, 200), 0x20 + int(r, 95)]))),
  ]);
}

describe('fuzz: the segmenter and the metadata reader', () => {
  it('never throw on random mixes of heading-like lines, and give well-formed sections', () => {
    const r = prng(4242);
    const started = performance.now();
    let sectionsSeen = 0;
    for (let doc = 0; doc < 300; doc++) {
      const raw: Line[] = Array.from({ length: 1 + int(r, 80) }, (_, i) => ({ text: headingLike(r), page: r() < 0.5 ? null : 1 + int(r, 20), line: i + 1 }));
      const lines = normalizeLines(raw);
      const sections = segment(lines);
      const meta = extractMetadata(lines, r() < 0.5 ? {} : { title: headingLike(r) });
      sections.forEach((s, i) => {
        expect(s.ord).toBe(i);
        expect(s.controlId === null || CONTROLS.some((c) => c.id === s.controlId)).toBe(true);
        expect(typeof s.body).toBe('string');
      });
      for (const rev of meta.revisions) expect(rev.date === null || /^\d{4}-\d{2}(-\d{2})?$/.test(rev.date)).toBe(true);
      expect(meta.published === null || /^\d{4}-\d{2}(-\d{2})?$/.test(meta.published)).toBe(true);
      sectionsSeen += sections.length;
    }
    expect(sectionsSeen).toBeGreaterThan(100);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 20_000);
});

describe('fuzz: the PDF reader', () => {
  it('reads or rejects with an InputError mutated PDFs, and never hangs', async () => {
    const r = prng(77);
    const dir = tmp('fuzz-pdf');
    const input = join(dir, 'in');
    mkdirSync(input);
    for (let i = 0; i < 16; i++) {
      let bytes: Uint8Array = pick(r, PDFS);
      for (let k = 0; k < 1 + int(r, 3); k++) bytes = mutate(r, bytes);
      writeFileSync(join(input, `m${String(i).padStart(2, '0')}.pdf`), bytes);
    }
    const summary = await runBatch({ pipeline: whitepaperJa(), paths: [input], db: join(dir, 'h.sqlite'), jobs: 2, force: false, timeout: 20 });
    expect(summary.stored.length + summary.failed.length + summary.skipped.length).toBe(16);
    // An InputError keeps its own rule (pdf-damaged, pdf-no-text, …); anything else is `internal`;
    // a hang is `time-limit`, a crash `worker-crashed`.
    expect(summary.failed.filter((f) => !f.rule.startsWith('pdf-'))).toEqual([]);
    expect(summary.stored.length).toBeGreaterThan(0);
  }, 60_000);
});
