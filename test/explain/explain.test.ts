// `hakusho explain`: every decision on one file, as a user sees it (the real command, from the
// sources), and never a database touched.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { hakusho, ROOT } from '../cli/cli.ts';

const json = (file: string, extra: string[] = []) => {
  const r = hakusho(['explain', file, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('hakusho explain --json', () => {
  it('lists the 38 sections of corpus/003 and rejects every table-of-contents line with a reason', () => {
    const x = json('corpus/003_a13703324aa8d91f.txt');
    expect(x.sections).toHaveLength(38);
    for (const s of x.sections) expect(Object.keys(s)).toEqual(['control_id', 'heading', 'line', 'page', 'matched_by', 'rule']);
    // Every line of its contents (「5.1.1 情報セキュリティのための方針群 .....	9」) is rejected as one.
    const lines = readFileSync(join(ROOT, 'corpus/003_a13703324aa8d91f.txt'), 'utf8').split('\n');
    const tocLines = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => /\.{3,}\s*\t?\s*\d+\s*$/.test(l)).map(([, n]) => n);
    expect(tocLines.length).toBeGreaterThan(40);
    const rejectedAsToc = new Set(x.rejected.filter((r: { reason: string }) => r.reason === 'toc').map((r: { line: number }) => r.line));
    for (const n of tocLines) expect(rejectedAsToc.has(n), `line ${n}`).toBe(true);
  });

  it('shows corpus/004\'s 10.1.1 TLS denial with its denying words in the cue', () => {
    const x = json('corpus/004_6a6be46e2bd93d57.txt');
    const denial = x.facts.find((f: { kind: string; control_id: string; negated: boolean }) => f.kind === 'tls' && f.control_id === '10.1.1' && f.negated);
    expect(denial).toMatchObject({ value: null, rule: 'tls' });
    expect(denial.cue).toContain('提供していません');
    expect(denial.evidence).toContain('TLS 通信を行うオプションを提供していません');
  });

  it('gives each fact its attributes, rule, cue and evidence, and says what it did not take and why', () => {
    const x = json('test/dev/dev10_excel-tsv.txt');
    const keys = ['kind', 'value', 'unit', 'frequency', 'subject', 'bound', 'key_management', 'timezone', 'third_party', 'control_id', 'negated', 'rule', 'cue', 'evidence', 'page'];
    for (const f of x.facts) expect(Object.keys(f)).toEqual(keys);
    // The remark 「TLS 1.3は2025年中に対応予定」: a plan, not a claim.
    expect(x.suppressed).toContainEqual(expect.objectContaining({ kind: 'tls', value: '1.3', reason: 'plan', control_id: '10.1.1' }));
    expect(x.sections.map((s: { control_id: string }) => s.control_id)).toContain('CLD.8.1.5');
  });
});

describe('hakusho explain and databases', () => {
  it('never creates one: not at --db, not at the default place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hakusho-explain-'));
    copyFileSync(join(ROOT, 'corpus/001_54f9b4840afe051d.txt'), join(dir, 'w.txt'));
    const r = hakusho(['explain', join(dir, 'w.txt'), '--db', join(dir, 'none.sqlite')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`not stored: there is no database at ${join(dir, 'none.sqlite')}`);
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });

  it('reads a database it is given without changing a byte of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hakusho-explain-'));
    const db = join(dir, 'h.sqlite');
    expect(hakusho(['run', 'corpus/001_54f9b4840afe051d.txt', '--db', db]).code).toBe(0);
    const before = { hash: createHash('sha256').update(readFileSync(db)).digest('hex'), mtime: statSync(db).mtimeMs };
    const r = hakusho(['explain', 'corpus/001_54f9b4840afe051d.txt', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/stored in .* as document 1, by the current rules/);
    expect({ hash: createHash('sha256').update(readFileSync(db)).digest('hex'), mtime: statSync(db).mtimeMs }).toEqual(before);
  });
});

describe('hakusho explain on a terminal', () => {
  const capture = async (env: Record<string, string | undefined>) => {
    let out = '';
    const saved = process.env.NO_COLOR;
    if ('NO_COLOR' in env) process.env.NO_COLOR = env.NO_COLOR;
    else delete process.env.NO_COLOR;
    try {
      const code = await main(['explain', join(ROOT, 'corpus/001_54f9b4840afe051d.txt')], { stdout: (s) => (out += s), stderr: () => {}, isTTY: true });
      expect(code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
    return out;
  };

  it('paints with colour, and not when NO_COLOR is set', async () => {
    expect(await capture({})).toContain('\x1b[');
    const plain = await capture({ NO_COLOR: '1' });
    expect(plain).not.toContain('\x1b[');
    expect(plain).toContain('sections (');
    expect(plain).toContain('rejected (');
  }, 60_000);
});
