// Every command the README shows a user — the lines of "Using it" and each command's "Example"
// lines — runs, in that order, on the shipped corpus and exits 0 (check: 1, a requirement fails, as
// its section shows). Files the examples write go to a temporary folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hakusho, ROOT } from './cli.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Shell words, with "…" quoting, a trailing # comment dropped. */
const words = (line: string) => [...line.replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

const usingIt = /## Using it\n\n```sh\n([\s\S]*?)```/.exec(readme)![1]!.split('\n').filter((l) => l.startsWith('npx hakusho '));
const helpExamples = [...readme.matchAll(/^Examples?:\n((?: {2}hakusho .*\n)+)/gm)].flatMap((m) => m[1]!.trim().split('\n').map((l) => l.trim()));
const EXAMPLES = [...usingIt.map((l) => l.replace(/^npx /, '')), ...helpExamples];

describe('the README examples, on the shipped corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hakusho-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { HAKUSHO_DB: join(dir, 'hakusho.sqlite') };

  it('are found: the walk-through and the examples of every command that has them', () => {
    expect(usingIt.length).toBeGreaterThanOrEqual(6);
    expect(helpExamples.map((l) => words(l)[1])).toEqual(expect.arrayContaining(['query', 'search', 'check', 'export', 'explain']));
  });

  it.each(EXAMPLES.map((e) => [e]))('%s', (example) => {
    const [, ...args] = words(example).map((w) => w.replace(/^output\//, `${dir}/`));
    const r = hakusho(args, ROOT, env);
    expect(r.stderr, example).not.toMatch(/\n\s+at |Error:/);
    expect(r.code, `${example}\n${r.stderr}`).toBe(args[0] === 'check' ? 1 : 0);
  }, 120_000);
});
