// Inputs that take the text stages far longer than their size warrants (found while testing
// huge inputs; see the batch report). Opt-in, since each costs up to its time limit while the
// problem stands: HAKUSHO_SCALING=1 npx vitest run test/reliability/scaling.test.ts
// Each file is ~1–2 MB; a linear pipeline handles such a file in well under a second.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { tmp } from '../batch/helpers.ts';

const CASES: Record<string, string> = {
  // src/normalize/join.ts joinLines: each wrapped line re-reads the whole paragraph so far
  // (ENDS_BLOCK.test(current), joinPair's left.at(-1) on the growing string): quadratic.
  'unpunctuated-paragraph.txt': `12.3.1 情報のバックアップ\n${Array.from({ length: 40_000 }, (_, i) => `情報セキュリティ管理策の実施について${i}`).join('\n')}\n12.4.1 イベントログ取得\n本文。\n12.4.2 ログ情報の保護\n本文。\n`,
  // src/segment/catalog.ts titleKey: /\([^)]*\)|（[^）]*）|【[^】]*】/g on a title with many
  // unclosed brackets: quadratic. Reached through a Markdown heading of any length.
  'unclosed-brackets-heading.md': `# ${'('.repeat(200_000)}\n本文。\n`,
  // src/segment/headings.ts stripMapping: /【[^】]*】/g, the same.
  'unclosed-lenticular-heading.md': `# 12.3.1 ${'【'.repeat(200_000)}\n本文。\n`,
  // src/segment/catalog.ts matchTitle: every heading and short line of a document with no printed
  // ids is compared with every catalog title, rebuilding both bigram maps each time (~0.6 ms a line).
  'title-mode-lines.md': Array.from({ length: 40_000 }, (_, i) => (i % 2 ? `${i % 50}. 見出し${i}` : `a\tb\t${i}`)).join('\n'),
  // The same comparison on one long Markdown heading: proportional to its length times the catalog.
  'long-markdown-heading.md': `# ${'情報セキュリティのための方針群 '.repeat(120_000)}\n`,
};

describe.skipIf(!process.env.HAKUSHO_SCALING)('text stages on pathological 1–2 MB inputs', () => {
  it.each(Object.keys(CASES))('%s is processed within 10 s', async (name) => {
    const dir = tmp('scaling');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', name), CASES[name]!);
    const summary = await runBatch({ paths: [join(dir, 'in')], db: join(dir, 'h.sqlite'), jobs: 1, force: false, timeout: 10 });
    expect(summary.failed).toEqual([]);
  }, 60_000);
});
