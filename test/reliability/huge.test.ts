// Huge inputs: bounded time and memory. The text stages are checked on their own (a 20 MB single
// line, 5 MB of whitepaper text), then a batch shows that a file the pipeline cannot finish in
// time is stopped by the per-file time limit while the others are stored.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusTexts, variant } from '../../scripts/bench/corpus.ts';
import { runBatch } from '../../src/batch/run.ts';
import { extractText } from '../../src/extract/text.ts';
import { normalizeLines } from '../../src/normalize/lines.ts';
import { extractMetadata } from '../../src/segment/metadata.ts';
import { segment } from '../../src/segment/sections.ts';
import { tmp } from '../batch/helpers.ts';
import { whitepaperJa } from '../../pipelines/version.ts';

const MB = 1024 * 1024;
const texts = corpusTexts();

/** A corpus whitepaper without its line breaks, repeated to `bytes`: one line. */
function oneLine(bytes: number, base = texts[1]!.text): string {
  const unit = base.replace(/\r?\n/g, ' ');
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

/** Distinct copies of the corpus whitepapers, one after the other, up to `bytes`. */
function manyWhitepapers(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    parts.push(variant(texts[i % texts.length]!.text, i));
    size += Buffer.byteLength(parts.at(-1)!);
  }
  return parts.join('\n');
}

function stages(text: string) {
  const times: Record<string, number> = {};
  const time = <T>(name: string, f: () => T): T => {
    const t = performance.now();
    const r = f();
    times[name] = performance.now() - t;
    return r;
  };
  const extracted = time('extract', () => extractText(Buffer.from(text)));
  const lines = time('normalize', () => normalizeLines(extracted.lines));
  const sections = time('segment', () => segment(lines));
  time('metadata', () => extractMetadata(lines, extracted.info));
  return { times, sections };
}

describe('the text stages on huge inputs', () => {
  it('read, normalise, segment and describe a 20 MB single line in seconds', () => {
    const { times } = stages(oneLine(20 * MB));
    for (const [stage, ms] of Object.entries(times)) expect(ms, stage).toBeLessThan(6000);
  }, 60_000);

  it('read, normalise, segment and describe 5 MB of whitepapers in seconds, finding every section', () => {
    const text = manyWhitepapers(5 * MB);
    const { times, sections } = stages(text);
    expect(sections.length).toBeGreaterThan(9000);
    for (const [stage, ms] of Object.entries(times)) expect(ms, stage).toBeLessThan(6000);
  }, 60_000);
});

describe('a batch with huge files', () => {
  it('stores what finishes in time, stops what does not, and goes on', async () => {
    const dir = tmp('huge');
    const input = join(dir, 'in');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(input);
    // 20 MB on one line outside any control section: every sentence of a document is read for facts,
    // which takes kuromoji longer than the limit. It is stopped, and the batch goes on.
    writeFileSync(join(input, 'line-20mb.txt'), oneLine(20 * MB));
    // A 2 MB Markdown heading: the segmenter compares heading titles with the control catalog
    // in time proportional to their length times the catalog's size, so this one may not finish
    // within the limit. Either outcome is fine here: the batch must go on, and say why.
    writeFileSync(join(input, 'markdown-heading-2mb.md'), `# ${oneLine(2 * MB)}\n`);
    writeFileSync(join(input, 'whitepaper.txt'), texts[0]!.text);
    const started = performance.now();
    const summary = await runBatch({ pipeline: whitepaperJa(), paths: [input], db: join(dir, 'h.sqlite'), jobs: 2, force: false, timeout: 8 });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(summary.stored).toContain(join(input, 'whitepaper.txt'));
    for (const f of summary.failed) {
      expect([join(input, 'line-20mb.txt'), join(input, 'markdown-heading-2mb.md')]).toContain(f.path);
      expect(f.rule).toBe('time-limit');
    }
    expect(summary.stored.length + summary.failed.length).toBe(3);
  }, 60_000);
});
