// `hakusho diff` end to end: two editions of a real whitepaper (test/fixtures/revisions: 1.3 is
// corpus/004, 1.4 the same with four edits), ingested, then compared by the real binary (and,
// for the error cases, by the same command called in-process, which is quicker).
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcess, runBatch } from '../../src/batch/run.ts';
import { diffEditions, type Diff } from '../../src/diff/compare.ts';
import { factChange, factLabel, factValue } from '../../src/diff/format.ts';
import { loadEdition } from '../../src/diff/load.ts';
import { main } from '../../src/cli/main.ts';
import { hakusho, ROOT } from '../cli/cli.ts';
import { whitepaperJa } from '../../pipelines/version.ts';

/** `hakusho <args>` in this process: for JSON output and exit codes (colour follows FORCE_COLOR here). */
async function inProcessCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

const FIXTURES = join(ROOT, 'test/fixtures/revisions');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

/** A Diff in the terms of expected.json. */
function summarize(d: Diff) {
  return {
    old: { vendor: d.old.vendor, version: d.old.version, published: d.old.published },
    new: { vendor: d.new.vendor, version: d.new.version, published: d.new.published },
    services: d.services,
    revisions: {
      added: d.revisions.added.map((r) => [r.version, r.date, r.description]),
      removed: d.revisions.removed.map((r) => [r.version, r.date, r.description]),
    },
    sections: {
      added: d.sections.added.map((s) => s.control_id),
      removed: d.sections.removed.map((s) => s.control_id),
      changed: Object.fromEntries(d.sections.changed.map((c) => [c.control_id, c.hunks])),
    },
    facts: {
      added: d.facts.added.map((f) => `${factLabel(f)} ${factValue(f)}`),
      removed: d.facts.removed.map((f) => `${factLabel(f)} ${factValue(f)}`),
      changed: d.facts.changed.map(factChange),
    },
  };
}

const { note: _note, ...want } = expected;

