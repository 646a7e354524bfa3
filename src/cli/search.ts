// `hakusho search`: Japanese full-text search over section bodies, best match first.
import { openForReading } from '../export/open.ts';
import { search, type SearchHit } from '../search/search.ts';
import { dbOptionHelp, locateDb } from '../store/db.ts';
import { EXIT, intOption, parse, UsageError, type Command } from './command.ts';

const help = `Usage: hakusho search "<Japanese text>" [options]

Full-text search over the section bodies of every stored whitepaper. Lists the
matching sections best first (bm25): vendor, edition, control id, heading, page,
and a snippet of the body with the matches marked «like this».

The text is split into words the way the bodies were (kuromoji); words written
together must appear together (「世代管理」), words separated by spaces may
appear anywhere in the section (「バックアップ 世代」 finds sections with both).
The last word of each group also matches longer words it starts
(クラウド finds クラウドサービスカスタマ); numbers match exactly.

Options:
${dbOptionHelp(16)}
  --limit N     show at most N sections (default: 20)
  --json        print the matches as a JSON array on stdout (rank, score,
                document_id, section_id, vendor, title, version, published,
                path, control_id, heading, page, snippet)
  -h, --help    show this help

Example:
  hakusho search "バックアップ 世代"

Exit status: 0 (also when nothing matches), 1 when the database cannot be read,
2 for bad usage.
`;

export function edition(version: string | null, published: string | null): string {
  const v = version === null ? '' : /^\d/.test(version) ? `第${version}版` : version;
  return [v, published ?? ''].filter(Boolean).join(' ') || '(no edition)';
}

function formatHit(h: SearchHit): string {
  const where = [h.control_id ?? '(no control id)', h.heading].join(' ') + (h.page !== null ? ` (p. ${h.page})` : '');
  const head = `${h.rank}. ${h.vendor ?? h.path}  ${edition(h.version, h.published)}  ${where}`;
  return `${head}\n   ${h.snippet}\n`;
}

export const searchCommand: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parse('search', argv, {
      db: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('give the text to look for, e.g. `hakusho search "バックアップ 世代"`');
    const text = positionals.join(' ');
    const limit = intOption('search', 'limit', values.limit as string | undefined, 20);
    const loc = locateDb(values.db as string | undefined);
    const path = loc.path;
    const db = openForReading(loc);
    try {
      const result = await search(db, text, limit);
      if (result.match === null) throw new UsageError(`"${text}" has no word to look for (only spaces or punctuation)`);
      if (result.unindexed > 0) {
        io.stderr(
          `hakusho search: ${result.unindexed} sections are not in the search index (stored by an older hakusho); ` +
            `run \`hakusho run <folder> --db ${path} --force\` to index them\n`,
        );
      }
      if (values.json) {
        io.stdout(`${JSON.stringify(result.hits, null, 2)}\n`);
      } else if (result.hits.length === 0) {
        io.stdout(`no section matches 「${text}」\n`);
      } else {
        io.stdout(result.hits.map(formatHit).join('\n'));
        const n = result.hits.length;
        io.stdout(`\n${n} ${n === 1 ? 'section' : 'sections'}${result.more ? ` (more match: --limit ${limit * 5} shows more)` : ''}\n`);
      }
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
