// `hakusho diff`: what changed between two editions of a whitepaper.
import { InputError } from '../diagnostics.ts';
import { diffEditions } from '../diff/compare.ts';
import { COLOUR, formatText, PLAIN } from '../diff/format.ts';
import { DocumentReferenceError, latestPair, loadEdition, NothingToCompareError, resolveDocument } from '../diff/load.ts';
import { dbOptionHelp, locateDb, openReadOnly } from '../store/db.ts';
import { EXIT, parse, UsageError, type Command, type IO } from './command.ts';

const help = `Usage: hakusho diff <old> <new> [options]
       hakusho diff --latest <vendor> [options]

Shows what changed between two editions of a whitepaper: sections added, removed
and changed (with the sentences that differ), facts added, removed and changed,
and the rows of the revision history that the new edition adds.

<old> and <new> are each a document id, a file path (as it was stored, or any
file whose content is stored) or a sha256 prefix of at least 6 hex digits.

Options:
  --latest VENDOR  compare the last two editions of VENDOR's whitepaper (its
                   name, or a part of the name that matches one vendor only)
${dbOptionHelp(19)}
  --json           print the differences as one JSON object on stdout
  -h, --help       show this help

Sections are matched by control id (the second 12.3.1 with the second 12.3.1);
a section is changed when its text differs other than in whitespace. Facts are
matched by control, kind and what identifies them: backup_generations by
frequency, retention_days by subject and frequency, tls, region and
cloud_provider by value. Unchanged sections and facts are not listed.

Exit status: 0 when the comparison was shown (whether or not anything changed),
1 when the database cannot be read or the vendor has fewer than two editions,
2 for bad usage or a document or vendor that is unknown or ambiguous (the
message lists the candidates).
`;

/** Colour on a terminal only: both stdout and stderr are one, and NO_COLOR / FORCE_COLOR=0 are not set. */
function useColour(io: IO): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return io.isTTY && Boolean(process.stdout.isTTY);
}

export const diff: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parse('diff', argv, {
      db: { type: 'string' },
      latest: { type: 'string' },
      json: { type: 'boolean' },
    });
    const latest = values.latest as string | undefined;
    if (latest !== undefined && positionals.length > 0) {
      throw new UsageError('give either two documents or --latest VENDOR, not both; see `hakusho diff --help`');
    }
    if (latest === undefined && positionals.length !== 2) {
      throw new UsageError(
        `give two documents to compare (ids, file paths or sha256 prefixes), or --latest VENDOR; got ${positionals.length}; see \`hakusho diff --help\``,
      );
    }
    const db = openReadOnly(locateDb(values.db as string | undefined));
    try {
      let ids: [number, number];
      try {
        ids = latest !== undefined ? latestPair(db, latest) : [resolveDocument(db, positionals[0]!), resolveDocument(db, positionals[1]!)];
      } catch (e) {
        if (e instanceof DocumentReferenceError) throw new UsageError(e.message);
        if (e instanceof NothingToCompareError) throw new InputError('nothing-to-compare', e.message);
        throw e;
      }
      const result = diffEditions(loadEdition(db, ids[0]), loadEdition(db, ids[1]));
      io.stdout(values.json ? `${JSON.stringify(result)}\n` : formatText(result, useColour(io) ? COLOUR : PLAIN));
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
