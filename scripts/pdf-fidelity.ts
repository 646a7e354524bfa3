// `npx tsx scripts/pdf-fidelity.ts [--doc dev10] [--producer reportlab] [--diff] [--json]`:
// how closely each dev-set PDF's extracted lines (after normalizeLines) reproduce the text or
// Markdown version of the same document (after extractText and normalizeLines), per document and
// producer (scripts/pdf-fidelity-score.ts says how it is measured):
//   chars       all text, whitespace ignored (1 = the same characters in the same order)
//   cells       table cells equal in aligned rows (empty cells count: a lost TAB shifts a row)
//   rows        rows equal with their in-cell line breaks, of the text's rows
//   starts      text lines (paragraphs, rows) that also start a line in the PDF (none glued to another)
// `--diff` lists what differs (`-` text only, `+` PDF only, `~` a row that differs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { extractPdf } from '../src/extract/pdf.ts';
import { extractText } from '../src/extract/text.ts';
import { normalizeLines } from '../src/normalize/lines.ts';
import { fidelity, stripMarkdown, type Fidelity } from './pdf-fidelity-score.ts';

const DEV = 'test/dev';
export const PRODUCERS = ['reportlab', 'chromium'] as const;

/** The dev documents: base name and text file. */
export function devDocuments(dir = DEV): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => /^dev\d+.*\.(?:txt|md)$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.[^.]+$/, ''), text: join(dir, f) }));
}

export function textLines(path: string): string[] {
  const markdown = path.endsWith('.md');
  const lines = normalizeLines(extractText(readFileSync(path), { markdown }).lines).map((l) => l.text);
  return markdown ? lines.map(stripMarkdown) : lines;
}

export async function pdfLines(path: string): Promise<string[]> {
  return normalizeLines((await extractPdf(readFileSync(path))).lines).map((l) => l.text);
}

export async function measure(doc: { name: string; text: string }, producer: string, dir = DEV): Promise<Fidelity | null> {
  const pdf = join(dir, 'pdf', producer, `${doc.name}.pdf`);
  if (!existsSync(pdf)) return null;
  return fidelity(textLines(doc.text), await pdfLines(pdf));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { doc: { type: 'string' }, producer: { type: 'string' }, diff: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const docs = devDocuments().filter((d) => !values.doc || d.name.startsWith(values.doc));
  const producers = PRODUCERS.filter((p) => !values.producer || p === values.producer);
  const f3 = (x: number) => x.toFixed(3);
  const results: Record<string, Record<string, Omit<Fidelity, 'diff'>>> = {};
  if (!values.json) console.log(`${'document'.padEnd(28)}${'producer'.padEnd(11)}chars  cells  rows      starts`);
  const totals = new Map<string, { chars: number; cells: number; n: number }>();
  for (const doc of docs) {
    for (const producer of producers) {
      const f = await measure(doc, producer);
      if (!f) continue;
      const { diff, ...figures } = f;
      (results[doc.name] ??= {})[producer] = figures;
      const t = totals.get(producer) ?? { chars: 0, cells: 0, n: 0 };
      totals.set(producer, { chars: t.chars + f.chars, cells: t.cells + f.cells, n: t.n + 1 });
      if (values.json) continue;
      console.log(`${doc.name.padEnd(28)}${producer.padEnd(11)}${f3(f.chars)}  ${f3(f.cells)}  ${`${f.rowsExact}/${f.rows}`.padEnd(8)}  ${f3(f.starts)}`);
      if (values.diff) for (const d of diff) console.log(`    ${d}`);
    }
  }
  if (values.json) {
    console.log(JSON.stringify(results));
    return;
  }
  for (const [producer, t] of totals) console.log(`${'MEAN'.padEnd(28)}${producer.padEnd(11)}${f3(t.chars / t.n)}  ${f3(t.cells / t.n)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
