// `hakusho query`: one read-only SQL statement against the database, printed as a table, CSV or JSON.
import { InputError } from '../diagnostics.ts';
import { csvRow, type Cell } from '../export/csv.ts';
import { openForReading } from '../export/open.ts';
import { formatTable } from '../export/table.ts';
import { dbOptionHelp, locateDb } from '../store/db.ts';
import { EXIT, parse, UsageError, type Command } from './command.ts';

const help = `Usage: hakusho query "<SQL>" [options]

Runs one read-only SQL statement against the database and prints its rows.
The database is opened read-only: INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH,
VACUUM and PRAGMA settings (PRAGMA name = value) are refused and change nothing;
use the sqlite3 shell to change data.

Views for the common questions (see the README for examples):
  latest_documents   the latest edition of each whitepaper
  fact_matrix        one row per document and fact kind, values side by side
  control_coverage   every document × every ISO/IEC 27017 control, covered 0/1
  contradictions     facts of one document both affirmed and negated
  fact_labels        every fact with a short readable label

Options:
${dbOptionHelp(20)}
  --format FORMAT   table (default), csv (RFC 4180, with a header row) or json
                    (an array of objects, one per row)
  -h, --help        show this help

In a table, long values are cut at 60 columns (…) and line breaks shown as ↵;
csv and json give whole values.

Example:
  hakusho query "SELECT vendor, kind, value_list FROM fact_matrix ORDER BY kind"

Exit status: 0 on success, 1 when the statement fails or would write,
2 for bad usage (no statement, more than one, unknown option).
`;

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Statements SQLite calls read-only that still change what a connection sees or writes files. */
const CONFIG_STATEMENTS = /^(ATTACH|DETACH|VACUUM|REINDEX|ANALYZE)\b/i;

/** PRAGMAs that take an argument only to read (`PRAGMA table_info(sections)`). */
const READING_PRAGMAS = new Set([
  'table_info', 'table_xinfo', 'table_list', 'index_info', 'index_xinfo', 'index_list', 'foreign_key_list',
  'foreign_key_check', 'integrity_check', 'quick_check', 'function_list', 'module_list', 'pragma_list',
  'collation_list', 'database_list', 'compile_options',
]);

/** The statement without leading whitespace and comments. */
function stripLeading(sql: string): string {
  let s = sql;
  for (;;) {
    const t = s.replace(/^\s+/, '');
    if (t.startsWith('--')) {
      const nl = t.indexOf('\n');
      s = nl < 0 ? '' : t.slice(nl + 1);
    } else if (t.startsWith('/*')) {
      const end = t.indexOf('*/');
      s = end < 0 ? '' : t.slice(end + 2);
    } else {
      return t;
    }
  }
}

/** Why a statement that SQLite would let through a read-only connection is refused anyway, or null. */
function refusal(sql: string): string | null {
  const s = stripLeading(sql);
  const word = CONFIG_STATEMENTS.exec(s);
  if (word) return `${word[1]!.toUpperCase()} is not a query`;
  const pragma = /^PRAGMA\s+(?:[\w"]+\s*\.\s*)?"?(\w+)"?\s*([=(])?/i.exec(s);
  if (pragma && pragma[2] === '=') return `PRAGMA ${pragma[1]} = … changes a setting`;
  if (pragma && pragma[2] === '(' && !READING_PRAGMAS.has(pragma[1]!.toLowerCase())) return `PRAGMA ${pragma[1]}(…) changes a setting`;
  return null;
}

/** Column names made unique for JSON objects: a second `id` becomes `id_2`. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}_${k}`;
  });
}

function jsonValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v;
}

export const query: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parse('query', argv, {
      db: { type: 'string' },
      format: { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('give one SQL statement in quotes, e.g. `hakusho query "SELECT * FROM latest_documents"`');
    if (positionals.length > 1) throw new UsageError('give the SQL statement as one argument, in quotes; see `hakusho query --help`');
    const format = ((values.format as string | undefined) ?? 'table') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be table, csv or json, not "${format}"; see \`hakusho query --help\``);
    const sql = positionals[0]!;
    const loc = locateDb(values.db as string | undefined);
    const path = loc.path;
    const db = openForReading(loc, false);
    try {
      let stmt;
      try {
        stmt = db.prepare(sql);
      } catch (e) {
        const message = (e as Error).message;
        if (e instanceof RangeError && /more than one statement/.test(message)) {
          throw new UsageError('give exactly one SQL statement (this has more than one); run them one at a time');
        }
        if (e instanceof RangeError && /no statements/.test(message)) {
          throw new UsageError('the SQL is empty: give one statement, e.g. `hakusho query "SELECT * FROM latest_documents"`');
        }
        throw new InputError('sql', `the SQL does not compile: ${message}`);
      }
      const refused = stmt.readonly ? refusal(sql) : 'it would change the database';
      if (refused) {
        throw new InputError('read-only', `query opens the database read-only; ${refused}: use sqlite3 to change data (sqlite3 ${path})`);
      }
      if (!stmt.reader) {
        stmt.run();
        return EXIT.ok;
      }
      const names = stmt.columns().map((c) => c.name);
      if (format === 'csv') {
        // Streamed row by row: a whole table need not fit in memory.
        io.stdout(csvRow(names));
        for (const r of stmt.raw(true).iterate() as Iterable<Cell[]>) io.stdout(csvRow(r));
      } else if (format === 'json') {
        const keys = uniqueNames(names);
        let n = 0;
        for (const r of stmt.raw(true).iterate() as Iterable<unknown[]>) {
          const object = Object.fromEntries(keys.map((k, i) => [k, jsonValue(r[i])]));
          io.stdout(`${n++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(object)}`);
        }
        io.stdout(n === 0 ? '[]\n' : '\n]\n');
      } else {
        const rows = stmt.raw(true).all() as unknown[][];
        io.stdout(formatTable(names, rows));
        io.stdout(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})\n`);
      }
      return EXIT.ok;
    } catch (e) {
      // A write that slipped past the checks still fails inside SQLite: say so in the same words.
      const code = e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : '';
      if (code.startsWith('SQLITE_READONLY')) {
        throw new InputError('read-only', `query opens the database read-only; use sqlite3 to change data (sqlite3 ${path})`);
      }
      if (code.startsWith('SQLITE_')) throw new InputError('sql', `the statement failed: ${(e as Error).message}`);
      throw e;
    } finally {
      db.close();
    }
  },
};
