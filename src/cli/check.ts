// `hakusho check`: a team's own requirements (a JSON policy) judged against every whitepaper.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toCsv } from '../export/csv.ts';
import { NO_CONTROL_LABEL } from '../facts/attributes.ts';
import { openForReading } from '../export/open.ts';
import { formatTable } from '../export/table.ts';
import { checkPolicy, RESULT_COLUMNS, type CheckResult } from '../policy/check.ts';
import { parsePolicy, PolicyError, type Policy } from '../policy/policy.ts';
import { fsReason } from '../files.ts';
import { dbOptionHelp, locateDb } from '../store/db.ts';
import { EXIT, parse, UsageError, type Command, type IO } from './command.ts';

const help = `Usage: hakusho check --policy FILE [options]

Judges your own requirements against the latest edition of each whitepaper:
pass, fail or unknown per whitepaper and requirement, each verdict with the
sentence, control and page of the fact that decided it.

A policy is a JSON file (or YAML, named .yaml or .yml):
  {"name": "sample", "requirements": [
    {"id": "backup-daily-7", "title": "日次バックアップを7世代以上保持",
     "kind": "backup_generations", "where": {"frequency": "daily"}, "min": 7},
    {"id": "data-in-japan", "title": "データは国内に保管", "kind": "region", "in": ["JP"]}]}
Each requirement names a fact kind (see README, "Facts"), optional attributes the
facts must have ("where"), and exactly one of:
  min     pass when a fact reaches it, fail when all fall short
  max     pass when all facts stay within it, fail when one exceeds it
  equals  pass when a fact equals it, fail when a denial denies it
  in      pass when all facts are in the list, fail when one is outside it
TLS versions compare as versions, and a denial of TLS fails a TLS requirement;
a provider region counts as its country (aws:ap-northeast-1 is JP). Nothing that
decides gives unknown.

Options:
  --policy FILE    the policy (required)
  --format FORMAT  table (default): whitepapers in rows, requirements in columns;
                   csv or json: one row per verdict with its evidence
  --all-editions   judge every stored edition, not only the latest of each
  --strict         unknown counts as a failure
${dbOptionHelp(19)}
  -h, --help       show this help

Example:
  hakusho check --policy examples/policy.json

Exit status: 0 when no requirement fails, 1 when one fails (or is unknown with
--strict) or the database cannot be read, 2 for bad usage or a policy that
cannot be used.
`;

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** The policy file, or a usage error naming it and what is wrong (exit 2). */
export async function readPolicy(file: string, command = 'check'): Promise<Policy> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the policy ${resolve(file)}: ${fsReason(e)}`);
  }
  try {
    return await parsePolicy(text, /\.ya?ml$/i.test(file) ? 'yaml' : 'json');
  } catch (e) {
    if (e instanceof PolicyError) throw new UsageError(`the policy ${resolve(file)}: ${e.message}; see \`hakusho ${command} --help\``);
    throw e;
  }
}

/** Whitepapers in rows, requirements in columns; then why each failure failed. */
function table(policy: Policy, results: CheckResult[], allEditions: boolean): string {
  const docs = [...new Map(results.map((r) => [r.document_id, r])).values()];
  const name = (r: CheckResult) => `${r.vendor ?? r.title ?? `document ${r.document_id}`}${allEditions && r.version ? ` ${r.version}` : ''}`;
  const header = ['whitepaper', ...policy.requirements.map((q) => q.id)];
  const rows = docs.map((d) => [name(d), ...policy.requirements.map((q) => results.find((r) => r.document_id === d.document_id && r.requirement === q.id)!.status)]);
  const lines = [formatTable(header, rows, { maxWidth: 60 })];
  const failed = results.filter((r) => r.status === 'fail');
  if (failed.length > 0) {
    lines.push('\nfailed:\n');
    for (const r of failed) {
      const where = [r.control_id ?? NO_CONTROL_LABEL.ja, r.page !== null ? `p.${r.page}` : null].filter(Boolean).join(', ');
      lines.push(`  ${name(r)} · ${r.requirement}: ${r.negated ? 'denied ' : ''}${r.value ?? ''} (${where}) 「${r.evidence}」\n`);
    }
  }
  const count = (s: string) => results.filter((r) => r.status === s).length;
  lines.push(`\n${policy.name ? `${policy.name}: ` : ''}${count('pass')} pass, ${count('fail')} fail, ${count('unknown')} unknown (${docs.length} whitepapers × ${policy.requirements.length} requirements)\n`);
  return lines.join('');
}

function render(format: Format, policy: Policy, results: CheckResult[], allEditions: boolean): string {
  if (format === 'json') return `${JSON.stringify({ policy, results: results.map((r) => Object.fromEntries(RESULT_COLUMNS.map((c) => [c, r[c]]))) }, null, 2)}\n`;
  if (format === 'csv') return toCsv(RESULT_COLUMNS, results.map((r) => RESULT_COLUMNS.map((c) => r[c])));
  return table(policy, results, allEditions);
}

export const checkCommand: Command = {
  help,
  async run(argv: string[], io: IO) {
    const { values } = parse(
      'check',
      argv,
      { policy: { type: 'string' }, db: { type: 'string' }, format: { type: 'string' }, 'all-editions': { type: 'boolean' }, strict: { type: 'boolean' } },
      false,
    );
    if (values.policy === undefined) throw new UsageError('give the policy to judge with --policy FILE; see `hakusho check --help`');
    const format = (values.format ?? 'table') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be table, csv or json, not "${values.format as string}"`);
    const policy = await readPolicy(values.policy as string);
    const allEditions = Boolean(values['all-editions']);
    const db = openForReading(locateDb(values.db as string | undefined));
    let results: CheckResult[];
    try {
      results = checkPolicy(db, policy, { allEditions });
    } finally {
      db.close();
    }
    io.stdout(render(format, policy, results, allEditions));
    const failing = results.some((r) => r.status === 'fail' || (values.strict && r.status === 'unknown'));
    return failing ? EXIT.failed : EXIT.ok;
  },
};
