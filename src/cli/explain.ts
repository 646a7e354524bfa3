// `hakusho explain <file>`: the pipeline on one file, every decision shown; no database is written.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDocument } from '../../pipelines/whitepaper-ja.ts';
import { rulesVersion } from '../../pipelines/version.ts';
import { formatDiagnostic, InputError } from '../diagnostics.ts';
import { openForReading } from '../export/open.ts';
import { explain, type Explanation } from '../explain/explanation.ts';
import { sha256 } from '../ingest/hash.ts';
import { EXIT, parse, UsageError, type Command } from './command.ts';

const help = `Usage: hakusho explain <file> [options]

Runs the pipeline on one file (.pdf, .txt or .md) and shows every decision it
takes, in reading order, without creating or writing any database:
  sections     each control section: control id, heading, line and page, how
               the control was found (matched_by: id, title or topic) and from
               what (rule: heading, id-line, table or qa)
  rejected     each heading-like line that opened no section, and why (toc,
               cross_reference, revision_row, chapter, unknown_title, overview,
               isolated_topic, not_applicable, category_row, …)
  facts        each fact with its attributes, control, whether it is denied,
               the rule that read it, its cue (the words that triggered it and,
               for a denial, the denying words) and its evidence sentence
  suppressed   candidates not taken as facts, and why (advice to customers, a
               plan, a trademark note)
  diagnostics  what the text extraction noticed (damaged pages, fonts, …)

Options:
  --json        print all of it as one JSON object (the field names above)
  --db FILE     also say whether this file's content is stored in FILE, and by
                the current rules (FILE is only read)
  -h, --help    show this help

Colours are used on a terminal, unless NO_COLOR is set.

Example:
  hakusho explain corpus/003_a13703324aa8d91f.txt

Exit status: 0 when the file was read, 1 when it cannot be (the reason is
printed), 2 for bad usage.
`;

type Paint = (code: string, text: string) => string;

function render(x: Explanation, paint: Paint, stored: string | null): string {
  const where = (line: number | null, page: number | null) => (page !== null ? `p.${page} ` : '') + (line !== null ? `l.${line}` : '');
  const out: string[] = [];
  out.push(`${paint('1', x.file)}  ${x.format}${x.pages !== null ? `, ${x.pages} pages` : ''}`);
  out.push(`  vendor ${x.meta.vendor ?? '-'} | services ${x.meta.services.join(', ') || '-'} | version ${x.meta.version ?? '-'} | published ${x.meta.published ?? '-'} | ${x.meta.revisions.length} revisions`);
  if (stored) out.push(`  ${stored}`);
  out.push('', paint('1', `sections (${x.sections.length})`));
  for (const s of x.sections) {
    out.push(`  ${paint('36', (s.control_id ?? '-').padEnd(11))} ${where(s.line, s.page).padEnd(10)} ${`${s.matched_by}/${s.rule}`.padEnd(14)} ${s.heading}`);
  }
  out.push('', paint('1', `rejected (${x.rejected.length})`));
  for (const r of x.rejected) out.push(`  ${where(r.line, r.page).padEnd(10)} ${paint('33', r.reason.padEnd(24))} ${paint('2', r.text.slice(0, 70))}`);
  out.push('', paint('1', `facts (${x.facts.length})`));
  for (const f of x.facts) {
    const attrs = Object.entries(f)
      .filter(([k, v]) => !['kind', 'value', 'control_id', 'negated', 'rule', 'cue', 'evidence', 'page'].includes(k) && v !== null && v !== false)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const claim = `${f.kind} ${f.value ?? '(no value)'}${attrs ? ` ${attrs}` : ''}`;
    out.push(`  ${paint('36', (f.control_id ?? '(outside)').padEnd(11))} ${f.negated ? paint('31', `NOT ${claim}`) : claim}`);
    out.push(`      ${paint('2', `rule ${f.rule} · cue «${f.cue}»${f.page !== null ? ` · p.${f.page}` : ''}`)}`);
    out.push(`      ${f.evidence}`);
  }
  out.push('', paint('1', `suppressed (${x.suppressed.length})`));
  for (const s of x.suppressed) out.push(`  ${paint('33', s.reason.padEnd(10))} ${s.kind} ${s.value ?? ''}  ${paint('2', s.evidence.slice(0, 70))}`);
  out.push('', paint('1', `diagnostics (${x.diagnostics.length})`));
  for (const d of x.diagnostics) out.push(`  ${formatDiagnostic(d)}`);
  return `${out.join('\n')}\n`;
}

/** Whether the file's content is stored in the database, read-only; null when no --db was given. */
function storedStatus(db: string | undefined, hash: string): string | null {
  if (db === undefined) return null;
  const path = resolve(db);
  if (!existsSync(path)) return `not stored: there is no database at ${path}`;
  const conn = openForReading(path, false);
  try {
    const row = conn.prepare<[string], { id: number; pipeline_version: string }>('SELECT id, pipeline_version FROM documents WHERE sha256 = ?').get(hash);
    if (!row) return `not stored in ${path}`;
    const current = row.pipeline_version === rulesVersion().id;
    return `stored in ${path} as document ${row.id}, ${current ? 'by the current rules' : `by other rules (${row.pipeline_version}): the next run will process it again`}`;
  } finally {
    conn.close();
  }
}

export const explainCommand: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parse('explain', argv, { json: { type: 'boolean' }, db: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('give one file to explain, e.g. `hakusho explain corpus/003_a13703324aa8d91f.txt`');
    const file = positionals[0]!;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (e) {
      throw new InputError('unreadable', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    const { result, trace } = await readDocument(file, bytes);
    const x = explain(file, result, trace);
    const stored = storedStatus(values.db as string | undefined, sha256(bytes));
    if (values.json) {
      io.stdout(`${JSON.stringify(stored === null ? x : { ...x, stored }, null, 1)}\n`);
      return EXIT.ok;
    }
    const color = io.isTTY && !process.env.NO_COLOR;
    const paint: Paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
    io.stdout(render(x, paint, stored));
    return EXIT.ok;
  },
};
