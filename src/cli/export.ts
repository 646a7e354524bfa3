// `hakusho export`: the extracted data out as CSV, JSON or an OSCAL component-definition.
import { loadDataset } from '../export/data.ts';
import { openForReading } from '../export/open.ts';
import { oscalExport } from '../export/oscal.ts';
import { CSV_TABLES, csvTable, jsonExport, type CsvTable } from '../export/tables.ts';
import { dbOptionHelp, locateDb } from '../store/db.ts';
import { EXIT, parse, UsageError, writeOut, type Command } from './command.ts';

const help = `Usage: hakusho export --format csv|json|oscal [options]

Writes the extracted data out, to stdout or to --out FILE.

Formats:
  csv     one table per run, chosen with --table (RFC 4180, UTF-8, CRLF, header row;
          a cell that starts with = + - @ gets a leading ' so spreadsheets show it as text):
            facts      one row per fact, with its document, control, label and evidence (default)
            sections   one row per section: control id, heading, page, body
            documents  one row per stored document: vendor, title, edition, services
  json    everything in one object: documents[], each with its services, sections[] and facts[]
  oscal   an OSCAL 1.1.2 component-definition in XML: one component per whitepaper,
          one implemented-requirement per ISO/IEC 27017 control it addresses
          (control-id a.12.3.1 for 12.3.1, cld.9.5.1 for CLD.9.5.1), the section
          text as its description and the facts as props

Options:
  --format FORMAT  csv, json or oscal (required)
  --table TABLE    with csv: facts (default), sections or documents
  --latest         only the latest edition of each whitepaper
  --bom            with csv: start with a UTF-8 byte-order mark, so that Excel reads Japanese
  --lang ja|en     with csv: headers, kinds and labels in Japanese (ja) or English (en, default)
${dbOptionHelp(19)}
  --out FILE       write to FILE instead of stdout (its folder is created)
  -h, --help       show this help

Examples:
  hakusho export --format csv --table sections --out output/sections.csv
  hakusho export --format oscal --latest --out output/hakusho-oscal.xml
  hakusho export --format csv --lang ja --bom --out output/facts-ja.csv

Exit status: 0 on success, 1 when the database cannot be read or the file
cannot be written, 2 for bad usage.
`;

const FORMATS = ['csv', 'json', 'oscal'] as const;
type Format = (typeof FORMATS)[number];

export const exportCommand: Command = {
  help,
  async run(argv, io) {
    const { values } = parse(
      'export',
      argv,
      {
        db: { type: 'string' },
        format: { type: 'string' },
        table: { type: 'string' },
        out: { type: 'string' },
        latest: { type: 'boolean' },
        bom: { type: 'boolean' },
        lang: { type: 'string' },
      },
      false,
    );
    const format = values.format as Format | undefined;
    if (format === undefined) throw new UsageError('say which format with --format csv, json or oscal; see `hakusho export --help`');
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be csv, json or oscal, not "${format}"; see \`hakusho export --help\``);
    const table = ((values.table as string | undefined) ?? 'facts') as CsvTable;
    if (values.table !== undefined && format !== 'csv') throw new UsageError('--table goes with --format csv (json and oscal hold every table)');
    if (!CSV_TABLES.includes(table)) throw new UsageError(`--table must be facts, sections or documents, not "${table}"; see \`hakusho export --help\``);
    if (values.bom && format !== 'csv') throw new UsageError('--bom goes with --format csv');
    const lang = (values.lang as string | undefined) ?? 'en';
    if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang must be ja or en, not "${lang}"`);
    if (values.lang !== undefined && format !== 'csv') throw new UsageError('--lang goes with --format csv');

    const db = openForReading(locateDb(values.db as string | undefined));
    let text: string;
    try {
      const data = loadDataset(db, { latest: Boolean(values.latest) });
      text = format === 'csv' ? csvTable(data, table, lang) : format === 'json' ? jsonExport(data) : oscalExport(data);
    } finally {
      db.close();
    }
    if (values.bom) text = `\ufeff${text}`;
    const out = values.out as string | undefined;
    if (out === undefined) {
      io.stdout(text);
      return EXIT.ok;
    }
    if (!writeOut('export', out, text, io)) return EXIT.failed;
    io.stderr(`hakusho export: wrote ${out}\n`);
    return EXIT.ok;
  },
};