describe('hakusho diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hakusho-diff-'));
  const input = join(dir, 'in');
  const db = join(dir, 'h.sqlite');
  const v13 = join(input, 'infocms-1.3.txt');
  const v14 = join(input, 'infocms-1.4.txt');
  /** One path that held 1.3 first, then 1.4 (a file updated in place): it names two documents. */
  const current = join(input, 'current', 'infocms.txt');
  let ids: { v13: number; v14: number; sha13: string };

  beforeAll(async () => {
    mkdirSync(join(input, 'current'), { recursive: true });
    copyFileSync(join(FIXTURES, 'infocms-1.3.txt'), v13);
    copyFileSync(join(FIXTURES, 'infocms-1.4.txt'), v14);
    copyFileSync(join(ROOT, 'corpus/002_06e9b655fac815a7.txt'), join(input, 'chrofy.txt'));
    copyFileSync(v13, current);
    const run = () => runBatch({ pipeline: whitepaperJa(), paths: [input], db, jobs: 1, force: false, processor: inProcess });
    expect((await run()).failed).toEqual([]);
    copyFileSync(v14, current);
    expect((await run()).stored).toEqual([]);
    const conn = new Database(db, { readonly: true });
    const row = (path: string) => conn.prepare<[string], { id: number; sha256: string }>('SELECT id, sha256 FROM documents WHERE path = ?').get(path)!;
    ids = { v13: row(v13).id, v14: row(v14).id, sha13: row(v13).sha256 };
    conn.close();
  });

  it('shows exactly the edited sections, facts and the new revision row (--json, documents given by path)', () => {
    const r = hakusho(['diff', v13, v14, '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Diff;
    expect(d.same_family).toBe(true);
    expect(summarize(d)).toEqual(want);
  });

  it('prints the same on a terminal, one line per change, unchanged sections left out', () => {
    const r = hakusho(['diff', String(ids.v13), String(ids.v14), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('株式会社インフォネット セキュリティホワイトペーパー: 第1.3版 2025-02-03 → 第1.4版 2025-09-01');
    expect(r.stdout).toContain('  + 第1.4版  2025-09-01  12.3.1 バックアップ世代数の変更、10.1.1 通信の暗号化、9.2.3 二段階認証の追加');
    expect(lines.filter((l) => /^ {2}~ \d/.test(l) && !/ → /.test(l))).toEqual([
      '  ~ 9.2.3 特権的アクセス権の管理',
      '  ~ 10.1.1 暗号による管理策の利用方針',
      '  ~ 12.3.1 情報のバックアップ',
    ]);
    expect(r.stdout).toContain('      - …のバックアップを、日次で3世代を取得/保持していま…\n      + …のバックアップを、日次で7世代を取得/保持していま…');
    expect(r.stdout).toContain('      + また、管理者のログインには二段階認証をご利用いただけます。');
    expect(r.stdout).toContain('  ~ 12.3.1 backup_generations daily 3 → 7');
    expect(r.stdout).toContain('  + 9.2.3 mfa true');
    expect(r.stdout).toContain('  ~ 10.1.1 tls null (negated) → 1.2 (min)');
  });

  it('takes a sha256 prefix, and --latest with part of a vendor name compares the last two editions', async () => {
    const bySha = await inProcessCli(['diff', ids.sha13.slice(0, 8), String(ids.v14), '--db', db, '--json']);
    expect(bySha.code).toBe(0);
    const latest = await inProcessCli(['diff', '--latest', 'インフォネット', '--db', db, '--json']);
    expect(latest.code).toBe(0);
    const d = JSON.parse(latest.stdout) as Diff;
    expect([d.old.id, d.new.id]).toEqual([ids.v13, ids.v14]);
    expect(JSON.parse(bySha.stdout)).toEqual(d);
  });

  it('refuses an ambiguous or unknown document with the candidates listed (exit 2)', async () => {
    const ambiguous = hakusho(['diff', current, String(ids.v14), '--db', db]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/names 2 documents/);
    expect(ambiguous.stderr).toContain(`#${ids.v13}  ${ids.sha13.slice(0, 12)}  株式会社インフォネット  第1.3版 2025-02-03`);
    expect(ambiguous.stderr).toMatch(new RegExp(`#${ids.v14} .*第1\\.4版`));

    const unknown = await inProcessCli(['diff', 'no-such-file.txt', String(ids.v14), '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"no-such-file.txt" is not a stored document/);
    expect(unknown.stderr).toContain('chrofy.txt');

    const short = await inProcessCli(['diff', 'abc', String(ids.v14), '--db', db]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 6 hex digits/);
  });

  it('refuses an unknown vendor (exit 2) and a vendor with one edition (exit 1), and bad usage (exit 2)', async () => {
    const vendor = await inProcessCli(['diff', '--latest', 'Nonexistent', '--db', db]);
    expect(vendor.code).toBe(2);
    expect(vendor.stderr).toMatch(/no stored vendor matches "Nonexistent"/);
    expect(vendor.stderr).toContain('CHROFY株式会社');
    const single = await inProcessCli(['diff', '--latest', 'chrofy', '--db', db]);
    expect(single.code).toBe(1);
    expect(single.stderr).toMatch(/CHROFY株式会社 has no whitepaper with two editions/);
    for (const args of [['diff', String(ids.v13)], ['diff', '--latest', 'x', '1'], ['diff', '--frobnicate']]) {
      const r = await inProcessCli([...args, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/hakusho diff/);
    }
  });

  it('compares fact rows as stored, whoever wrote them (rows inserted here, not by the extractor)', () => {
    const copy = join(dir, 'hand.sqlite');
    copyFileSync(db, copy);
    const conn = new Database(copy);
    conn.prepare('DELETE FROM facts WHERE document_id IN (?, ?)').run(ids.v13, ids.v14);
    const insert = conn.prepare(
      `INSERT INTO facts (document_id, section_id, control_id, kind, value, frequency, subject, bound, negated, evidence)
       SELECT ?, id, control_id, ?, ?, ?, ?, ?, ?, 'hand-made' FROM sections WHERE document_id = ? AND control_id = ?`,
    );
    const both = (control: string, kind: string, value: string | null, frequency: string | null = null, subject: string | null = null, bound: string | null = null, negated = 0) => {
      for (const id of [ids.v13, ids.v14]) insert.run(id, kind, value, frequency, subject, bound, negated, id, control);
    };
    both('6.1.3', 'region', 'JP');
    both('18.1.5', 'tls', null, null, null, 'exact');
    insert.run(ids.v13, 'backup_generations', '3', 'daily', null, null, 0, ids.v13, '12.3.1');
    insert.run(ids.v14, 'backup_generations', '7', 'daily', null, null, 0, ids.v14, '12.3.1');
    insert.run(ids.v13, 'retention_days', '30', 'daily', 'backup', 'exact', 0, ids.v13, '12.3.1');
    insert.run(ids.v13, 'tls', null, null, null, 'exact', 1, ids.v13, '10.1.1');
    insert.run(ids.v14, 'tls', '1.2', null, null, 'min', 0, ids.v14, '10.1.1');
    insert.run(ids.v14, 'mfa', 'true', null, null, null, 0, ids.v14, '9.2.3');
    const d = diffEditions(loadEdition(conn, ids.v13), loadEdition(conn, ids.v14));
    conn.close();
    expect(summarize(d).facts).toEqual({
      added: ['9.2.3 mfa true'],
      removed: ['12.3.1 retention_days backup daily 30'],
      changed: ['10.1.1 tls null (negated) → 1.2 (min)', '12.3.1 backup_generations daily 3 → 7'],
    });
  });
});
