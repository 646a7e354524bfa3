// Inputs that once took the text stages far longer than their size warrants (quadratic joins,
// regexes and title matching, found while testing huge inputs). Each file is ~0.6–2 MB; a linear
// pipeline handles such a file in a few seconds, a quadratic one hits the time limit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { tmp } from '../batch/helpers.ts';
import { whitepaperJa } from '../../pipelines/version.ts';

const CASES: Record<string, string> = {
  // src/normalize/join.ts joinLines once re-read the whole paragraph on each wrapped line, and
  // facts tokenized it as one sentence.
  'unpunctuated-paragraph.txt': `12.3.1 情報のバックアップ\n${Array.from({ length: 20_000 }, (_, i) => `情報セキュリティ管理策の実施について${i}`).join('\n')}\n12.4.1 イベントログ取得\n本文。\n12.4.2 ログ情報の保護\n本文。\n`,
  // src/segment/catalog.ts titleKey on a title with many unclosed brackets.
  'unclosed-brackets-heading.md': `# ${'('.repeat(200_000)}\n本文。\n`,
  // src/segment/grammar.ts cleanTitle, the same.
  'unclosed-lenticular-heading.md': `# 12.3.1 ${'【'.repeat(200_000)}\n本文。\n`,
  // src/segment/catalog.ts matchTitle on every short line of a document with no printed ids.
  'title-mode-lines.md': Array.from({ length: 40_000 }, (_, i) => (i % 2 ? `${i % 50}. 見出し${i}` : `a\tb\t${i}`)).join('\n'),
  // The same comparison on one long Markdown heading (1.9 MB once; 0.6 MB keeps a quadratic comparison
  // far past the limit while the tokenizer, linear at about 3 µs a character, stays well within it).
  'long-markdown-heading.md': `# ${'情報セキュリティのための方針群 '.repeat(40_000)}\n`,
};

describe('text stages on pathological inputs', () => {
  it.each(Object.keys(CASES))('%s is processed within 10 s', async (name) => {
    const dir = tmp('scaling');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', name), CASES[name]!);
    const summary = await runBatch({ pipeline: whitepaperJa(), paths: [join(dir, 'in')], db: join(dir, 'h.sqlite'), jobs: 1, force: false, timeout: 10 });
    expect(summary.failed).toEqual([]);
  }, 60_000);
});
