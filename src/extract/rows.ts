// Table rows in text input, as one Line each: cells joined by TAB, a line break inside a cell
// kept as "\n". The segmenter and the facts read every table this way, whether it came from a
// spreadsheet pasted as text, a Markdown table or a PDF grid (layout.ts).
import { parse } from 'csv-parse/sync';
import type { Table, TableCell } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Line } from '../types.ts';

/** A quoted cell longer than this many lines is not a cell: the quote was text. */
const MAX_CELL_LINES = 60;

/**
 * A spreadsheet pasted as text: a cell holding a line break is written in double quotes over
 * several lines, a quote inside it doubled (「"…""Key Protect""…"」). Such a record becomes one row.
 * Lines without a quote are left as they are.
 */
export function joinQuotedRows(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.includes('\t') || !line.text.includes('"')) {
      out.push(line);
      continue;
    }
    const window = lines.slice(i, i + MAX_CELL_LINES).map((l) => l.text).join('\n');
    let record: { record: string[]; info: { lines: number } } | undefined;
    try {
      // `info` makes each record { record, info }, which the library's types do not say.
      [record] = parse(window, { delimiter: '\t', to: 1, info: true, relax_column_count: true, relax_quotes: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[];
    } catch {
      record = undefined; // an unclosed or stray quote: the line is text, as written
    }
    if (!record) {
      out.push(line);
      continue;
    }
    out.push({ ...line, text: record.record.map((c) => c.replace(/\r/g, '')).join('\t') });
    i += Math.max(1, record.info.lines) - 1;
  }
  return out;
}

function cellText(cell: TableCell): string {
  // 「<br>」 inside a cell is its line break; everything else is read as plain text.
  return cell.children
    .map((c) => (c.type === 'html' && /^<br\s*\/?>$/i.test(c.value) ? '\n' : toString(c)))
    .join('')
    .trim();
}

/**
 * GFM tables in a Markdown file, each row replaced by one row line (its delimiter row dropped);
 * what is not a table is left line for line as the file has it.
 */
export function markdownTableRows(lines: readonly Line[]): Line[] {
  if (!lines.some((l) => /^\s*\|?.*\|.*$/.test(l.text) && /^\s*\|?\s*:?-{3,}/.test(l.text))) return [...lines];
  const tree = fromMarkdown(lines.map((l) => l.text).join('\n'), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  // Source line (1-based) → the row that replaces it; the other lines of a table are dropped.
  const rows = new Map<number, string>();
  const dropped = new Set<number>();
  const visit = (node: { type: string; children?: unknown[]; position?: { start: { line: number }; end: { line: number } } }) => {
    if (node.type === 'table' && node.position) {
      const table = node as unknown as Table;
      for (let l = table.position!.start.line; l <= table.position!.end.line; l++) dropped.add(l);
      for (const row of table.children) rows.set(row.position!.start.line, row.children.map(cellText).join('\t'));
      return;
    }
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(tree);
  const out: Line[] = [];
  lines.forEach((line, i) => {
    const row = rows.get(i + 1);
    if (row !== undefined) out.push({ ...line, text: row });
    else if (!dropped.has(i + 1)) out.push(line);
  });
  return out;
}
