// `hakusho report`: one self-contained HTML page comparing the vendors.
import { openForReading } from '../export/open.ts';
import { checkPolicy } from '../policy/check.ts';
import { readPolicy } from './check.ts';
import { loadReport } from '../report/data.ts';
import { renderReport } from '../report/html.ts';
import { dbOptionHelp, locateDb } from '../store/db.ts';
import { EXIT, parse, UsageError, writeOut, type Command } from './command.ts';

export const DEFAULT_REPORT = 'output/report.html';

const help = `Usage: hakusho report [options]

Writes one self-contained HTML page (no external files, works offline), in
Japanese unless --lang en, that compares the latest edition of each whitepaper
side by side (at most 6 vendors a table; printed, A4 landscape):
  - the whitepapers: vendor, title, edition, services, how many controls they cover
  - key facts: one row per fact kind, one column per vendor; each value links
    to the sentence it was read from (hover to read it), denials in red
  - control coverage: every ISO/IEC 27017 control × vendor, ✓ linking to the section
  - contradictions: facts a whitepaper both states and denies
  - the evidence sentences and the section texts, for the links above
On screen, a filter shows the vendors whose name holds a text.

Options:
${dbOptionHelp(16)}
  --out FILE    the HTML file to write (default: ${DEFAULT_REPORT}; its folder is created)
  --lang ja|en  the page's language: Japanese (default) or English
  --policy FILE add a policy's verdicts (✓ ✗ ?, the evidence on hover), as
                \`hakusho check\` judges them
  -h, --help    show this help

Exit status: 0 on success, 1 when the database cannot be read or the file
cannot be written, 2 for bad usage.
`;

export const report: Command = {
  help,
  async run(argv, io) {
    const { values } = parse('report', argv, { db: { type: 'string' }, out: { type: 'string' }, policy: { type: 'string' }, lang: { type: 'string' } }, false);
    const out = (values.out as string | undefined) ?? DEFAULT_REPORT;
    const lang = (values.lang as string | undefined) ?? 'ja';
    if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang must be ja or en, not "${lang}"`);
    const policy = values.policy === undefined ? null : await readPolicy(values.policy as string, 'report');
    const db = openForReading(locateDb(values.db as string | undefined));
    let html: string;
    let vendors: number;
    try {
      const data = loadReport(db);
      if (policy) data.policy = { policy, results: checkPolicy(db, policy) };
      html = renderReport(data, { lang });
      vendors = data.documents.length;
    } finally {
      db.close();
    }
    if (!writeOut('report', out, html, io)) return EXIT.failed;
    io.stdout(`hakusho report: ${vendors} whitepapers compared → ${out}\n`);
    return EXIT.ok;
  },
};
