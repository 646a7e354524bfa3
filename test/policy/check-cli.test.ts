// `hakusho check` on the database of corpus/ with examples/policy.json (issue 16's policy): the
// verdicts, exit status, the formats, a refused policy, and the same verdicts in the report.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusDb, cli, parseCsv, type Built } from '../query/helpers.ts';

const POLICY = new URL('../../examples/policy.json', import.meta.url).pathname;

const EXPECTED: Record<string, Record<string, string>> = {
  株式会社東京共同トレード・コンプライアンス: { 'backup-daily-7': 'pass', mfa: 'unknown', 'data-in-japan': 'pass', 'delete-90': 'fail' },
  サイバートラスト株式会社: { 'backup-daily-7': 'unknown', mfa: 'unknown', 'data-in-japan': 'pass', 'delete-90': 'unknown' },
  CHROFY株式会社: { 'backup-daily-7': 'unknown', mfa: 'pass', 'data-in-japan': 'pass', 'delete-90': 'pass' },
  株式会社IDCフロンティア: { 'backup-daily-7': 'unknown', mfa: 'pass', 'data-in-japan': 'pass', 'delete-90': 'unknown' },
  株式会社インフォネット: { 'backup-daily-7': 'fail', mfa: 'unknown', 'data-in-japan': 'pass', 'delete-90': 'unknown' },
};

let built: Built;
beforeAll(async () => {
  built = await buildCorpusDb('hakusho-check-');
}, 120_000);
afterAll(() => built?.cleanup());

describe('hakusho check --policy examples/policy.json on corpus/', () => {
  it('gives exactly the verdicts of the issue, each decided one with its evidence, and exits 1', async () => {
    const r = await cli('check', '--policy', POLICY, '--db', built.db, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { policy: { name: string }; results: Record<string, unknown>[] };
    expect(out.policy.name).toBe('sample');
    const verdicts: Record<string, Record<string, string>> = {};
    for (const v of out.results) (verdicts[v.vendor as string] ??= {})[v.requirement as string] = v.status as string;
    expect(verdicts).toEqual(EXPECTED);
    for (const v of out.results) {
      expect(Object.keys(v)).toEqual(['document_id', 'vendor', 'title', 'version', 'requirement', 'status', 'value', 'control_id', 'page', 'evidence']);
      if (v.status === 'unknown') expect(v.evidence).toBeNull();
      else expect((v.evidence as string).replace(/\s/g, '').length, `${v.vendor} ${v.requirement}`).toBeGreaterThan(4);
    }
    const infonet = out.results.find((v) => v.vendor === '株式会社インフォネット' && v.requirement === 'backup-daily-7')!;
    expect([infonet.value, infonet.control_id]).toEqual(['3', '12.3.1']);
    expect(infonet.evidence).toContain('日次で3世代');
  });

  it('prints the table: whitepapers in rows, requirements in columns, then why each failure failed', async () => {
    const r = await cli('check', '--policy', POLICY, '--db', built.db);
    expect(r.code).toBe(1);
    const rows = r.stdout.split('\n');
    expect(rows[0]!.split('|').map((c) => c.trim())).toEqual(['whitepaper', 'backup-daily-7', 'mfa', 'data-in-japan', 'delete-90']);
    for (const [vendor, want] of Object.entries(EXPECTED)) {
      const row = rows.find((l) => l.startsWith(vendor))!;
      expect(row.split('|').slice(1).map((c) => c.trim())).toEqual(Object.values(want));
    }
    expect(r.stdout).toContain('株式会社インフォネット · backup-daily-7: 3 (12.3.1)');
    expect(r.stdout).toMatch(/sample: 9 pass, 2 fail, 9 unknown \(5 whitepapers × 4 requirements\)/);
  });

  it('prints what the README shows', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const shown = /\$ hakusho check --policy examples\/policy\.json\n([\s\S]*?)```/.exec(readme)![1];
    expect((await cli('check', '--policy', POLICY, '--db', built.db)).stdout).toBe(shown);
  });

  it('gives the same verdicts from the same policy in YAML', async () => {
    const json = await cli('check', '--policy', POLICY, '--db', built.db, '--format', 'json');
    const yaml = await cli('check', '--policy', POLICY.replace(/\.json$/, '.yaml'), '--db', built.db, '--format', 'json');
    expect(yaml.code).toBe(1);
    expect(JSON.parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('writes the same verdicts as CSV', async () => {
    const r = await cli('check', '--policy', POLICY, '--db', built.db, '--format', 'csv');
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual(['document_id', 'vendor', 'title', 'version', 'requirement', 'status', 'value', 'control_id', 'page', 'evidence']);
    expect(rows).toHaveLength(20);
    expect(rows.filter((row) => row[5] === 'fail').map((row) => [row[1], row[4]])).toEqual(
      expect.arrayContaining([
        ['株式会社インフォネット', 'backup-daily-7'],
        ['株式会社東京共同トレード・コンプライアンス', 'delete-90'],
      ]),
    );
  });

  it('exits 0 when nothing fails, and 1 under --strict when something is unknown', async () => {
    const file = join(built.dir, 'japan.json');
    writeFileSync(file, JSON.stringify({ name: 'japan', requirements: [{ id: 'jp', title: '国内', kind: 'region', in: ['JP'] }, { id: 'mfa', title: '多要素認証', kind: 'mfa', equals: true }] }));
    const r = await cli('check', '--policy', file, '--db', built.db);
    expect(r.code).toBe(0);
    expect((await cli('check', '--policy', file, '--db', built.db, '--strict')).code).toBe(1);
  });

  it('refuses a policy with "minimum" with exit 2, naming it', async () => {
    const file = join(built.dir, 'minimum.json');
    writeFileSync(file, JSON.stringify({ name: 'x', requirements: [{ id: 'backup-daily-7', title: 't', kind: 'backup_generations', minimum: 7 }] }));
    const r = await cli('check', '--policy', file, '--db', built.db);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`the policy ${file}: requirement "backup-daily-7": unknown key "minimum"`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('adds the verdicts to the report with --policy: ✓ ✗ ?, the evidence on hover', async () => {
    const out = join(built.dir, 'report.html');
    const r = await cli('report', '--policy', POLICY, '--db', built.db, '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const table = /<table class="policy">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table.match(/class="verdict pass"/g)).toHaveLength(9);
    expect(table.match(/class="verdict fail"/g)).toHaveLength(2);
    expect(table.match(/class="verdict unknown"/g)).toHaveLength(9);
    expect(table).toContain('日次バックアップを7世代以上保持');
    expect(table).toMatch(/class="verdict fail" title="[^"]*日次で3世代[^"]*\(12\.3\.1\)"/);
  });
});
